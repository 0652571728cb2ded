package dev.nabla.ml.compose;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Estimator;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * sklearn's FeatureUnion: every transformer sees all of X, and their outputs are placed side by side
 * (e.g. scaled features next to polynomial ones). fit fits clones, so the transformers passed in stay
 * unfitted templates; parameters nest as {@code "name.param"}.
 */
public final class FeatureUnion extends BaseEstimator<FeatureUnion, FeatureUnion.Options> implements Transformer {
    public record Member(String name, Transformer transformer) {
        public Member {
            Named.checkName("FeatureUnion", name);
            if (transformer == null) throw new IllegalArgumentException("FeatureUnion: '" + name + "' has no transformer");
        }
    }

    public record Options(List<Member> transformers) {
        public Options {
            transformers = List.copyOf(transformers);
            if (transformers.isEmpty()) throw new IllegalArgumentException("FeatureUnion: needs at least one transformer");
            Named.checkUnique("FeatureUnion", transformers.stream().map(Member::name).toList());
        }
    }

    private List<Transformer> fitted;

    public FeatureUnion(Options options) {
        super(options);
    }

    /** {@code FeatureUnion.of("std", new StandardScaler(), "poly", new PolynomialFeatures())}. */
    public static FeatureUnion of(Object... namesAndTransformers) {
        if (namesAndTransformers.length % 2 != 0) throw new IllegalArgumentException("FeatureUnion.of: expected name, transformer pairs");
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < namesAndTransformers.length; i += 2) {
            if (!(namesAndTransformers[i] instanceof String name) || !(namesAndTransformers[i + 1] instanceof Transformer t))
                throw new IllegalArgumentException("FeatureUnion.of: argument " + i + " must be a name followed by a Transformer");
            members.add(new Member(name, t));
        }
        return new FeatureUnion(new Options(members));
    }

    @Override
    protected FeatureUnion withOptions(Options o) {
        return new FeatureUnion(new Options(o.transformers().stream().map(m -> new Member(m.name(), m.transformer().clone())).toList()));
    }

    private List<String> names() {
        return options.transformers().stream().map(Member::name).toList();
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("transformers", options.transformers());
        Named.putParams(params, names(), options.transformers().stream().map(Member::transformer).toList());
        return params;
    }

    @Override
    @SuppressWarnings("unchecked")
    public FeatureUnion setParams(Map<String, ?> changes) {
        List<Member> members = changes.containsKey("transformers") ? (List<Member>) changes.get("transformers") : options.transformers();
        List<String> names = members.stream().map(Member::name).toList();
        List<Transformer> ts = Named.apply(name(), names, members.stream().map(Member::transformer).toList(), changes, Set.of("transformers"));
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add(new Member(names.get(i), ts.get(i)));
        return withOptions(new Options(out));
    }

    @Override
    public FeatureUnion fit(Tensor x) {
        return fit(x, null);
    }

    @Override
    public FeatureUnion fit(Tensor x, Tensor y) {
        List<Transformer> done = new ArrayList<>();
        for (Member m : options.transformers()) done.add(m.transformer().clone().fit(x, y));
        fitted = done;
        markFitted();
        return this;
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        List<double[]> blocks = new ArrayList<>();
        int[] widths = new int[fitted.size()];
        for (int i = 0; i < fitted.size(); i++) {
            Tensor out = fitted.get(i).transform(x);
            blocks.add(out.toDoubleArray());
            widths[i] = out.size(1);
        }
        int total = Arrays.stream(widths).sum();
        return Nabla.tensor(Named.hstack(blocks, widths, x.size(0)), x.size(0), total).to(x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT64);
    }

    /** The fitted transformer called name. */
    public Estimator transformer(String memberName) {
        requireFitted("transformer");
        int i = names().indexOf(memberName);
        if (i < 0) throw new IllegalArgumentException(name() + ": no transformer '" + memberName + "'; transformers are " + names());
        return fitted.get(i);
    }

    @Override
    protected void saveState(State out) {
        out.putModels("fitted", fitted);
    }

    @Override
    protected void loadState(State in) {
        fitted = in.models("fitted").stream().map(e -> (Transformer) e).toList();
    }
}
