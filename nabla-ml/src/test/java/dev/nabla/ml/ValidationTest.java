package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** featuresReadOnly shares a float64 X's array and copies everything else; both forms check X the same way. */
class ValidationTest {
    private static Tensor grid(int n, int d) {
        return Nabla.tensor(IntStream.range(0, n * d).asDoubleStream().toArray(), n, d);
    }

    @Test
    void readOnlyFeaturesShareAContiguousFloat64Array() {
        Tensor x = grid(5, 3);
        Matrix m = Validation.featuresReadOnly("Test", x);
        assertSame(x.storage().doubles(), m.data());
        assertEquals(5, m.rows());
        assertEquals(3, m.cols());
        assertNotSame(x.storage().doubles(), Validation.features("Test", x).data(), "features always copies");
    }

    @Test
    void readOnlyFeaturesCopyWhatIsNotAPlainFloat64Array() {
        Tensor x = grid(6, 4);
        for (Tensor view : new Tensor[] {x.to(DType.FLOAT32), x.t(), x.slice(0, 2, 6), x.slice(1, 0, 2)}) {
            Matrix m = Validation.featuresReadOnly("Test", view);
            assertNotSame(x.storage().doubles(), m.data());
            assertArrayEquals(view.toDoubleArray(), m.data());
            assertEquals(view.size(0), m.rows());
        }
    }

    @Test
    void meansComeWithTheCheck() {
        int n = 30_000, d = 3; // several pieces of the column sums
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) v[i] = (i % d) + 0.25 * (i % 7);
        Tensor x = Nabla.tensor(v, n, d);
        Validation.FeaturesAndMeans fm = Validation.featuresReadOnlyWithMeans("Test", x);
        assertSame(x.storage().doubles(), fm.x().data());
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += v[i * d + j];
            assertEquals(sum / n, fm.mean()[j], 1e-12);
        }
        v[4 * d + 1] = Double.NEGATIVE_INFINITY;
        v[9 * d + 1] = Double.POSITIVE_INFINITY; // the column sum is NaN, not infinite
        assertEquals("Test: X contains -Infinity at row 4, column 1; expected finite values (impute missing values first, e.g. with SimpleImputer)",
                assertThrows(IllegalArgumentException.class, () -> Validation.featuresReadOnlyWithMeans("Test", Nabla.tensor(v, n, d))).getMessage());
        double[] huge = {Double.MAX_VALUE, 1, Double.MAX_VALUE, 2};
        double[] overflowed = Validation.featuresReadOnlyWithMeans("Test", Nabla.tensor(huge, 2, 2)).mean();
        assertEquals(Double.POSITIVE_INFINITY, overflowed[0], "a sum that overflows is not a bad value");
        assertEquals(1.5, overflowed[1]);
    }

    @Test
    void theFirstNonFiniteValueIsNamedInLargeInputs() {
        int n = 40_000, d = 5; // several pieces of the parallel check
        double[] v = new double[n * d];
        Arrays.fill(v, 1.5);
        v[123_457] = Double.POSITIVE_INFINITY;
        v[190_000] = Double.NaN;
        Tensor x = Nabla.tensor(v, n, d);
        for (boolean readOnly : new boolean[] {true, false}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> { if (readOnly) Validation.featuresReadOnly("Test", x); else Validation.features("Test", x); });
            assertEquals("Test: X contains Infinity at row 24691, column 2; expected finite values (impute missing values first, e.g. with SimpleImputer)",
                    e.getMessage());
        }
        v[123_457] = 0;
        Tensor withNaN = Nabla.tensor(v, n, d);
        assertEquals("Test: X contains NaN at row 38000, column 0; expected finite values (impute missing values first, e.g. with SimpleImputer)",
                assertThrows(IllegalArgumentException.class, () -> Validation.featuresReadOnly("Test", withNaN)).getMessage());
        assertEquals(n, Validation.features("Test", withNaN, true).rows(), "NaN allowed where asked");
    }
}
