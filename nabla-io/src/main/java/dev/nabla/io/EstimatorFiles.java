package dev.nabla.io;

import dev.nabla.ml.Estimator;
import dev.nabla.ml.ModelIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fitted (or unfitted) nabla-ml estimators as safetensors files: the learned arrays (coefficients,
 * centers, tree nodes, ...) as tensors, and the class, hyper-parameters and scalars as JSON in the
 * {@code nabla-ml} metadata entry, where each array appears as {@code {"$tensor": name}}. Arrays keep
 * every bit, load without parsing text, and other tools read them as plain tensors
 * ({@code safetensors.numpy.load_file}). Never Java serialization: loading only instantiates estimator
 * classes of {@code dev.nabla.ml}. Writes are atomic, as every file of this package.
 */
public final class EstimatorFiles {
    static final String FORMAT = "nabla-ml";

    private EstimatorFiles() {}

    public static void save(Estimator estimator, Path file) throws IOException {
        ModelIO.Parts parts = ModelIO.toParts(estimator);
        SafeTensors.save(parts.arrays(), file, Map.of("format", FORMAT, FORMAT, parts.json()));
    }

    public static Estimator load(Path file) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(file);
        String json = contents.metadata().get(FORMAT);
        if (!FORMAT.equals(contents.metadata().get("format")) || json == null)
            throw new IOException(file + ": not a nabla-ml estimator file (no '" + FORMAT + "' metadata); read plain safetensors files with SafeTensors.load");
        try {
            return ModelIO.fromParts(new ModelIO.Parts(json, contents.tensors()), file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Loads and checks the estimator's type: {@code EstimatorFiles.load(path, Ridge.class)}. */
    public static <T extends Estimator> T load(Path file, Class<T> type) throws IOException {
        Estimator e = load(file);
        if (!type.isInstance(e)) throw new IOException(file + " holds a " + e.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        return type.cast(e);
    }
}
