package dev.nabla.ml.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.cluster.Unsupervised;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PCA and TruncatedSVD against sklearn 1.2: components, variances and transforms. */
class PCATest {
    private static final JsonNode REF = Unsupervised.fixture("pca.json");

    private static PCA.Options options(JsonNode params) {
        PCA.Options o = new PCA.Options();
        if (params.has("nComponents")) o = o.nComponents(params.get("nComponents").asInt());
        if (params.has("varianceFraction")) o = o.varianceFraction(params.get("varianceFraction").asDouble());
        if (params.has("whiten")) o = o.whiten(params.get("whiten").asBoolean());
        return o;
    }

    /** Full solver: every fitted array to 1e-8 (relative to the values' scale). */
    @ParameterizedTest
    @CsvSource({"iris_2,iris", "diabetes_all,diabetes", "wine_whiten_3,wine", "digits_095,digits"})
    void fullSolverMatchesSklearn(String key, String data) {
        JsonNode r = REF.get(key);
        Tensor x = Unsupervised.data(data);
        PCA pca = new PCA(options(r.get("params")).solver(PCA.Solver.FULL)).fit(x);
        assertEquals(r.get("n_components").asInt(), pca.nComponents());
        check(r, pca, x, 1e-8);
    }

    /** Randomized solver with sklearn's defaults converges to the exact answer on data with a spectral gap. */
    @Test
    void randomizedSolverMatchesExactSolution() {
        JsonNode r = REF.get("cancer_5");
        Tensor x = Unsupervised.data("cancer");
        PCA pca = new PCA(new PCA.Options().nComponents(5).solver(PCA.Solver.RANDOMIZED)).fit(x);
        check(r, pca, x, 1e-8);
    }

    /** The scatter-matrix solver squares the condition number: still 1e-8 here, where the spectrum is not too spread. */
    @ParameterizedTest
    @CsvSource({"iris_2,iris", "wine_whiten_3,wine"})
    void covarianceSolverMatchesSklearn(String key, String data) {
        JsonNode r = REF.get(key);
        Tensor x = Unsupervised.data(data);
        check(r, new PCA(options(r.get("params")).solver(PCA.Solver.COVARIANCE_EIGH)).fit(x), x, 1e-8);
    }

    private static void check(JsonNode r, PCA pca, Tensor x, double tol) {
        Fixtures.assertClose(Fixtures.matrix(r.get("components")).toDoubleArray(), pca.components().toDoubleArray(), tol, "components");
        double[] ev = Fixtures.doubles(r.get("explained_variance"));
        Fixtures.assertClose(ev, pca.explainedVariance().toDoubleArray(), tol * ev[0], "explained variance");
        Fixtures.assertClose(Fixtures.doubles(r.get("explained_variance_ratio")), pca.explainedVarianceRatio().toDoubleArray(), tol, "ratio");
        double[] sv = Fixtures.doubles(r.get("singular_values"));
        Fixtures.assertClose(sv, pca.singularValues().toDoubleArray(), tol * sv[0], "singular values");
        assertEquals(r.get("noise_variance").asDouble(), pca.noiseVariance(), tol * ev[0]);
        Tensor first5 = x.narrow(0, 0, 5);
        double[] t = Fixtures.matrix(r.get("transform5")).toDoubleArray();
        Fixtures.assertClose(t, pca.transform(first5).toDoubleArray(), tol * Math.max(1, Math.sqrt(ev[0])), "transform");
        Fixtures.assertClose(Fixtures.matrix(r.get("inverse5")).toDoubleArray(), pca.inverseTransform(pca.transform(first5)).toDoubleArray(),
                tol * Math.max(1, Math.sqrt(ev[0])), "inverse transform");
    }

    /** EXACT equals arpack; RANDOMIZED with sklearn's 5 power iterations is ~1e-5 off on digits, as sklearn's own is. */
    @ParameterizedTest
    @CsvSource({"EXACT,1e-9", "RANDOMIZED,1e-4"})
    void truncatedSvdMatchesArpack(TruncatedSVD.Algorithm algorithm, double tol) {
        JsonNode r = REF.get("tsvd_digits_5");
        Tensor x = Unsupervised.data("digits");
        TruncatedSVD svd = new TruncatedSVD(new TruncatedSVD.Options().nComponents(5).algorithm(algorithm)).fit(x);
        Fixtures.assertClose(Fixtures.matrix(r.get("components")).toDoubleArray(), svd.components().toDoubleArray(), tol, "components");
        double[] sv = Fixtures.doubles(r.get("singular_values"));
        Fixtures.assertClose(sv, svd.singularValues().toDoubleArray(), tol * sv[0], "singular values");
        double[] ev = Fixtures.doubles(r.get("explained_variance"));
        Fixtures.assertClose(ev, svd.explainedVariance().toDoubleArray(), tol * ev[0], "explained variance");
        Fixtures.assertClose(Fixtures.doubles(r.get("explained_variance_ratio")), svd.explainedVarianceRatio().toDoubleArray(), tol, "ratio");
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThrows(IllegalArgumentException.class, () -> new PCA.Options().varianceFraction(1.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PCA(new PCA.Options().nComponents(9)).fit(Unsupervised.data("iris")));
        assertTrue(e.getMessage().contains("min(n_samples, n_features)=4"), e.getMessage());
    }
}
