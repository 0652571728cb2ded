package dev.nabla.ml.metrics;

/** ln Γ(x) for x > 0 (java.lang.Math has none): Lanczos (g = 7, 9 terms), about 1e-15 relative. */
final class Gamma {
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private Gamma() {}

    static double logGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        x -= 1;
        double sum = LANCZOS[0], t = x + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (x + i);
        return HALF_LOG_TWO_PI + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
