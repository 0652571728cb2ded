package dev.nabla.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.cpu.Parallel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureTest {
    @Test
    void medianIgnoresOutliers() {
        assertEquals(2.0, Measure.median(List.of(1.0, 2.0, 1000.0)));
        assertEquals(2.5, Measure.median(List.of(1.0, 2.0, 3.0, 1000.0)));
    }

    @Test
    void timesASleepRoughlyRight() {
        double ns = Measure.medianNanos(() -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, Measure.Budget.quick());
        assertTrue(ns >= 2e6 && ns < 50e6, "measured " + ns + " ns for a 2 ms sleep");
    }

    @Test
    void threadCountsAreClampedAndDeduplicated() {
        int max = Parallel.maxThreads();
        assertArrayEquals(max >= 2 ? new int[] {1, 2} : new int[] {1}, CoreBench.effectiveThreads(new int[] {1, 2, 2}));
        assertArrayEquals(new int[] {max}, CoreBench.effectiveThreads(new int[] {max + 10}));
    }
}
