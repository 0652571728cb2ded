package dev.nabla.nn.keras;

import dev.nabla.Nabla;
import dev.nabla.data.Npz;
import dev.nabla.nn.Module;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How {@link ModelCheckpoint} stores weights: writes the module to a file (a temporary path that the
 * checkpoint renames into place afterwards, so the writer need not be atomic itself). Plug in another
 * format, e.g. {@code (m, f) -> Safetensors.write(f, m.stateDict())}, once nabla-io provides one.
 */
@FunctionalInterface
public interface WeightsWriter {
    void write(Module module, Path file) throws IOException;

    /**
     * The state dict as a NumPy .npz, one array per key ({@code np.load} reads it; load it back with
     * {@code module.loadStateDict(Npz.read(file), true)}).
     */
    static WeightsWriter npz() {
        return (module, file) -> {
            try (var g = Nabla.noGrad()) {
                Npz.write(file, module.stateDict());
            }
        };
    }
}
