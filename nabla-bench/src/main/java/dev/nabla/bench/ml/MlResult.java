package dev.nabla.bench.ml;

import dev.nabla.bench.BenchResult;

/**
 * A `bench ml` line: the shared {@link BenchResult} format plus the model's score on held-out data,
 * e.g. {@code {"bench":"ml","params":{...},"value":3.2,"unit":"s","score":0.93}}.
 *
 * @param score NaN when the workload has no score or did not run (then no "score" key is written)
 */
public record MlResult(BenchResult result, double score) {
    public String toJson() {
        String json = result.toJson();
        if (Double.isNaN(score)) return json;
        return json.substring(0, json.length() - 1) + ",\"score\":" + BenchResult.formatValue(score) + "}";
    }
}
