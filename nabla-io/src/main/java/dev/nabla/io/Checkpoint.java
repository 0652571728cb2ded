package dev.nabla.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Module;
import dev.nabla.nn.optim.LrScheduler;
import dev.nabla.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to resume training exactly: the model's state dict, the optimizer's and the
 * scheduler's state dicts, epoch and step counters, random generator states (the default one always)
 * and user extras. A checkpoint is an immutable snapshot, taken when each part is added, so training
 * may go on before it is saved.
 *
 * <h2>File format</h2>
 * One safetensors file, written atomically, so any safetensors reader opens it:
 * <pre>
 * tensors   "model/&lt;state-dict key&gt;"   the model's parameters and buffers
 *           "rng/&lt;name&gt;"                a generator's state, I64 [4] ("rng/default": Nabla.defaultGenerator())
 *           "optimizer/...", "scheduler/...", "extras/..."   tensors inside those structures
 * metadata  "format": "nabla.checkpoint"
 *           "nabla.checkpoint": JSON {"version": 1, "epoch": n, "step": n, "optimizer": ..., "scheduler": ..., "extras": ...}
 * </pre>
 * The structures are JSON with tensors referenced by name and Java number types kept exactly (see
 * {@link StateJson}), so a resumed run is bit-identical to an uninterrupted one.
 */
public final class Checkpoint {
    /** The name the default generator's state is kept under. */
    public static final String DEFAULT_GENERATOR = "default";
    static final String FORMAT = "nabla.checkpoint";
    private static final int VERSION = 1;

    private final Map<String, Tensor> model;
    private final Map<String, Object> optimizer;
    private final Map<String, Object> scheduler;
    private final long epoch;
    private final long step;
    private final Map<String, long[]> generators;
    private final Map<String, Object> extras;

    private Checkpoint(Map<String, Tensor> model, Map<String, Object> optimizer, Map<String, Object> scheduler, long epoch, long step,
                       Map<String, long[]> generators, Map<String, Object> extras) {
        this.model = model;
        this.optimizer = optimizer;
        this.scheduler = scheduler;
        this.epoch = epoch;
        this.step = step;
        this.generators = generators;
        this.extras = extras;
    }

    /** A checkpoint of model's state dict and the default generator's state. */
    public static Checkpoint of(Module model) {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        model.stateDict().forEach((k, t) -> weights.put(k, t.detach().clone()));
        Map<String, long[]> generators = new LinkedHashMap<>();
        generators.put(DEFAULT_GENERATOR, Nabla.defaultGenerator().getState());
        return new Checkpoint(weights, null, null, 0, 0, generators, new LinkedHashMap<>());
    }

    public Checkpoint withOptimizer(Optimizer<?> optimizer) {
        return withOptimizerState(optimizer.stateDict());
    }

    /** An optimizer state dict in {@link Optimizer#stateDict()}'s layout. */
    public Checkpoint withOptimizerState(Map<String, Object> state) {
        return new Checkpoint(model, copy(state, "optimizer"), scheduler, epoch, step, generators, extras);
    }

    public Checkpoint withScheduler(LrScheduler scheduler) {
        return withSchedulerState(scheduler.stateDict());
    }

    /** Any scheduler's state dict, e.g. ReduceLROnPlateau's, which is not an {@link LrScheduler}. */
    public Checkpoint withSchedulerState(Map<String, Object> state) {
        return new Checkpoint(model, optimizer, copy(state, "scheduler"), epoch, step, generators, extras);
    }

    public Checkpoint withEpoch(long epoch) {
        return new Checkpoint(model, optimizer, scheduler, epoch, step, generators, extras);
    }

    public Checkpoint withStep(long step) {
        return new Checkpoint(model, optimizer, scheduler, epoch, step, generators, extras);
    }

    /** Adds a generator's state (a data loader's shuffling, a dropout layer's own generator). */
    public Checkpoint withGenerator(String name, Generator generator) {
        Map<String, long[]> g = new LinkedHashMap<>(generators);
        g.put(name, generator.getState());
        return new Checkpoint(model, optimizer, scheduler, epoch, step, g, extras);
    }

    /** Adds a user value: maps, lists, tensors, strings, booleans, Integer, Long, Float, Double, nested. */
    public Checkpoint withExtra(String key, Object value) {
        Map<String, Object> e = new LinkedHashMap<>(extras);
        e.put(key, StateJson.snapshot(value, "extras/" + key));
        return new Checkpoint(model, optimizer, scheduler, epoch, step, generators, e);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> state, String path) {
        return (Map<String, Object>) StateJson.snapshot(state, path);
    }

