package dev.nabla.ml.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The register-tiled brute force against the KD-tree's exact search, on shapes that leave partial query
 * blocks, partial panels and several slabs, and with more features than one GEMM reduction block (300).
 */
class BruteForceTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Parallel.maxThreads());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 20, 300})
    void sameNeighboursAsTheExactTreeOnAnyThreadCount(int d) {
        Generator g = new Generator(d);
        Tensor x = Nabla.randn(g, 3001, d).toDouble(), q = Nabla.randn(g, 203, d).toDouble();
        Parallel.setThreads(1);
        Neighbors one = new NearestNeighbors(new NearestNeighbors.Options().nNeighbors(6).algorithm(Algorithm.BRUTE)).fit(x).kneighbors(q);
        Parallel.setThreads(2);
        Neighbors two = new NearestNeighbors(new NearestNeighbors.Options().nNeighbors(6).algorithm(Algorithm.BRUTE)).fit(x).kneighbors(q);
        Neighbors tree = new NearestNeighbors(new NearestNeighbors.Options().nNeighbors(6).algorithm(Algorithm.KD_TREE)).fit(x).kneighbors(q);
        assertArrayEquals(one.indices().toLongArray(), two.indices().toLongArray());
        assertArrayEquals(one.distances().toDoubleArray(), two.distances().toDoubleArray());
        assertArrayEquals(tree.indices().toLongArray(), two.indices().toLongArray());
        Fixtures.assertClose(tree.distances().toDoubleArray(), two.distances().toDoubleArray(), 1e-12, "distances");
    }
}
