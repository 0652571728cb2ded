package dev.nabla.ml.svm;

import static dev.nabla.ml.Fixtures.assertClose;
import static dev.nabla.ml.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.CvParity;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.linear.ClassWeight;
import dev.nabla.ml.preprocessing.StandardScaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SVC against sklearn (libsvm): the dual solution is unique, so support sets match exactly and
 * coefficients, intercepts and decision values agree to 1e-5 (libsvm caches Q in float32) when both solve to a 1e-8 gap; CV accuracy per fold within 1 point.
 */
class SvcParityTest {
    static final JsonNode REF = Fixtures.load("models/svm.json");
    /** Both sides solve the small problems to this KKT gap, so differences measure the solution. */
    static final double TIGHT = 1e-8;
    private static final double SOLVER = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"rbf", "linear", "poly", "sigmoid"})
    void binaryDualSolution(String kernel) {
        JsonNode small = REF.get("small_binary"), ref = small.get(kernel), p = ref.get("params");
        Tensor x = Fixtures.matrix(small.get("X")), y = Fixtures.vector(small.get("y"));
        Svc.Options o = new Svc.Options().tol(TIGHT).kernel(Kernel.valueOf(kernel.toUpperCase())).c(p.path("C").asDouble(1.0))
                .degree(p.path("degree").asInt(3)).coef0(p.path("coef0").asDouble(0));
        if (p.has("gamma")) o = o.gamma(p.get("gamma").asDouble());
        Svc model = new Svc(o).fit(x, y);
        assertArrayEquals(ints(ref.get("support")), model.support(), kernel + " support");
        assertClose(doubles(ref.get("dual_coef")), model.dualCoef().toDoubleArray(), SOLVER, kernel + " dual_coef");
        assertClose(new double[] {ref.get("intercept").asDouble()}, model.intercept().toDoubleArray(), SOLVER, kernel + " intercept");
        assertClose(doubles(ref.get("decision")), model.decisionFunction(x.slice(0, 0, 20)).toDoubleArray(), SOLVER, kernel + " decision");
    }

    @Test
    void multiclassOneVsOne() {
        JsonNode ref = REF.get("wine_ovo");
        Tensor xs = scaledWine();
        Tensor y = CvParity.bundled("wine").y();
        Svc model = new Svc(new Svc.Options().tol(TIGHT).decisionFunctionShape(DecisionShape.OVO)).fit(xs, y);
        assertArrayEquals(ints(ref.get("n_support")), model.nSupport());
        assertArrayEquals(ints(ref.get("support")), model.support());
        assertClose(Fixtures.matrix(ref.get("dual_coef")).toDoubleArray(), model.dualCoef().toDoubleArray(), SOLVER, "dual_coef");
        assertClose(doubles(ref.get("intercept")), model.intercept().toDoubleArray(), SOLVER, "intercept");
        Tensor every10th = xs.slice(0, 0, 178, 10);
        assertClose(Fixtures.matrix(ref.get("decision_ovo")).toDoubleArray(), model.decisionFunction(every10th).toDoubleArray(), SOLVER, "ovo decision");
        Svc ovr = new Svc(new Svc.Options().tol(TIGHT)).fit(xs, y);
        assertClose(Fixtures.matrix(ref.get("decision_ovr")).toDoubleArray(), ovr.decisionFunction(every10th).toDoubleArray(), SOLVER, "ovr decision");
    }

    @Test
    void balancedClassWeightsScaleTheCosts() {
        JsonNode ref = REF.get("wine_balanced");
        Svc model = new Svc(new Svc.Options().tol(TIGHT).c(2.0).classWeight(ClassWeight.BALANCED)).fit(scaledWine(), CvParity.bundled("wine").y());
        assertArrayEquals(ints(ref.get("support")), model.support());
        assertClose(doubles(ref.get("intercept")), model.intercept().toDoubleArray(), SOLVER, "intercept");
    }

    /** Platt's folds come from our generator, not libsvm's, so probabilities agree only to the sigmoid fit's spread. */
    @Test
    void plattProbabilitiesCloseToLibsvm() {
        Tensor xs = scaledWine();
        Svc model = new Svc(new Svc.Options().probability(true)).fit(xs, CvParity.bundled("wine").y());
        double[] p = model.predictProba(xs.slice(0, 0, 178, 10)).toDoubleArray();
        assertClose(Fixtures.matrix(REF.get("wine_proba").get("proba")).toDoubleArray(), p, 0.05, "Platt probabilities");
    }

    @ParameterizedTest
    @CsvSource({"svc_rbf_iris, RBF, 1, true", "svc_rbf_wine, RBF, 3, true", "svc_linear_breast_cancer, LINEAR, 0.1, true",
            "svc_poly_wine, POLY, 1, true", "svc_sigmoid_breast_cancer, SIGMOID, 1, true", "svc_rbf_digits, RBF, 1, false",
            "svc_balanced_wine, RBF, 1, true"})
    void crossValidatedAccuracy(String key, Kernel kernel, double c, boolean scale) {
        Svc.Options o = new Svc.Options().kernel(kernel).c(c);
        if (kernel == Kernel.POLY) o = o.degree(2).coef0(1.0);
        if (kernel == Kernel.SIGMOID) o = o.gamma(0.01);
        if (key.contains("balanced")) o = o.classWeight(ClassWeight.BALANCED);
        CvParity.assertFolds(new Svc(o), REF.get("cv").get(key), scale, 0.01, key);
    }

    static Tensor scaledWine() {
        return new StandardScaler().fitTransform(CvParity.bundled("wine").x());
    }

    static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asInt();
        return v;
    }
}
