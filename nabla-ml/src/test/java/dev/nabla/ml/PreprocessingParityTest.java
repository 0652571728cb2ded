package dev.nabla.ml;

import static dev.nabla.ml.Fixtures.assertClose;
import static dev.nabla.ml.Fixtures.matrix;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.preprocessing.HandleUnknown;
import dev.nabla.ml.preprocessing.LabelEncoder;
import dev.nabla.ml.preprocessing.MinMaxScaler;
import dev.nabla.ml.preprocessing.Normalizer;
import dev.nabla.ml.preprocessing.OneHotEncoder;
import dev.nabla.ml.preprocessing.OrdinalEncoder;
import dev.nabla.ml.preprocessing.PolynomialFeatures;
import dev.nabla.ml.preprocessing.RobustScaler;
import dev.nabla.ml.preprocessing.SimpleImputer;
import dev.nabla.ml.preprocessing.StandardScaler;
import org.junit.jupiter.api.Test;

/** Every transformer's output against scikit-learn's on the same small inputs. */
class PreprocessingParityTest {
    private static final JsonNode REF = Fixtures.load("preprocessing.json");
    private static final Tensor X = matrix(REF.get("X"));

    private static void same(String key, Tensor actual) {
        assertClose(matrix(REF.get(key)).toDoubleArray(), actual.toDoubleArray(), 1e-12, key);
    }

    @Test
    void scalers() {
        StandardScaler standard = new StandardScaler();
        same("standard", standard.fitTransform(X));
        assertClose(X.toDoubleArray(), standard.inverseTransform(standard.transform(X)).toDoubleArray(), 1e-9, "standard inverse");
        same("minmax", new MinMaxScaler(new MinMaxScaler.Options().range(-1, 2)).fitTransform(X));
        same("robust", new RobustScaler(new RobustScaler.Options().quantileRange(10, 90)).fitTransform(X));
        for (Normalizer.Norm norm : Normalizer.Norm.values())
            same("normalizer_" + norm.name().toLowerCase(), new Normalizer(new Normalizer.Options().norm(norm)).fitTransform(X));
    }

    @Test
    void polynomialFeatures() {
        Tensor in = matrix(REF.get("poly_in"));
        same("poly2", new PolynomialFeatures().fitTransform(in));
        same("poly3_interaction_nobias", new PolynomialFeatures(new PolynomialFeatures.Options().degree(3).interactionOnly(true).includeBias(false)).fitTransform(in));
    }

    @Test
    void encoders() {
        Tensor cat = matrix(REF.get("cat"));
        OneHotEncoder onehot = new OneHotEncoder();
        same("onehot", onehot.fitTransform(cat));
        assertClose(cat.toDoubleArray(), onehot.inverseTransform(onehot.transform(cat)).toDoubleArray(), 0, "onehot inverse");
        OrdinalEncoder ordinal = new OrdinalEncoder();
        same("ordinal", ordinal.fitTransform(cat));
        assertClose(cat.toDoubleArray(), ordinal.inverseTransform(ordinal.transform(cat)).toDoubleArray(), 0, "ordinal inverse");

        Tensor unseen = Nabla.tensor(new double[] {9, 10, 3}, 1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> onehot.transform(unseen));
        assertTrue(e.getMessage().contains("unknown category 9.0 in column 0"), e.getMessage());
        double[] ignored = new OneHotEncoder(new OneHotEncoder.Options().handleUnknown(HandleUnknown.IGNORE)).fit(cat).transform(unseen).toDoubleArray();
        assertClose(new double[] {0, 0, 0, 1, 0, 0, 1, 0, 0}, ignored, 0, "ignored unknown");
        double[] coded = new OrdinalEncoder(new OrdinalEncoder.Options().handleUnknown(HandleUnknown.USE_ENCODED_VALUE).unknownValue(-1))
                .fit(cat).transform(unseen).toDoubleArray();
        assertClose(new double[] {-1, 0, 0}, coded, 0, "encoded unknown");
    }

    @Test
    void labelEncoderRoundTripsInt64Labels() {
        Tensor y = Nabla.tensor(new long[] {7, 3, 7, 11}, 4);
        LabelEncoder le = new LabelEncoder();
        assertClose(new double[] {1, 0, 1, 2}, le.fitTransform(y).toDoubleArray(), 0, "codes");
        assertTrue(le.inverseTransform(le.transform(y)).equal(y));
    }

    @Test
    void imputer() {
        Tensor missing = matrix(REF.get("missing"));
        for (SimpleImputer.Strategy s : new SimpleImputer.Strategy[] {SimpleImputer.Strategy.MEAN, SimpleImputer.Strategy.MEDIAN, SimpleImputer.Strategy.MOST_FREQUENT})
            same("impute_" + s.name().toLowerCase(), new SimpleImputer(new SimpleImputer.Options().strategy(s)).fitTransform(missing));
        same("impute_constant", new SimpleImputer(new SimpleImputer.Options().strategy(SimpleImputer.Strategy.CONSTANT).fillValue(-1)).fitTransform(missing));
    }

    @Test
    void float32InFloat32Out() {
        Tensor out = new StandardScaler().fitTransform(X.toFloat());
        assertTrue(out.dtype() == dev.nabla.DType.FLOAT32);
    }
}
