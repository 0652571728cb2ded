package dev.nabla.cpu;

import java.util.logging.Logger;

/**
 * Whether the incubating Vector API can be used in this JVM. Classes that touch
 * {@code jdk.incubator.vector} are only loaded when {@link #AVAILABLE} is true, so a JVM started
 * without {@code --add-modules jdk.incubator.vector} runs the scalar kernels and logs one line.
 */
public final class Simd {
    /** True when the Vector API module is present and not disabled with NABLA_SIMD=off. */
    public static final boolean AVAILABLE;
    /** Why the scalar fallback is used, or null when SIMD is available. */
    public static final String FALLBACK_REASON;

    static {
        String reason = null;
        if ("off".equalsIgnoreCase(System.getenv("NABLA_SIMD")) || "off".equalsIgnoreCase(System.getProperty("nabla.simd"))) {
            reason = "disabled by NABLA_SIMD=off or -Dnabla.simd=off";
        } else if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            reason = "the JVM was started without --add-modules jdk.incubator.vector";
        }
        FALLBACK_REASON = reason;
        AVAILABLE = reason == null;
        if (!AVAILABLE) Logger.getLogger("dev.nabla").info("Nabla: scalar kernels (" + reason + ")");
    }

    private Simd() {}

    /** Float lanes of the preferred vector shape, or 1 for the scalar fallback. */
    public static int floatLanes() {
        return AVAILABLE ? VectorInfo.floatLanes() : 1;
    }

    /** Touches the Vector API; loaded only when {@link #AVAILABLE}. */
    private static final class VectorInfo {
        static int floatLanes() {
            return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        }
    }
}
