package dev.nabla.cpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A system CBLAS reached through the FFM API. The downcalls are linked as critical with heap
 * access, so Java arrays are handed to BLAS in place: no off-heap copies, and no thread
 * transition for a call that never calls back into Java. The price is that a garbage collection
 * waits for a running call, which for the largest products is tens of milliseconds. Detection
 * never throws; when no library or symbol is found, {@link #AVAILABLE} is false and
 * {@link #STATUS} says why in one line.
 */
final class NativeBlas {
    private static final String[] LIBRARIES = {"libopenblas.so.0", "libopenblas.so", "libblas.so.3", "libcblas.so.3"};
    private static final int ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;

    static final boolean AVAILABLE;
    /** The library in use, e.g. "libopenblas.so.0", or why none is. */
    static final String STATUS;
    private static final MethodHandle SGEMM, DGEMM, SET_THREADS;
    /** Threads last requested from the library; -1 when it has no such control. */
    private static volatile int libraryThreads;

    static {
        MethodHandle sgemm = null, dgemm = null, setThreads = null;
        String status;
        try {
            Linker linker = Linker.nativeLinker();
            List<String> misses = new ArrayList<>();
            status = null;
            for (String name : LIBRARIES) {
                SymbolLookup lib;
                try {
                    lib = SymbolLookup.libraryLookup(name, Arena.global());
                } catch (IllegalArgumentException e) {
                    misses.add(name + " not found");
                    continue;
                }
                Optional<MemorySegment> s = lib.find("cblas_sgemm"), d = lib.find("cblas_dgemm");
                if (s.isEmpty() || d.isEmpty()) {
                    misses.add(name + " lacks cblas_sgemm/cblas_dgemm");
                    continue;
                }
                Linker.Option critical = Linker.Option.critical(true);
                sgemm = linker.downcallHandle(s.get(), gemmSignature(JAVA_FLOAT), critical);
                dgemm = linker.downcallHandle(d.get(), gemmSignature(JAVA_DOUBLE), critical);
                Optional<MemorySegment> t = lib.find("openblas_set_num_threads");
                if (t.isPresent()) {
                    setThreads = linker.downcallHandle(t.get(), FunctionDescriptor.ofVoid(JAVA_INT), critical);
                }
                status = name;
                break;
            }
            if (status == null) status = "no system BLAS (" + String.join(", ", misses) + ")";
        } catch (RuntimeException | LinkageError e) {
            // Native access disabled, unsupported platform: report it, run the Java kernels.
            sgemm = null;
            status = "native BLAS unusable: " + e;
        }
        SGEMM = sgemm;
        DGEMM = dgemm;
        SET_THREADS = setThreads;
        AVAILABLE = sgemm != null;
        STATUS = status;
        libraryThreads = setThreads == null ? -1 : 0;
    }

    private NativeBlas() {}

    private static FunctionDescriptor gemmSignature(ValueLayout scalar) {
        return FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                scalar, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, scalar, ADDRESS, JAVA_INT);
    }

    static void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff,
                      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        syncThreads();
        try {
            SGEMM.invokeExact(ROW_MAJOR, ta ? TRANS : NO_TRANS, tb ? TRANS : NO_TRANS, m, n, k, alpha,
                    MemorySegment.ofArray(a).asSlice(aOff * 4L), lda,
                    MemorySegment.ofArray(b).asSlice(bOff * 4L), ldb, beta,
                    MemorySegment.ofArray(c).asSlice(cOff * 4L), ldc);
        } catch (Throwable e) {
            throw new IllegalStateException("sgemm: native call failed", e);
        }
    }

    static void dgemm(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff,
                      int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        syncThreads();
        try {
            DGEMM.invokeExact(ROW_MAJOR, ta ? TRANS : NO_TRANS, tb ? TRANS : NO_TRANS, m, n, k, alpha,
                    MemorySegment.ofArray(a).asSlice(aOff * 8L), lda,
                    MemorySegment.ofArray(b).asSlice(bOff * 8L), ldb, beta,
                    MemorySegment.ofArray(c).asSlice(cOff * 8L), ldc);
        } catch (Throwable e) {
            throw new IllegalStateException("dgemm: native call failed", e);
        }
    }

    /** Keeps the library's own pool at Parallel.threads(), so NABLA_NUM_THREADS covers it too. */
    private static void syncThreads() {
        int want = Parallel.threads();
        if (libraryThreads < 0 || libraryThreads == want) return;
        synchronized (NativeBlas.class) {
            if (libraryThreads == want) return;
            try {
                SET_THREADS.invokeExact(want);
            } catch (Throwable e) {
                throw new IllegalStateException("openblas_set_num_threads failed", e);
            }
            libraryThreads = want;
        }
    }
}
