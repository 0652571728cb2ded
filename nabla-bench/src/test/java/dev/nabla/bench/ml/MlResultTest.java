package dev.nabla.bench.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nabla.bench.BenchResult;
import org.junit.jupiter.api.Test;

class MlResultTest {
    @Test
    void scoreFollowsTheCoreFieldsAndIsLeftOutWhenAbsent() {
        var params = BenchResult.params("estimator", "Ridge", "rows", 10, "cols", 2, "threads", 2);
        assertEquals("{\"bench\":\"ml\",\"params\":{\"estimator\":\"Ridge\",\"rows\":10,\"cols\":2,\"threads\":2},\"value\":3.2,\"unit\":\"s\",\"score\":0.9312}",
                new MlResult(BenchResult.of("ml", params, 3.2, "s"), 0.93123).toJson());
        assertEquals("{\"bench\":\"ml\",\"params\":{\"estimator\":\"Ridge\",\"rows\":10,\"cols\":2,\"threads\":2},\"value\":null,\"error\":\"not available in this build\",\"unit\":\"s\"}",
                new MlResult(BenchResult.failed("ml", params, "s", "not available in this build"), Double.NaN).toJson());
    }
}
