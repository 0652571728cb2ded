package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Tensor;
import dev.nabla.ml.linear.LinearSvc;
import dev.nabla.ml.linear.SgdClassifier;
import dev.nabla.ml.linear.SgdRegressor;
import dev.nabla.ml.naivebayes.BernoulliNb;
import dev.nabla.ml.naivebayes.GaussianNb;
import dev.nabla.ml.naivebayes.MultinomialNb;
import dev.nabla.ml.neighbors.KNeighborsClassifier;
import dev.nabla.ml.neighbors.KNeighborsRegressor;
import dev.nabla.ml.neighbors.NearestNeighbors;
import dev.nabla.ml.svm.Gamma;
import dev.nabla.ml.svm.Kernel;
import dev.nabla.ml.svm.Svc;
import dev.nabla.ml.svm.Svr;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimator contract for the SVM, SGD, neighbour and naive Bayes models: unfitted errors, clone, params, save/load. */
class ModelsContractTest {
    private static final Fixtures.Data IRIS = CvParity.bundled("iris");
    private static final Fixtures.Data DIABETES = CvParity.bundled("diabetes");

    static Stream<Predictor> predictors() {
        return Stream.of(new Svc(new Svc.Options().probability(true)), new Svr(), new LinearSvc(), new SgdClassifier(), new SgdRegressor(),
                new KNeighborsClassifier(), new KNeighborsRegressor(), new GaussianNb(), new MultinomialNb(), new BernoulliNb());
    }

    @ParameterizedTest
    @MethodSource("predictors")
    void unfittedCloneAndSaveLoad(Predictor template) {
        Fixtures.Data d = template instanceof Classifier ? IRIS : DIABETES;
        assertThrows(NotFittedException.class, () -> template.predict(d.x()));
        Predictor fitted = template.clone().fit(d.x(), d.y());
        assertFalse(template.isFitted());
        assertTrue(fitted.isFitted());
        assertEquals(template.getParams(), fitted.clone().getParams());
        for (Estimator copy : SavedCopies.of(fitted)) {
            Predictor loaded = (Predictor) copy;
            assertArrayEquals(fitted.predict(d.x()).toDoubleArray(), loaded.predict(d.x()).toDoubleArray(), 1e-12);
            if (fitted instanceof Svc || fitted instanceof GaussianNb || fitted instanceof KNeighborsClassifier)
                assertArrayEquals(((Classifier) fitted).predictProba(d.x()).toDoubleArray(), ((Classifier) loaded).predictProba(d.x()).toDoubleArray(), 1e-12);
        }
    }

    @Test
    void paramsAcceptNamesAndValidate() {
        Svc svc = new Svc().setParams(Map.of("kernel", "linear", "c", 2, "gamma", Gamma.of(0.5)));
        assertEquals(Gamma.AUTO, new Svc().setParam("gamma", "auto").options().gamma());
        assertEquals(Gamma.of(0.25), new Svc().setParam("gamma", 0.25).options().gamma());
        assertEquals(Kernel.LINEAR, svc.options().kernel());
        assertEquals(2.0, svc.options().c());
        assertThrows(IllegalArgumentException.class, () -> new Svc().setParam("c", -1.0));
        assertThrows(IllegalArgumentException.class, () -> new SgdClassifier().setParam("loss", "squared_error"));
        assertThrows(IllegalArgumentException.class, () -> new KNeighborsClassifier().setParam("weights", "gaussian"));
    }

    @Test
    void nearestNeighborsSavesAndQueries() {
        NearestNeighbors nn = new NearestNeighbors(new NearestNeighbors.Options().nNeighbors(3)).fit(IRIS.x());
        Tensor q = IRIS.x().slice(0, 0, 10);
        for (Estimator loaded : SavedCopies.of(nn))
            assertArrayEquals(nn.kneighbors(q).indices().toLongArray(), ((NearestNeighbors) loaded).kneighbors(q).indices().toLongArray());
        assertThrows(IllegalArgumentException.class, () -> nn.kneighbors(q, 151));
    }

    @Test
    void probabilityNeedsTheOption() {
        Svc svc = new Svc().fit(IRIS.x(), IRIS.y());
        assertThrows(IllegalStateException.class, () -> svc.predictProba(IRIS.x()));
        assertThrows(UnsupportedOperationException.class, () -> new SgdClassifier().fit(IRIS.x(), IRIS.y()).predictProba(IRIS.x()));
    }
}
