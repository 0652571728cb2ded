package dev.nabla.ml.pipeline;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.data.Table;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Estimator;
import dev.nabla.ml.Predictor;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.compose.ColumnTransformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named steps run in order: every step but the last is a {@link Transformer}; the last may be a
 * transformer, classifier or regressor, and the pipeline offers what it offers. fit fits clones of the
 * steps, so the step estimators passed in stay unfitted templates. Parameters nest as
 * {@code "step.param"}, and {@code "step"} replaces a whole step. X may also be a nabla-data Table:
 * a ColumnTransformer first step picks its columns by name (string columns go to its encoders).
 */
public final class Pipeline extends BaseEstimator<Pipeline, Pipeline.Options> implements Classifier, Regressor, Transformer {
    public record Step(String name, Estimator estimator) {
        public Step {
            if (name == null || name.isEmpty() || name.contains("."))
                throw new IllegalArgumentException("Pipeline: step name must be non-empty without '.', got '" + name + "'");
            if (estimator == null) throw new IllegalArgumentException("Pipeline: step '" + name + "' has no estimator");
        }
    }

    public record Options(List<Step> steps) {
        public Options {
            steps = List.copyOf(steps);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (!names.add(s.name())) throw new IllegalArgumentException("Pipeline: step names must be unique, '" + s.name() + "' repeats");
                if (i < steps.size() - 1 && !(s.estimator() instanceof Transformer))
                    throw new IllegalArgumentException("Pipeline: step '" + s.name() + "' (" + s.estimator().getClass().getSimpleName()
                            + ") is not a Transformer; only the last step may be a plain predictor");
            }
        }

        public Options() {
            this(List.of());
        }

