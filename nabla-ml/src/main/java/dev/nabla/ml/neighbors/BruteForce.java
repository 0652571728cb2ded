package dev.nabla.ml.neighbors;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive search in any dimension. Squared distances |q|² + |x|² - 2 q·x come from matrix products over
 * tiles of queries x training rows (small enough to stay in cache); per query only |x|² - 2 q·x is needed
 * to rank rows. Query blocks run in parallel. Selected rows get exact distances afterwards.
 */
final class BruteForce implements NeighborSearch {
    private static final int QUERY_BLOCK = 128, TRAIN_BLOCK = 2048;

    private final Matrix train;
    private final Tensor trainTensor;
    private final double[] sqNorms;

    BruteForce(Matrix train) {
        this.train = train;
        this.trainTensor = Nabla.tensor(train.data(), train.rows(), train.cols());
        this.sqNorms = new double[train.rows()];
        for (int t = 0; t < train.rows(); t++) {
            double s = 0;
            for (int j = 0; j < train.cols(); j++) s += train.get(t, j) * train.get(t, j);
            sqNorms[t] = s;
        }
    }

    /** Receives the products q_r·x_(t0+c) of one query block with one tile at products[offset + r * tn + c]. */
    private interface TileBody {
        void tile(int t0, int tn, double[] products, int offset);
    }

    private void forEachTile(Tensor queryTensor, int q0, int qn, TileBody body) {
        Tensor qb = queryTensor.narrow(0, q0, qn);
        for (int t0 = 0; t0 < train.rows(); t0 += TRAIN_BLOCK) {
            int tn = Math.min(TRAIN_BLOCK, train.rows() - t0);
            Tensor product = qb.matmul(trainTensor.narrow(0, t0, tn).t());
            body.tile(t0, tn, product.storage().doubles(), product.offset());
        }
    }

    @Override
    public void kneighbors(Matrix queries, int k, double[] dist, int[] idx) {
        Tensor qt = Nabla.tensor(queries.data(), queries.rows(), queries.cols());
        int blocks = (queries.rows() + QUERY_BLOCK - 1) / QUERY_BLOCK;
        Parallel.forRange(blocks, 1, (bs, be) -> {
            TopK[] heaps = new TopK[QUERY_BLOCK];
            for (int r = 0; r < QUERY_BLOCK; r++) heaps[r] = new TopK(k);
            for (int b = bs; b < be; b++) {
                int q0 = b * QUERY_BLOCK, qn = Math.min(QUERY_BLOCK, queries.rows() - q0);
                for (int r = 0; r < qn; r++) heaps[r].clear();
                forEachTile(qt, q0, qn, (t0, tn, p, off) -> {
                    for (int r = 0; r < qn; r++) {
                        TopK h = heaps[r];
                        double bound = h.bound();
                        for (int c = 0, o = off + r * tn; c < tn; c++) {
                            double key = sqNorms[t0 + c] - 2 * p[o + c];
                            if (key <= bound) {
                                h.offer(key, t0 + c);
                                bound = h.bound();
                            }
                        }
                    }
                });
                for (int r = 0; r < qn; r++) NeighborSearch.sortInto(queries, q0 + r, train, heaps[r].indices(), k, dist, idx, (q0 + r) * k);
            }
        });
    }

    @Override
    public int[][] withinRadius(Matrix queries, double radius) {
        Tensor qt = Nabla.tensor(queries.data(), queries.rows(), queries.cols());
        double[] qNorms = new double[queries.rows()];
        for (int q = 0; q < queries.rows(); q++)
            for (int j = 0; j < queries.cols(); j++) qNorms[q] += queries.get(q, j) * queries.get(q, j);
        int[][] out = new int[queries.rows()][];
        int blocks = (queries.rows() + QUERY_BLOCK - 1) / QUERY_BLOCK;
        // GEMM-rounded squared distances can be off by ~1e-12 relative; a slack keeps borderline rows as
        // candidates, and the exact distance decides
        double r2 = radius * radius;
        Parallel.forRange(blocks, 1, (bs, be) -> {
            for (int b = bs; b < be; b++) {
                int q0 = b * QUERY_BLOCK, qn = Math.min(QUERY_BLOCK, queries.rows() - q0);
                List<List<Integer>> found = new ArrayList<>();
                for (int r = 0; r < qn; r++) found.add(new ArrayList<>());
                forEachTile(qt, q0, qn, (t0, tn, p, off) -> {
                    for (int r = 0; r < qn; r++) {
                        double qq = qNorms[q0 + r], slack = 1e-9 * (qq + 1) + 1e-12;
                        for (int c = 0, o = off + r * tn; c < tn; c++)
                            if (qq + sqNorms[t0 + c] - 2 * p[o + c] <= r2 + slack * (1 + sqNorms[t0 + c]))
                                found.get(r).add(t0 + c);
                    }
                });
                for (int r = 0; r < qn; r++) {
                    int q = q0 + r;
                    out[q] = found.get(r).stream().mapToInt(Integer::intValue)
                            .filter(t -> NeighborSearch.distance(queries, q, train, t) <= radius).toArray();
                }
            }
        });
        return out;
    }
}
