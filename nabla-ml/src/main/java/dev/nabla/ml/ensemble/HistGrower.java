package dev.nabla.ml.ensemble;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Grows boosting trees on binned data leaf-wise (sklearn's TreeGrower): the leaf with the largest
 * gain splits next until maxLeafNodes. Split finding reads per-node histograms of gradient and hessian
 * sums (256 bins per feature); only the smaller child's histogram is built from samples, the larger is
 * the parent's minus it. Samples stay in one index array that splits partition stably, so every node
 * lists its samples in row order, as sklearn's do, and each histogram bin sums in sklearn's order.
 *
 * <p>Work is shared by the team's threads in steps whose items write disjoint outputs: histograms and
 * split scans by blocks of features, partitions by chunks of samples, leaf updates by leaf. The trees
 * are therefore the same at any thread count. One grower serves all trees of a fit.
 */
final class HistGrower {
    /** Growth settings; null maxLeafNodes / maxDepth mean unlimited. */
    record Settings(Integer maxLeafNodes, Integer maxDepth, int minSamplesLeaf, double l2, double shrinkage) {}

    private static final double MIN_HESSIAN_TO_SPLIT = 1e-3;
    /** Nodes smaller than this are partitioned by one thread: the hand-off would cost more than it saves. */
    private static final int PARALLEL_PARTITION = 8192;

    private final byte[] bins;
    private final int n, d;
    private final int[] nonMissingBins;
    private final boolean[] hasMissing;
    private final float[] grad, hess;
    private final Settings settings;
    private final Team team;
    /** Feature blocks of a histogram step: one per thread. */
    private final int blocks;
    private final int[] partition, leftPart, rightPart, chunkLeft;
    private final byte[] goesRight = new byte[Histograms.BINS];
    private final ArrayDeque<double[]> pool = new ArrayDeque<>();
    private final Scan leftScan, rightScan;
    private int gradOffset;

    private static final class Node {
        final int start, end, depth;
        final double sumG, sumH;
        double value;
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
     * bins: n x d row-major; grad and hess hold one block of n per tree of an iteration (hess null when
     * hessians are constant).
     */
    HistGrower(byte[] bins, int n, int[] nonMissingBins, boolean[] hasMissing, float[] grad, float[] hess, Settings settings, Team team) {
        this.bins = bins;
        this.n = n;
        this.d = nonMissingBins.length;
        this.nonMissingBins = nonMissingBins;
        this.hasMissing = hasMissing;
        this.grad = grad;
        this.hess = hess;
        this.settings = settings;
        this.team = team;
        this.blocks = Math.max(1, Math.min(team.size(), d));
        this.partition = new int[n];
        this.leftPart = team.size() > 1 ? new int[n] : null; // the one-thread partition compacts left in place
        this.rightPart = new int[n];
        this.chunkLeft = new int[team.size()];
        this.leftScan = new Scan(d);
        this.rightScan = new Scan(d);
    }

    /**
     * Grows a tree on the gradients at gradOffset and adds each leaf's value to raw[rawOffset + sample]
     * for its training samples. thresholds maps (feature, bin) back to raw values for prediction.
     */
    HistTree grow(int gradOffset, double[][] thresholds, double[] raw, int rawOffset) {
        this.gradOffset = gradOffset;
        Node root = root();
        List<Node> leaves = new ArrayList<>();
        PriorityQueue<Node> splittable = new PriorityQueue<>((a, b) -> Double.compare(b.gain, a.gain));
        if (n < 2 * settings.minSamplesLeaf() || root.sumH < MIN_HESSIAN_TO_SPLIT) leaves.add(root);
        else {
            team.forEach(blocks, blk -> {
                for (int f = blockStart(blk), fe = blockStart(blk + 1); f < fe; f++) scanFeature(root, f, leftScan);
            });
            chooseSplit(root, leftScan);
            queueOrFinalize(root, splittable, leaves);
        }
        while (!splittable.isEmpty()) {
            Node node = splittable.poll();
            split(node);
            Node l = node.left, r = node.right;
            int leafCount = leaves.size() + splittable.size() + 2;
            if (settings.maxLeafNodes() != null && leafCount == settings.maxLeafNodes()) {
                release(node);
                leaves.add(l);
                leaves.add(r);
                leaves.addAll(splittable);
                splittable.clear();
                break;
            }
            if (settings.maxDepth() != null && l.depth == settings.maxDepth()) {
                release(node);
                leaves.add(l);
                leaves.add(r);
                continue;
            }
            boolean splitLeft = l.size() >= 2 * settings.minSamplesLeaf(), splitRight = r.size() >= 2 * settings.minSamplesLeaf();
            if (!splitLeft) leaves.add(l);
            if (!splitRight) leaves.add(r);
            if (splitLeft || splitRight) {
                children(node, splitLeft, splitRight);
                if (splitLeft) queueOrFinalize(l, splittable, leaves);
                else release(l);
                if (splitRight) queueOrFinalize(r, splittable, leaves);
                else release(r);
            } else release(node);
        }
        for (Node leaf : leaves) {
            leaf.value *= settings.shrinkage();
            release(leaf);
        }
        if (leaves.get(0) == root) {
            for (int i = 0; i < n; i++) raw[rawOffset + i] += root.value;
        } else {
            team.forEach(leaves.size(), k -> {
                Node leaf = leaves.get(k);
                for (int p = leaf.start; p < leaf.end; p++) raw[rawOffset + partition[p]] += leaf.value;
            });
        }
        return toPredictor(root, thresholds);
    }

    /** The root with its histogram, built over all rows in order; its sums are added in row order as the histogram pass reads them. */
    private Node root() {
        double[] hist = take(), sums = new double[2];
        team.forEach(blocks, blk -> {
            int fs = blockStart(blk), fe = blockStart(blk + 1);
            Histograms.clear(hist, fs, fe);
            Histograms.accumulate(bins, d, null, 0, n, grad, hess, gradOffset, hist, fs, fe, blk == 0 ? sums : null);
        });
        // constant hessians count samples: n ones add up to exactly n
        Node root = new Node(0, n, 0, sums[0], hess == null ? n : sums[1], 0);
        root.hist = hist;
        return root;
    }

    private int blockStart(int blk) {
        return (int) ((long) d * blk / blocks);
    }

    /** Only nodes that may still split keep their histogram (their children's is derived from it). */
    private void queueOrFinalize(Node node, PriorityQueue<Node> splittable, List<Node> leaves) {
        if (node.gain > 0) splittable.add(node);
        else {
            release(node);
            leaves.add(node);
        }
    }

    /**
     * Builds the smaller child's histogram from its samples, turns the parent's into the larger child's by
     * subtraction, and scans the children that may split; all per block of features.
     */
    private void children(Node parent, boolean scanLeft, boolean scanRight) {
        Node l = parent.left, r = parent.right;
        Node small = l.size() < r.size() ? l : r, large = small == l ? r : l;
        double[] built = small.hist = take(), rest = large.hist = parent.hist;
        parent.hist = null;
        team.forEach(blocks, blk -> {
            int fs = blockStart(blk), fe = blockStart(blk + 1);
            Histograms.clear(built, fs, fe);
            Histograms.accumulate(bins, d, partition, small.start, small.end, grad, hess, gradOffset, built, fs, fe, null);
            Histograms.subtractInto(rest, built, fs, fe);
            for (int f = fs; f < fe; f++) {
                if (scanLeft) scanFeature(l, f, leftScan);
                if (scanRight) scanFeature(r, f, rightScan);
            }
        });
        if (scanLeft) chooseSplit(l, leftScan);
        if (scanRight) chooseSplit(r, rightScan);
    }

    /** Histogram arrays are recycled across the nodes and trees of a fit: they are the grower's only large allocation. */
    private double[] take() {
        double[] h = pool.poll();
        return h != null ? h : new double[d * Histograms.FEATURE];
    }

    private void release(Node node) {
        if (node.hist != null) pool.push(node.hist);
        node.hist = null;
    }

    /** The best (feature, bin, missing side) by gain; features in order, first best kept, as sklearn. */
    private void chooseSplit(Node node, Scan scan) {
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

    private void scanFeature(Node node, int f, Scan scan) {
        double current = node.depth == 0 ? 0 : node.sumG * node.value;
        scan.gain[f] = -1;
        scanLeftToRight(node, f, current, scan);
        if (hasMissing[f]) scanRightToLeft(node, f, current, scan);
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
        int base = Histograms.index(f, 0), end = nonMissingBins[f] - 1 + (hasMissing[f] ? 1 : 0), hOff = hess == null ? 2 : 1;
        double[] hist = node.hist;
        double gl = 0, hl = 0;
        int nl = 0;
        for (int b = 0; b < end; b++) {
            int j = base + Histograms.STRIDE * b;
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
        int base = Histograms.index(f, 0), hOff = hess == null ? 2 : 1;
        double[] hist = node.hist;
        double gr = 0, hr = 0;
        int nr = 0;
        for (int b = nonMissingBins[f] - 2; b >= 0; b--) {
            int j = base + Histograms.STRIDE * (b + 1);
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

    /**
     * Stable partition of the node's samples into its two children, without branches on the (random)
     * side of each sample; large nodes in one chunk per thread, each chunk's sides then copied into place.
     */
    private void split(Node node) {
        int f = node.feature;
        for (int b = 0; b < Histograms.BINS; b++)
            goesRight[b] = (byte) (b == BinMapper.MISSING_BIN ? (node.missingLeft ? 0 : 1) : b > node.bin ? 1 : 0);
        int[] rows = node.depth == 0 ? null : partition; // the root's samples are the rows in order
        int start = node.start, size = node.size(), mid;
        if (size < PARALLEL_PARTITION || team.size() == 1) {
            int l = start, r = 0;
            for (int p = start; p < node.end; p++) {
                int i = rows == null ? p : rows[p], right = goesRight[bins[i * d + f] & 0xff];
                partition[l] = i; // l <= p: never overwrites a sample not yet read
                rightPart[r] = i;
                l += 1 - right;
                r += right;
            }
            System.arraycopy(rightPart, 0, partition, l, r);
            mid = l;
        } else {
            int chunks = team.size();
            team.forEach(chunks, c -> {
                int cs = start + (int) ((long) size * c / chunks), ce = start + (int) ((long) size * (c + 1) / chunks), l = cs, r = cs;
                for (int p = cs; p < ce; p++) {
                    int i = rows == null ? p : rows[p], right = goesRight[bins[i * d + f] & 0xff];
                    leftPart[l] = i;
                    rightPart[r] = i;
                    l += 1 - right;
                    r += right;
                }
                chunkLeft[c] = l - cs;
            });
            int left = 0;
            for (int c = 0; c < chunks; c++) left += chunkLeft[c];
            mid = start + left;
            team.forEach(chunks, c -> {
                int cs = start + (int) ((long) size * c / chunks), ce = start + (int) ((long) size * (c + 1) / chunks);
                int before = 0;
                for (int k = 0; k < c; k++) before += chunkLeft[k];
                int nl = chunkLeft[c];
                System.arraycopy(leftPart, cs, partition, start + before, nl);
                System.arraycopy(rightPart, cs, partition, mid + (cs - start - before), ce - cs - nl);
            });
        }
        double gl = node.leftG, hl = node.leftH, gr = node.sumG - gl, hr = node.sumH - hl;
        node.left = new Node(node.start, mid, node.depth + 1, gl, hl, value(gl, hl));
        node.right = new Node(mid, node.end, node.depth + 1, gr, hr, value(gr, hr));
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
