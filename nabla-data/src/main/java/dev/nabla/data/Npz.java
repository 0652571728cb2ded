package dev.nabla.data;

import dev.nabla.Tensor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** NumPy's .npz: a zip of .npy files, one per named array ({@code np.savez} / {@code np.savez_compressed}). */
public final class Npz {
    private Npz() {}

    /** All arrays, by name (the entry name without ".npy"), in the order they are stored. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                arrays.put(name, Npy.read(zip, file + "!" + e.getName()));
            }
        }
        if (arrays.isEmpty()) throw new IOException(file + ": no arrays found; expected a zip of .npy files (is it an .npz?)");
        return arrays;
    }

    /** Writes the arrays without compression (deflate level 0; NumPy reads it like {@code np.savez} output); atomic. */
    public static void write(Path file, Map<String, Tensor> arrays) throws IOException {
        write(file, arrays, false);
    }

    /** Writes the arrays deflated, like {@code np.savez_compressed}; atomic. */
    public static void writeCompressed(Path file, Map<String, Tensor> arrays) throws IOException {
        write(file, arrays, true);
    }

    private static void write(Path file, Map<String, Tensor> arrays, boolean compressed) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(compressed ? 6 : 0);
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                Npy.write(zip, e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
