package dev.nabla.ml.metrics;

/** Mutual information, its expectation under random labelings of the same sizes, and entropy; as sklearn computes them. */
final class MutualInfo {
    private MutualInfo() {}

    static double mutualInfo(Contingency c) {
        if (c.rows() == 1 || c.cols() == 1) return 0;
        double n = c.n(), logN = Math.log(n), eps = Math.ulp(1.0), sum = 0;
        for (int i = 0; i < c.rows(); i++)
            for (int j = 0; j < c.cols(); j++) {
                long nij = c.table()[i][j];
                if (nij == 0) continue;
                double p = nij / n;
                double logOuter = -Math.log((double) (c.rowSums()[i] * c.colSums()[j])) + logN + logN;
                double term = p * (Math.log(nij) - logN) + p * logOuter;
                if (Math.abs(term) >= eps) sum += term;
            }
        return Math.max(0, sum);
    }

    /** Natural-log entropy of a labeling given its cluster sizes; one cluster has none. */
    static double entropy(long[] sizes) {
        if (sizes.length == 1) return 0;
        double total = 0;
        for (long s : sizes) total += s;
        double h = 0, logTotal = Math.log(total);
        for (long s : sizes) h -= (s / total) * (Math.log(s) - logTotal);
        return h;
    }

    /** E[MI] over the hypergeometric model of random labelings with these marginals (Vinh et al. 2009). */
    static double expected(Contingency c) {
        long[] a = c.rowSums(), b = c.colSums();
        if (a.length == 1 || b.length == 1) return 0;
        long n = c.n();
        double logN = Math.log(n), lgN = Gamma.logGamma(n + 1);
        double emi = 0;
        for (long ai : a)
            for (long bj : b) {
                double fixed = Gamma.logGamma(ai + 1) + Gamma.logGamma(bj + 1) + Gamma.logGamma(n - ai + 1) + Gamma.logGamma(n - bj + 1);
                long start = Math.max(1, ai - n + bj), end = Math.min(ai, bj) + 1;
                for (long nij = start; nij < end; nij++) {
                    double term2 = logN + Math.log(nij) - Math.log(ai) - Math.log(bj);
                    double gln = fixed - Gamma.logGamma(nij + 1) - lgN - Gamma.logGamma(ai - nij + 1) - Gamma.logGamma(bj - nij + 1)
                            - Gamma.logGamma(n - ai - bj + nij + 1);
                    emi += ((double) nij / n) * term2 * Math.exp(gln);
                }
            }
        return emi;
    }
}
