package dev.nabla.cli;

import dev.nabla.cpu.Gemm;
import dev.nabla.cpu.Parallel;
import dev.nabla.cpu.Simd;
import java.util.ArrayList;
import java.util.List;

/** The facts {@code nabla doctor} reports: what decides how fast Nabla (and a BLAS beside it) runs here. */
final class Doctor {
    /** Environment variables that pin OpenBLAS to settings chosen for another CPU. */
    static final String[] OPENBLAS_OVERRIDES = {"OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"};

    private Doctor() {}

    static List<String> report() {
        List<String> out = new ArrayList<>();
        CpuInfo cpu = CpuInfo.read();
        String envThreads = System.getenv("NABLA_NUM_THREADS");
        line(out, "cores", Runtime.getRuntime().availableProcessors() + " available to the JVM");
        line(out, "threads", Parallel.maxThreads() + " (Parallel.maxThreads); NABLA_NUM_THREADS "
                + (envThreads == null ? "unset" : "= " + envThreads));
        line(out, "JDK", Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.vm.name") + ")");
        line(out, "Vector API", vectorApi(cpu));
        line(out, "CPU", cpu.describe());
        line(out, "AVX-512", cpu == CpuInfo.UNKNOWN ? "unknown" : cpu.hasAvx512() ? "yes (avx512f)" : "no");
        for (String var : OPENBLAS_OVERRIDES) {
            String v = System.getenv(var);
            line(out, var, v == null ? "unset (good)"
                    : v + "  WARNING: holds OpenBLAS to an older kernel/tuning than this CPU supports; unset it for best GEMM speed");
        }
        line(out, "system BLAS", Gemm.nativeStatus());
        line(out, "GEMM", gemmBackend());
        return out;
    }

    static String vectorApi(CpuInfo cpu) {
        if (!Simd.AVAILABLE) return "scalar fallback (" + Simd.FALLBACK_REASON + ")";
        int lanes = Simd.floatLanes();
        String s = "available, " + lanes + " float lanes (" + lanes * 32 + "-bit vectors)";
        if (cpu.hasAvx512() && lanes < 16) s += "; the CPU has AVX-512 but the JVM prefers narrower vectors (see -XX:UseAVX)";
        return s;
    }

    /** What Nabla uses for matrix products, and how to choose another. */
    static String gemmBackend() {
        String blas = System.getenv("NABLA_BLAS");
        return Gemm.implementation() + " (NABLA_BLAS " + (blas == null ? "unset = auto" : "= " + blas) + "; auto|java|native)";
    }

    private static void line(List<String> out, String key, String value) {
        out.add(String.format("%-18s %s", key + ":", value));
    }
}
