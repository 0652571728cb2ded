package dev.nabla.ml.linear;

import java.util.Arrays;
import java.util.Map;

/**
 * Per-class sample weights (sklearn's {@code class_weight}): none, {@link #BALANCED} (n_samples /
 * (n_classes · count)), or an explicit label → weight map where unlisted classes weigh 1.
 */
public record ClassWeight(boolean balanced, Map<Double, Double> weights) {
    public ClassWeight {
        weights = Map.copyOf(weights == null ? Map.of() : weights);
        if (balanced && !weights.isEmpty()) throw new IllegalArgumentException("ClassWeight: balanced takes no explicit weights");
        weights.forEach((label, w) -> {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("ClassWeight: weight of class " + label + " must be finite and >= 0, got " + w);
        });
    }

    public static final ClassWeight NONE = new ClassWeight(false, Map.of());
    public static final ClassWeight BALANCED = new ClassWeight(true, Map.of());

    /** sklearn's spellings: "balanced", or a map of class label to weight (labels as numbers). */
    public static ClassWeight fromParam(Object v) {
        if (v instanceof String s && s.equalsIgnoreCase("balanced")) return BALANCED;
        if (v instanceof Map<?, ?> m) {
            Map<Double, Double> weights = new java.util.HashMap<>();
            m.forEach((label, w) -> {
                if (!(label instanceof Number l) || !(w instanceof Number x))
                    throw new IllegalArgumentException("class weights must map numeric labels to numeric weights, got " + label + "=" + w);
                weights.put(l.doubleValue(), x.doubleValue());
            });
            return of(weights);
        }
        throw new IllegalArgumentException("classWeight must be \"balanced\" or a map of label to weight, got " + v);
    }

    public static ClassWeight of(Map<Double, Double> weights) {
        return new ClassWeight(false, weights);
    }

    /** The weight of each sample, given the sorted classes and each sample's class code. */
    public double[] sampleWeights(String owner, double[] classes, int[] codes) {
        double[] perClass = new double[classes.length];
        Arrays.fill(perClass, 1);
        if (balanced) {
            long[] count = new long[classes.length];
            for (int c : codes) count[c]++;
            for (int k = 0; k < classes.length; k++) perClass[k] = (double) codes.length / (classes.length * count[k]);
        }
        for (Map.Entry<Double, Double> e : weights.entrySet()) {
            int k = Arrays.binarySearch(classes, e.getKey());
            if (k < 0) throw new IllegalArgumentException(owner + ": class_weight names class " + e.getKey() + ", which is not in y's classes " + Arrays.toString(classes));
            perClass[k] = e.getValue();
        }
        double[] w = new double[codes.length];
        if (!balanced && weights.isEmpty()) Arrays.fill(w, 1); // NONE, without a per-sample loop (a first fit runs it interpreted)
        else for (int i = 0; i < codes.length; i++) w[i] = perClass[codes[i]];
        return w;
    }
}
