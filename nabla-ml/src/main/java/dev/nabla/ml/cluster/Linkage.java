package dev.nabla.ml.cluster;

import dev.nabla.ml.Matrix;
import dev.nabla.ml.metrics.Pairwise;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The merge tree of hierarchical clustering, built as scipy and sklearn build it so ties resolve the
 * same way: the nearest-neighbour chain with Lance-Williams updates for ward, complete and average
 * (scipy's nn_chain), Prim's minimum spanning tree for single (sklearn's mst_linkage_core). Merges
 * are then sorted by distance (stably) and renumbered: leaves are 0..n-1, merge i creates node n+i.
 */
final class Linkage {
    enum Method { WARD, COMPLETE, AVERAGE, SINGLE }

    /** children: (n-1) x 2 node ids; distances: the merge heights, non-decreasing. */
    record Tree(int[][] children, double[] distances) {}

    private Linkage() {}

    static Tree build(Matrix x, Method method) {
        int n = x.rows();
        double[] condensed = condensedDistances(x);
        double[][] merges = method == Method.SINGLE ? spanningTree(condensed, n) : nnChain(condensed, n, method);
        Integer[] order = IntStream.range(0, n - 1).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> merges[i][2])); // stable, like mergesort
        int[][] children = new int[n - 1][2];
        double[] heights = new double[n - 1];
        UnionFind uf = new UnionFind(n);
        for (int r = 0; r < n - 1; r++) {
            double[] m = merges[order[r]];
            int a = uf.find((int) m[0]), b = uf.find((int) m[1]);
            // scipy orders each pair; sklearn's single-linkage labelling keeps the edge's order
            boolean swap = method != Method.SINGLE && a > b;
            children[r][0] = swap ? b : a;
            children[r][1] = swap ? a : b;
            heights[r] = m[2];
            uf.union(a, b);
        }
        return new Tree(children, heights);
    }

    /** Exact pairwise distances, scipy's condensed order: pair (i < j) at n·i − i(i+1)/2 + j − i − 1. */
    private static double[] condensedDistances(Matrix x) {
        int n = x.rows(), d = x.cols();
        double[] out = new double[n * (n - 1) / 2], xs = x.data();
        for (int i = 0, p = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) out[p++] = Math.sqrt(Pairwise.squaredDistance(xs, i * d, xs, j * d, d));
        return out;
    }

    private static int index(int n, int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return n * i - i * (i + 1) / 2 + j - i - 1;
    }

    /** scipy's nn_chain: follow nearest neighbours until two are mutual, merge them, repeat. */
    private static double[][] nnChain(double[] dist, int n, Method method) {
        double[] dm = dist.clone();
        int[] size = new int[n];
        Arrays.fill(size, 1);
        int[] chain = new int[n];
        int length = 0;
        double[][] merges = new double[n - 1][];
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                length = 1;
                for (int i = 0; i < n; i++) if (size[i] > 0) { chain[0] = i; break; }
            }
            int x, y;
            double best;
            while (true) {
                x = chain[length - 1];
                // prefer the previous chain element on ties, so the chain cannot cycle
                if (length > 1) {
                    y = chain[length - 2];
                    best = dm[index(n, x, y)];
                } else {
                    y = -1;
                    best = Double.POSITIVE_INFINITY;
                }
                for (int i = 0; i < n; i++) {
                    if (size[i] == 0 || i == x) continue;
                    double v = dm[index(n, x, i)];
                    if (v < best) {
                        best = v;
                        y = i;
                    }
                }
                if (length > 1 && y == chain[length - 2]) break;
                chain[length++] = y;
            }
            length -= 2;
            if (x > y) {
                int t = x;
                x = y;
                y = t;
            }
            int nx = size[x], ny = size[y];
            merges[k] = new double[] {x, y, best};
            size[x] = 0;
            size[y] = nx + ny;
            for (int i = 0; i < n; i++) {
                int ni = size[i];
                if (ni == 0 || i == y) continue;
                int iy = index(n, i, y);
                dm[iy] = update(method, dm[index(n, i, x)], dm[iy], best, nx, ny, ni);
            }
        }
        return merges;
    }

    /** Lance-Williams: the distance from cluster i to the union of x and y. */
    private static double update(Method method, double dxi, double dyi, double dxy, int nx, int ny, int ni) {
        return switch (method) {
            case COMPLETE -> Math.max(dxi, dyi);
            case AVERAGE -> (nx * dxi + ny * dyi) / (nx + ny);
            case WARD -> {
                double t = 1.0 / (nx + ny + ni);
                yield Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
            }
            case SINGLE -> throw new IllegalStateException("single linkage uses the spanning tree");
        };
    }

    /** Prim's algorithm from sample 0; each step adds the closest outside sample, recording (from, to, distance). */
    private static double[][] spanningTree(double[] dist, int n) {
        boolean[] inTree = new boolean[n];
        double[] closest = new double[n];
        Arrays.fill(closest, Double.POSITIVE_INFINITY);
        double[][] edges = new double[n - 1][];
        int current = 0;
        for (int k = 0; k < n - 1; k++) {
            inTree[current] = true;
            int next = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (inTree[j]) continue;
                double v = dist[index(n, current, j)];
                if (v < closest[j]) closest[j] = v;
                if (next < 0 || closest[j] < best) {
                    best = closest[j];
                    next = j;
                }
            }
            edges[k] = new double[] {current, next, best};
            current = next;
        }
        return edges;
    }

    /** Union-find over tree nodes: each union creates the next internal node. */
    private static final class UnionFind {
        private final int[] parent;
        private int next;

        UnionFind(int n) {
            parent = new int[2 * n - 1];
            for (int i = 0; i < parent.length; i++) parent[i] = i;
            next = n;
        }

        int find(int x) {
            int root = x;
            while (parent[root] != root) root = parent[root];
            while (parent[x] != root) {
                int up = parent[x];
                parent[x] = root;
                x = up;
            }
            return root;
        }

        void union(int a, int b) {
            parent[a] = next;
            parent[b] = next;
            next++;
        }
    }
}
