package dev.nabla.ml.ensemble;

import dev.nabla.cpu.Parallel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Grows one boosting tree on binned data leaf-wise (sklearn's TreeGrower): the leaf with the largest
 * gain splits next until maxLeafNodes. Split finding reads per-node histograms of gradient and hessian
 * sums (256 bins per feature); only the smaller child's histogram is built from samples, the larger is
 * the parent's minus it. Samples stay in one index array that splits partition stably.
 */
final class HistGrower {
    /** Growth settings; null maxLeafNodes / maxDepth mean unlimited. */
    record Settings(Integer maxLeafNodes, Integer maxDepth, int minSamplesLeaf, double l2, double shrinkage) {}

    private static final double MIN_HESSIAN_TO_SPLIT = 1e-3;
    private static final int BINS = 256;

    private final byte[] bins;
    private final int n, d;
    private final int[] nonMissingBins;
    private final boolean[] hasMissing;
    private final float[] grad, hess;
    private final int gradOffset;
    private final boolean constantHessian;
    private final Settings settings;
    private final int[] partition, buffer;
    private final ArrayDeque<double[]> pool;

    private static final class Node {
        final int start, end, depth;
        final double sumG, sumH;
        double value;
        // per feature and bin: gradient sum, hessian sum, count (interleaved: one cache line per update)
        double[] hist;
        // best split
        double gain = -1, leftG, leftH;
        int feature = -1, bin;
        boolean missingLeft;
        Node left, right;

        Node(int start, int end, int depth, double sumG, double sumH, double value) {
            this.start = start;
            this.end = end;
            this.depth = depth;
            this.sumG = sumG;
            this.sumH = sumH;
            this.value = value;
        }

        int size() {
            return end - start;
        }
    }

    /**
     * grad and hess of this tree's output start at gradOffset (one block of n per tree of an iteration);
     * partition and buffer hold n ints, pool recycles histograms between trees.
     */
    HistGrower(byte[] bins, int n, int[] nonMissingBins, boolean[] hasMissing, float[] grad, float[] hess, int gradOffset, boolean constantHessian,
               Settings settings, int[] partition, int[] buffer, ArrayDeque<double[]> pool) {
        this.bins = bins;
        this.n = n;
        this.d = nonMissingBins.length;
        this.nonMissingBins = nonMissingBins;
        this.hasMissing = hasMissing;
        this.grad = grad;
        this.hess = hess;
        this.gradOffset = gradOffset;
        this.constantHessian = constantHessian;
        this.settings = settings;
        this.partition = partition;
        this.buffer = buffer;
        this.pool = pool;
    }

    /**
     * Grows the tree and adds each leaf's value to raw[rawOffset + sample] for its training samples.
     * thresholds maps (feature, bin) back to raw values for prediction.
     */
    HistTree grow(double[][] thresholds, double[] raw, int rawOffset) {
        for (int i = 0; i < n; i++) partition[i] = i;
        double g = 0, h = 0;
        for (int i = 0; i < n; i++) {
            g += grad[gradOffset + i];
            h += constantHessian ? 1 : hess[gradOffset + i];
        }
        Node root = new Node(0, n, 0, g, h, 0);
        List<Node> leaves = new ArrayList<>();
        PriorityQueue<Node> splittable = new PriorityQueue<>((a, b) -> Double.compare(b.gain, a.gain));
        if (n < 2 * settings.minSamplesLeaf() || h < MIN_HESSIAN_TO_SPLIT) leaves.add(root);
        else {
            buildHistograms(root);
            findSplitOrFinalize(root, splittable, leaves);
        }
        while (!splittable.isEmpty()) {
            Node node = splittable.poll();
            split(node);
            Node l = node.left, r = node.right;
            int leafCount = leaves.size() + splittable.size() + 2;
            if (settings.maxLeafNodes() != null && leafCount == settings.maxLeafNodes()) {
                leaves.add(l);
                leaves.add(r);
                leaves.addAll(splittable);
                splittable.clear();
                break;
            }
            if (settings.maxDepth() != null && l.depth == settings.maxDepth()) {
                leaves.add(l);
                leaves.add(r);
                continue;
            }
            boolean splitLeft = l.size() >= 2 * settings.minSamplesLeaf(), splitRight = r.size() >= 2 * settings.minSamplesLeaf();
            if (!splitLeft) leaves.add(l);
            if (!splitRight) leaves.add(r);
            if (splitLeft || splitRight) {
                Node small = l.size() < r.size() ? l : r, large = small == l ? r : l;
                buildHistograms(small);
                subtract(node, small, large);
                release(node);
                if (splitLeft) findSplitOrFinalize(l, splittable, leaves);
                if (splitRight) findSplitOrFinalize(r, splittable, leaves);
            }
        }
        for (Node leaf : leaves) {
            leaf.value *= settings.shrinkage();
            release(leaf);
            for (int p = leaf.start; p < leaf.end; p++) raw[rawOffset + partition[p]] += leaf.value;
        }
        return toPredictor(root, thresholds);
    }

    private void findSplitOrFinalize(Node node, PriorityQueue<Node> splittable, List<Node> leaves) {
        findSplit(node);
        if (node.gain <= 0) leaves.add(node);
        else splittable.add(node);
    }

    private void buildHistograms(Node node) {
        int size = node.size(), start = node.start;
        double[] hist = node.hist = take();
        Arrays.fill(hist, 0);
        // gradients gathered in partition order so the per-feature loops read them sequentially
        float[] g = new float[size], h = constantHessian ? null : new float[size];
        for (int p = 0; p < size; p++) {
            int i = gradOffset + partition[start + p];
            g[p] = grad[i];
            if (h != null) h[p] = hess[i];
        }
        // threads take disjoint feature ranges and every sample in order, so each bin sums in sklearn's order
        Parallel.forRange(d, (long) size * d < 50_000 ? d : 1, (fs, fe) -> {
            for (int p = 0; p < size; p++) {
                int row = partition[start + p] * d;
                double gp = g[p], hp = h == null ? 0 : h[p];
                for (int f = fs; f < fe; f++) {
                    int b = 3 * (f * BINS + (bins[row + f] & 0xff));
                    hist[b] += gp;
                    hist[b + 1] += hp;
                    hist[b + 2]++;
                }
            }
        });
    }

    private void subtract(Node parent, Node small, Node large) {
        double[] p = parent.hist, s = small.hist, l = large.hist = take();
        for (int b = 0; b < l.length; b++) l[b] = p[b] - s[b];
    }

    /** Histogram arrays are recycled across the nodes and trees of a fit: they are the grower's only large allocation. */
    private double[] take() {
        double[] h = pool.poll();
        return h != null ? h : new double[d * BINS * 3];
    }

    private void release(Node node) {
        if (node.hist != null) pool.push(node.hist);
        node.hist = null;
    }

    /** The best (feature, bin, missing side) by gain; features in order, first best kept, as sklearn. */
    private void findSplit(Node node) {
        Scan scan = new Scan(d);
        double current = node.depth == 0 ? 0 : node.sumG * node.value;
        Parallel.forRange(d, node.size() * (long) d < 50_000 ? d : 1, (s, e) -> {
            for (int f = s; f < e; f++) {
                scan.gain[f] = -1;
                scanLeftToRight(node, f, current, scan);
                if (hasMissing[f]) scanRightToLeft(node, f, current, scan);
            }
        });
        for (int f = 0; f < d; f++) {
            if (scan.gain[f] > node.gain && scan.gain[f] > 0) {
                node.gain = scan.gain[f];
                node.feature = f;
                node.bin = scan.bin[f];
                node.missingLeft = scan.missingLeft[f];
                node.leftG = scan.leftG[f];
                node.leftH = scan.leftH[f];
            }
        }
    }

    /** The best split found per feature, with the left sums as the scan accumulated them (sklearn's SplitInfo). */
    private static final class Scan {
        final double[] gain, leftG, leftH;
        final int[] bin;
        final boolean[] missingLeft;

        Scan(int d) {
            gain = new double[d];
            leftG = new double[d];
            leftH = new double[d];
            bin = new int[d];
            missingLeft = new boolean[d];
        }

        void record(int f, double g, int b, boolean missLeft, double gl, double hl) {
            gain[f] = g;
            bin[f] = b;
            missingLeft[f] = missLeft;
            leftG[f] = gl;
            leftH[f] = hl;
        }
    }

    private void scanLeftToRight(Node node, int f, double current, Scan scan) {
        int base = f * BINS * 3, end = nonMissingBins[f] - 1 + (hasMissing[f] ? 1 : 0), hOff = constantHessian ? 2 : 1;
        double[] hist = node.hist;
        double gl = 0, hl = 0;
        int nl = 0;
        for (int b = 0; b < end; b++) {
            int j = base + 3 * b;
            nl += (int) hist[j + 2];
            hl += hist[j + hOff];
            gl += hist[j];
            int nr = node.size() - nl;
            double hr = node.sumH - hl;
            if (nl < settings.minSamplesLeaf() || hl < MIN_HESSIAN_TO_SPLIT) continue;
            if (nr < settings.minSamplesLeaf() || hr < MIN_HESSIAN_TO_SPLIT) break;
            double gain = gain(gl, hl, node.sumG - gl, hr, current);
            if (gain > scan.gain[f] && gain > 0) scan.record(f, gain, b, false, gl, hl);
        }
    }

    /** Missing values go left: right sums grow from the top non-missing bin down. */
    private void scanRightToLeft(Node node, int f, double current, Scan scan) {
        int base = f * BINS * 3, hOff = constantHessian ? 2 : 1;
        double[] hist = node.hist;
        double gr = 0, hr = 0;
        int nr = 0;
        for (int b = nonMissingBins[f] - 2; b >= 0; b--) {
            int j = base + 3 * (b + 1);
            nr += (int) hist[j + 2];
            hr += hist[j + hOff];
            gr += hist[j];
            int nl = node.size() - nr;
            double hl = node.sumH - hr;
            if (nr < settings.minSamplesLeaf() || hr < MIN_HESSIAN_TO_SPLIT) continue;
            if (nl < settings.minSamplesLeaf() || hl < MIN_HESSIAN_TO_SPLIT) break;
            double gl = node.sumG - gr;
            double gain = gain(gl, hl, gr, hr, current);
            if (gain > scan.gain[f] && gain > 0) scan.record(f, gain, b, true, gl, hl);
        }
    }

    /**
     * Loss reduction of a split in sklearn's exact arithmetic: current − G_L·v_L − G_R·v_R with
     * v = −G/(H + λ + 1e-15). Pure nodes give a gain that is 0 up to rounding, so computing it another
     * way would keep or drop their splits differently. current is G·v of the node, except at the root,
     * whose value sklearn fixes at 0 (a shift that cannot change the root's best split).
     */
    private double gain(double gl, double hl, double gr, double hr, double current) {
        return current - gl * value(gl, hl) - gr * value(gr, hr);
    }

    private double value(double g, double h) {
        return -g / (h + settings.l2() + 1e-15);
    }

    /** Stable partition of the node's samples into its two children. */
    private void split(Node node) {
        int f = node.feature, l = node.start, r = 0;
        for (int p = node.start; p < node.end; p++) {
            int i = partition[p], b = bins[i * d + f] & 0xff;
            boolean goLeft = b == BinMapper.MISSING_BIN ? node.missingLeft : b <= node.bin;
            if (goLeft) partition[l++] = i;
            else buffer[r++] = i;
        }
        System.arraycopy(buffer, 0, partition, l, r);
        double gl = node.leftG, hl = node.leftH, gr = node.sumG - gl, hr = node.sumH - hl;
        node.left = new Node(node.start, l, node.depth + 1, gl, hl, value(gl, hl));
        node.right = new Node(l, node.end, node.depth + 1, gr, hr, value(gr, hr));
        // a feature without NaN in training sends NaN at predict time to the bigger child, as sklearn
        if (!hasMissing[node.feature]) node.missingLeft = node.left.size() > node.right.size();
    }

    private HistTree toPredictor(Node root, double[][] thresholds) {
        List<Node> order = new ArrayList<>();
        collect(root, order);
        int count = order.size();
        int[] left = new int[count], right = new int[count], feature = new int[count], binThreshold = new int[count];
        double[] threshold = new double[count], value = new double[count];
        boolean[] missingLeft = new boolean[count];
        java.util.IdentityHashMap<Node, Integer> ids = new java.util.IdentityHashMap<>();
        for (int i = 0; i < count; i++) ids.put(order.get(i), i);
        for (int i = 0; i < count; i++) {
            Node node = order.get(i);
            value[i] = node.value;
            if (node.left == null) {
                left[i] = right[i] = -1;
                continue;
            }
            left[i] = ids.get(node.left);
            right[i] = ids.get(node.right);
            feature[i] = node.feature;
            binThreshold[i] = node.bin;
            missingLeft[i] = node.missingLeft;
            double[] t = thresholds[node.feature];
            // the last non-missing bin as threshold is sklearn's "split on NaN": every value goes left
            threshold[i] = node.bin >= t.length ? Double.POSITIVE_INFINITY : t[node.bin];
        }
        return new HistTree(left, right, feature, threshold, binThreshold, missingLeft, value);
    }

    private static void collect(Node node, List<Node> out) {
        out.add(node);
        if (node.left != null) {
            collect(node.left, out);
            collect(node.right, out);
        }
    }
}
