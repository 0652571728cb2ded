package dev.nabla.bench;

import static dev.nabla.bench.BenchResult.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchResultTest {
    @Test
    void writesTheTrackedLineFormat() {
        assertEquals("{\"bench\":\"sgemm\",\"params\":{\"n\":1024,\"threads\":2,\"impl\":\"java\"},\"value\":151.2,\"unit\":\"GFLOP/s\"}",
                BenchResult.of("sgemm", params("n", 1024, "threads", 2, "impl", "java"), 151.2, "GFLOP/s").toJson());
        assertEquals("{\"bench\":\"op_overhead\",\"params\":{\"op\":\"add\",\"n\":1,\"grad\":false},\"value\":45,\"unit\":\"ns\"}",
                BenchResult.of("op_overhead", params("op", "add", "n", 1, "grad", false), 45.0, "ns").toJson());
    }

    @Test
    void aWorkloadThatCannotRunHasNullAndTheReason() {
        assertEquals("{\"bench\":\"conv2d\",\"params\":{\"k\":3},\"value\":null,\"error\":\"conv2d is \\\"pending\\\"\",\"unit\":\"ms\"}",
                BenchResult.failed("conv2d", params("k", 3), "ms", "conv2d is \"pending\"").toJson());
    }

    @Test
    void valuesKeepFourSignificantDigitsWithoutExponents() {
        assertEquals("151.2", BenchResult.formatValue(151.23));
        assertEquals("0.0001235", BenchResult.formatValue(0.00012345));
        assertEquals("123457", BenchResult.formatValue(123456.7));
        assertEquals("45", BenchResult.formatValue(45.0));
        assertEquals("null", BenchResult.formatValue(Double.NaN));
    }
}
