package dev.nabla.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The first processor's entry of /proc/cpuinfo: enough to tell which kernels a BLAS would pick. */
record CpuInfo(String vendor, int family, int model, String modelName, Set<String> flags) {
    static final CpuInfo UNKNOWN = new CpuInfo("unknown", -1, -1, "unknown", Set.of());

    /** This machine's CPU, or UNKNOWN where /proc/cpuinfo is absent (macOS, Windows). */
    static CpuInfo read() {
        try {
            return parse(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    static CpuInfo parse(String text) {
        Map<String, String> f = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                if (!f.isEmpty()) break; // only the first processor block
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) f.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        Set<String> flags = Arrays.stream(f.getOrDefault("flags", "").split("\\s+"))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new CpuInfo(f.getOrDefault("vendor_id", "unknown"), parseInt(f.get("cpu family")), parseInt(f.get("model")),
                f.getOrDefault("model name", "unknown"), flags);
    }

    boolean hasAvx512() {
        return flags.contains("avx512f");
    }

    /**
     * The AMD core generation, or null (Intel and others: the model name says enough). Family 19h
     * holds both Zen 3 and Zen 4: models 10h-1Fh (Genoa), 60h-7Fh (Raphael, Phoenix) and A0h-AFh
     * (Bergamo) are Zen 4, the rest (Milan, Vermeer, Rembrandt, Cezanne) Zen 3.
     */
    String amdGeneration() {
        if (!"AuthenticAMD".equals(vendor)) return null;
        return switch (family) {
            case 0x17 -> model >= 0x30 ? "Zen 2" : "Zen / Zen+";
            case 0x19 -> (model >= 0x10 && model <= 0x1F) || (model >= 0x60 && model <= 0xAF) ? "Zen 4" : "Zen 3";
            case 0x1A -> "Zen 5";
            default -> null;
        };
    }

    String describe() {
        if (this == UNKNOWN) return "unknown (no /proc/cpuinfo)";
        String gen = amdGeneration();
        String id = vendor + " family " + family + " model 0x" + Integer.toHexString(model);
        return modelName + " (" + id + (gen == null ? "" : ", " + gen) + ")";
    }

    private static int parseInt(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
