package dev.nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DoctorTest {
    @Test
    void reportsEverySection() {
        CliRunner r = CliRunner.run("doctor");
        assertEquals(0, r.exitCode(), r.err());
        for (String key : new String[] {"cores:", "threads:", "JDK:", "Vector API:", "CPU:", "AVX-512:",
                "OPENBLAS_CORETYPE:", "OPENBLAS_L2_SIZE:", "system BLAS:", "GEMM:"})
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(key)), "missing " + key + " in\n" + r.out());
        assertTrue(r.out().contains("NABLA_NUM_THREADS"), r.out());
        assertTrue(r.out().contains(Runtime.version().toString()), r.out());
    }

    @Test
    void warnsAboutOpenBlasOverridesOnlyWhenSet() {
        for (String var : Doctor.OPENBLAS_OVERRIDES) {
            String line = Doctor.report().stream().filter(l -> l.startsWith(var + ":")).findFirst().orElseThrow();
            assertEquals(System.getenv(var) != null, line.contains("WARNING"), line);
        }
    }
}