        /** These options with one more step at the end. */
        public Options step(String name, Estimator estimator) {
            List<Step> more = new ArrayList<>(steps);
            more.add(new Step(name, estimator));
            return new Options(more);
        }
    }

    private List<Estimator> fitted;

    public Pipeline(Options options) {
        super(options);
        if (options.steps().isEmpty()) throw new IllegalArgumentException("Pipeline: needs at least one step");
    }

    /** {@code Pipeline.of("scale", new StandardScaler(), "clf", new LogisticRegression())}. */
    public static Pipeline of(Object... namesAndEstimators) {
        if (namesAndEstimators.length % 2 != 0) throw new IllegalArgumentException("Pipeline.of: expected name, estimator pairs");
        Options o = new Options();
        for (int i = 0; i < namesAndEstimators.length; i += 2) {
            if (!(namesAndEstimators[i] instanceof String name) || !(namesAndEstimators[i + 1] instanceof Estimator e))
                throw new IllegalArgumentException("Pipeline.of: argument " + i + " must be a name followed by an Estimator");
            o = o.step(name, e);
        }
        return new Pipeline(o);
    }

    @Override
    protected Pipeline withOptions(Options o) {
        List<Step> fresh = new ArrayList<>();
        for (Step s : o.steps()) fresh.add(new Step(s.name(), s.estimator().clone()));
        return new Pipeline(new Options(fresh));
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("steps", options.steps());
        for (Step s : options.steps()) {
            params.put(s.name(), s.estimator());
            s.estimator().getParams().forEach((k, v) -> params.put(s.name() + "." + k, v));
        }
        return params;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Pipeline setParams(Map<String, ?> changes) {
        List<Step> steps = new ArrayList<>(options.steps());
        if (changes.containsKey("steps")) steps = new ArrayList<>((List<Step>) changes.get("steps"));
        Map<String, Map<String, Object>> nested = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            if (e.getKey().equals("steps")) continue;
            int dot = e.getKey().indexOf('.');
            String stepName = dot < 0 ? e.getKey() : e.getKey().substring(0, dot);
            int index = indexOf(steps, stepName);
            if (dot < 0) {
                if (!(e.getValue() instanceof Estimator replacement))
                    throw new IllegalArgumentException(name() + ": parameter '" + stepName + "' must be an Estimator, got " + e.getValue());
                steps.set(index, new Step(stepName, replacement));
            } else nested.computeIfAbsent(stepName, k -> new LinkedHashMap<>()).put(e.getKey().substring(dot + 1), e.getValue());
        }
        for (Map.Entry<String, Map<String, Object>> e : nested.entrySet()) {
            int index = indexOf(steps, e.getKey());
            steps.set(index, new Step(e.getKey(), steps.get(index).estimator().setParams(e.getValue())));
        }
        return withOptions(new Options(steps));
    }

    private int indexOf(List<Step> steps, String stepName) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).name().equals(stepName)) return i;
        throw new IllegalArgumentException(name() + ": unknown parameter '" + stepName + "'; steps are "
                + steps.stream().map(Step::name).toList() + " (use \"step.param\" for a step's parameter)");
    }

    @Override
    public Pipeline fit(Tensor x, Tensor y) {
        fitFrom(0, new ArrayList<>(), x, y);
        return this;
    }

    /** Fits steps from start on, data being the output of the steps before (already in done). */
    private void fitFrom(int start, List<Estimator> done, Tensor x, Tensor y) {
        Tensor data = x;
        List<Step> steps = options.steps();
        for (int i = start; i < steps.size(); i++) {
            Estimator e = steps.get(i).estimator().clone();
            if (i < steps.size() - 1) data = ((Transformer) e).fitTransform(data, y);
            else if (e instanceof Predictor p) p.fit(data, y);
            else ((Transformer) e).fit(data, y);
            done.add(e);
        }
        fitted = done;
        markFitted();
    }

    @Override
    public Pipeline fit(Tensor x) {
        return fit(x, null);
    }

    // ---- a nabla-data Table as X: a ColumnTransformer first step reads it by column name; any other
    // first step gets table.toTensor(), every column as float64.

    public Pipeline fit(Table x, Tensor y) {
        if (!(options.steps().getFirst().estimator() instanceof ColumnTransformer first)) return fit(x.toTensor(DType.FLOAT64), y);
        ColumnTransformer columns = first.clone();
        Tensor data = columns.fitTransform(x, y);
        List<Estimator> done = new ArrayList<>();
        done.add(columns);
        fitFrom(1, done, data, y);
        return this;
    }

    public Tensor predict(Table x) {
        return last(Predictor.class, "predict").predict(lastStepInput(x, "predict"));
    }

    public Tensor predictProba(Table x) {
        return last(Classifier.class, "predictProba").predictProba(lastStepInput(x, "predictProba"));
    }

    public Tensor decisionFunction(Table x) {
        return last(Classifier.class, "decisionFunction").decisionFunction(lastStepInput(x, "decisionFunction"));
    }

    public double score(Table x, Tensor y) {
        return last(Predictor.class, "score").score(lastStepInput(x, "score"), y);
    }

    public Tensor transform(Table x) {
        Transformer t = last(Transformer.class, "transform");
        if (fitted.size() == 1 && t instanceof ColumnTransformer only) return only.transform(x);
        return t.transform(lastStepInput(x, "transform"));
    }

    private Tensor lastStepInput(Table x, String method) {
        requireFitted(method);
        if (fitted.getFirst() instanceof ColumnTransformer columns) return throughTransformers(columns.transform(x), 1, method);
        return throughTransformers(x.toTensor(DType.FLOAT64), 0, method);
    }

    /** The fitted step called name. */
    public Estimator step(String stepName) {
        requireFitted("step");
        return fitted.get(indexOf(options.steps(), stepName));
    }

    /** X run through every step but the last. */
    private Tensor throughTransformers(Tensor x, String method) {
        return throughTransformers(x, 0, method);
    }

    /** X run through the steps from `from` on, but the last. */
    private Tensor throughTransformers(Tensor x, int from, String method) {
        requireFitted(method);
        Tensor data = x;
        for (int i = from; i < fitted.size() - 1; i++) data = ((Transformer) fitted.get(i)).transform(data);
        return data;
    }

    private <T> T last(Class<T> type, String method) {
        Estimator e = options.steps().getLast().estimator();
        if (!type.isInstance(e))
            throw new UnsupportedOperationException(name() + "." + method + ": the last step '" + options.steps().getLast().name() + "' ("
                    + e.getClass().getSimpleName() + ") is not a " + type.getSimpleName());
        requireFitted(method);
        return type.cast(fitted.getLast());
    }

    @Override
    public Tensor predict(Tensor x) {
        Predictor p = last(Predictor.class, "predict");
        return p.predict(throughTransformers(x, "predict"));
    }

    @Override
    public Tensor predictProba(Tensor x) {
        Classifier c = last(Classifier.class, "predictProba");
        return c.predictProba(throughTransformers(x, "predictProba"));
    }

    @Override
    public Tensor decisionFunction(Tensor x) {
        Classifier c = last(Classifier.class, "decisionFunction");
        return c.decisionFunction(throughTransformers(x, "decisionFunction"));
    }

    @Override
    public Tensor classes() {
        return last(Classifier.class, "classes").classes();
    }

    @Override
    public double score(Tensor x, Tensor y) {
        Predictor p = last(Predictor.class, "score");
        return p.score(throughTransformers(x, "score"), y);
    }

    @Override
    public Tensor transform(Tensor x) {
        Transformer t = last(Transformer.class, "transform");
        return t.transform(throughTransformers(x, "transform"));
    }

    @Override
    public Tensor inverseTransform(Tensor x) {
        requireFitted("inverseTransform");
        Tensor data = last(Transformer.class, "inverseTransform").inverseTransform(x);
        for (int i = fitted.size() - 2; i >= 0; i--) data = ((Transformer) fitted.get(i)).inverseTransform(data);
        return data;
    }

    @Override
    protected void saveState(State out) {
        out.putModels("fitted", fitted);
    }

    @Override
    protected void loadState(State in) {
        fitted = in.models("fitted");
    }
}
