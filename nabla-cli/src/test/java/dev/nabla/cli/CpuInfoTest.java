package dev.nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuInfoTest {
    private static CpuInfo cpu(String vendor, int family, int model, String name, String flags) {
        return CpuInfo.parse("processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: " + family + "\nmodel\t\t: " + model
                + "\nmodel name\t: " + name + "\nflags\t\t: " + flags + "\n\nprocessor\t: 1\nvendor_id\t: Other\n");
    }

    @Test
    void parsesTheFirstProcessorBlock() {
        CpuInfo c = cpu("AuthenticAMD", 26, 2, "AMD EPYC", "fpu avx2 avx512f avx512bw");
        assertEquals("AuthenticAMD", c.vendor());
        assertEquals(26, c.family());
        assertEquals(2, c.model());
        assertTrue(c.hasAvx512());
        assertEquals("Zen 5", c.amdGeneration());
        assertTrue(c.describe().contains("AMD EPYC"), c.describe());
    }

    @Test
    void tellsZen3FromZen4() {
        assertEquals("Zen 3", cpu("AuthenticAMD", 25, 0x01, "AMD EPYC 7763", "").amdGeneration());   // Milan
        assertEquals("Zen 4", cpu("AuthenticAMD", 25, 0x11, "AMD EPYC 9654", "").amdGeneration());   // Genoa
        assertEquals("Zen 3", cpu("AuthenticAMD", 25, 0x21, "AMD Ryzen 9 5950X", "").amdGeneration()); // Vermeer
        assertEquals("Zen 4", cpu("AuthenticAMD", 25, 0x61, "AMD Ryzen 9 7950X", "").amdGeneration()); // Raphael
        assertEquals("Zen 4", cpu("AuthenticAMD", 25, 0xA0, "AMD EPYC 9754", "").amdGeneration());   // Bergamo
    }

    @Test
    void intelGetsJustTheModelName() {
        CpuInfo c = cpu("GenuineIntel", 6, 143, "Intel(R) Xeon(R) Platinum 8480+", "avx2");
        assertNull(c.amdGeneration());
        assertFalse(c.hasAvx512());
        assertTrue(c.describe().startsWith("Intel(R) Xeon(R) Platinum 8480+"), c.describe());
    }

    @Test
    void missingFieldsDoNotThrow() {
        CpuInfo c = CpuInfo.parse("");
        assertEquals(-1, c.family());
        assertNull(c.amdGeneration());
    }
}