    // ------------------------------------------------------------------ reading the parts

    /** The model's state dict (read-only). */
    public Map<String, Tensor> modelState() { return Collections.unmodifiableMap(model); }

    public Optional<Map<String, Object>> optimizerState() { return Optional.ofNullable(optimizer).map(Collections::unmodifiableMap); }

    public Optional<Map<String, Object>> schedulerState() { return Optional.ofNullable(scheduler).map(Collections::unmodifiableMap); }

    public long epoch() { return epoch; }

    public long step() { return step; }

    public Map<String, Object> extras() { return Collections.unmodifiableMap(extras); }

    /** The saved state of generator name. */
    public long[] generatorState(String name) {
        long[] s = generators.get(name);
        if (s == null) throw new IllegalArgumentException("checkpoint has no generator '" + name + "'; it has " + generators.keySet());
        return s.clone();
    }

    // ------------------------------------------------------------------ restoring

    /** Restores model and optimizer (see {@link #restore(Module, Optimizer, LrScheduler)}). */
    public void restore(Module model, Optimizer<?> optimizer) {
        model.loadStateDict(this.model, true);
        optimizer.loadStateDict(part(this.optimizer, "optimizer"));
        Nabla.defaultGenerator().setState(generatorState(DEFAULT_GENERATOR));
    }

    /**
     * Restores model (strictly: every name must match), optimizer, scheduler and the default
     * generator, into objects built the same way as the saved ones. Counters and extras are read
     * with {@link #epoch()}, {@link #step()} and {@link #extras()}; other generators with
     * {@link #restoreGenerator}.
     */
    public void restore(Module model, Optimizer<?> optimizer, LrScheduler scheduler) {
        restore(model, optimizer);
        scheduler.loadStateDict(part(this.scheduler, "scheduler"));
    }

    public void restoreGenerator(String name, Generator generator) {
        generator.setState(generatorState(name));
    }

    private static Map<String, Object> part(Map<String, Object> state, String what) {
        if (state == null) throw new IllegalStateException("checkpoint has no " + what + " state; it was saved without one");
        return state;
    }

    // ------------------------------------------------------------------ files

    /** Writes this checkpoint to file, atomically: an interrupted save leaves the previous file intact. */
    public void save(Path file) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.forEach((k, t) -> tensors.put("model/" + k, t));
        generators.forEach((k, s) -> tensors.put("rng/" + k, Nabla.tensor(s, 4)));
        ObjectNode json = StateJson.MAPPER.createObjectNode();
        json.put("version", VERSION).put("epoch", epoch).put("step", step);
        json.set("optimizer", StateJson.encode(optimizer, "optimizer", tensors));
        json.set("scheduler", StateJson.encode(scheduler, "scheduler", tensors));
        json.set("extras", StateJson.encode(extras, "extras", tensors));
        SafeTensors.save(tensors, file, Map.of("format", FORMAT, FORMAT, json.toString()));
    }

    @SuppressWarnings("unchecked")
    public static Checkpoint load(Path file) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(file);
        String text = contents.metadata().get(FORMAT);
        if (!FORMAT.equals(contents.metadata().get("format")) || text == null)
            throw new IOException(file + ": not a Nabla checkpoint (no '" + FORMAT + "' metadata); read plain safetensors files with SafeTensors.load");
        JsonNode json;
        try {
            json = StateJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": bad checkpoint JSON in the '" + FORMAT + "' metadata: " + e.getOriginalMessage());
        }
        if (json.path("version").asInt() != VERSION)
            throw new IOException(file + ": checkpoint format version " + json.path("version") + " is not supported (expected " + VERSION + ")");
        Map<String, Tensor> model = new LinkedHashMap<>();
        Map<String, long[]> generators = new LinkedHashMap<>();
        for (var e : contents.tensors().entrySet()) {
            String name = e.getKey();
            if (name.startsWith("model/")) model.put(name.substring(6), e.getValue());
            else if (name.startsWith("rng/")) generators.put(name.substring(4), e.getValue().toLongArray());
        }
        String source = file.toString();
        return new Checkpoint(model,
                (Map<String, Object>) StateJson.decode(json.path("optimizer"), contents.tensors(), source),
                (Map<String, Object>) StateJson.decode(json.path("scheduler"), contents.tensors(), source),
                json.path("epoch").asLong(), json.path("step").asLong(), generators,
                (Map<String, Object>) StateJson.decode(json.path("extras"), contents.tensors(), source));
    }
}
