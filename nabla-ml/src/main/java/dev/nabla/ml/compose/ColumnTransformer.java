package dev.nabla.ml.compose;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.Column;
import dev.nabla.data.Table;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Estimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;
import dev.nabla.ml.preprocessing.HandleUnknown;
import dev.nabla.ml.preprocessing.OneHotEncoder;
import dev.nabla.ml.preprocessing.OrdinalEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * sklearn's ColumnTransformer: each named transformer gets its own columns of X (by index, or by name
 * when fitting a nabla-data {@link Table}), and the outputs are placed side by side in the order given;
 * columns no transformer takes are dropped or, with {@link Remainder#PASSTHROUGH}, appended unchanged.
 * <pre>{@code
 * var ct = new ColumnTransformer(new ColumnTransformer.Options()
 *         .add("num", new StandardScaler(), 0, 2, 3)
 *         .add("cat", new OneHotEncoder(), 1));
 * }</pre>
 * fit fits clones, so the transformers passed in stay unfitted templates; parameters nest as
 * {@code "name.param"}. Input may hold NaN for the transformers that accept it (SimpleImputer).
 * A Table's string columns may go to a OneHotEncoder or OrdinalEncoder: their categories are the
 * sorted strings seen in fit ({@link #stringCategories()}), as sklearn orders them.
 */
public final class ColumnTransformer extends BaseEstimator<ColumnTransformer, ColumnTransformer.Options> implements Transformer {
    /** What happens to the columns no transformer takes. */
    public enum Remainder { DROP, PASSTHROUGH }

    /** One transformer and its columns: indices, or names (then fit a Table); exactly one of the two is non-empty. */
    public record Part(String name, Transformer transformer, List<Integer> indices, List<String> names) {
        public Part {
            Named.checkName("ColumnTransformer", name);
            if (transformer == null) throw new IllegalArgumentException("ColumnTransformer: '" + name + "' has no transformer");
            indices = indices == null ? List.of() : List.copyOf(indices);
            names = names == null ? List.of() : List.copyOf(names);
            if (indices.isEmpty() == names.isEmpty())
                throw new IllegalArgumentException("ColumnTransformer: '" + name + "' must select columns either by index or by name, got indices "
                        + indices + " and names " + names);
            for (int i : indices) if (i < 0) throw new IllegalArgumentException("ColumnTransformer: '" + name + "' has a negative column index " + i);
        }
    }

    public record Options(List<Part> transformers, Remainder remainder) {
        public Options {
            transformers = List.copyOf(transformers);
            if (remainder == null) throw new IllegalArgumentException("ColumnTransformer: remainder must be drop or passthrough, got null");
            Named.checkUnique("ColumnTransformer", transformers.stream().map(Part::name).toList());
        }

        public Options() {
            this(List.of(), Remainder.DROP);
        }

        /** These options with one more transformer on the columns at these indices. */
        public Options add(String name, Transformer transformer, int... columns) {
            return with(new Part(name, transformer, Arrays.stream(columns).boxed().toList(), List.of()));
        }

        /** These options with one more transformer on the columns of a Table with these names. */
        public Options add(String name, Transformer transformer, String... columns) {
            return with(new Part(name, transformer, List.of(), List.of(columns)));
        }

        public Options remainder(Remainder v) {
            return new Options(transformers, v);
        }

        private Options with(Part p) {
            List<Part> more = new ArrayList<>(transformers);
            more.add(p);
            return new Options(more, remainder);
        }
    }

    private List<Transformer> fitted;
    private int[][] columns;
    private int[] remainderColumns;
    private int nFeaturesIn;
    private List<String> featureNamesIn; // empty unless fitted on a Table
    private Map<String, StringCategories> stringCategories = Map.of(); // string columns read by encoders

    public ColumnTransformer(Options options) {
        super(options);
        if (options.transformers().isEmpty()) throw new IllegalArgumentException("ColumnTransformer: needs at least one transformer");
    }

    @Override
    protected ColumnTransformer withOptions(Options o) {
        List<Part> fresh = o.transformers().stream().map(p -> new Part(p.name(), p.transformer().clone(), p.indices(), p.names())).toList();
        return new ColumnTransformer(new Options(fresh, o.remainder()));
    }

    private List<String> partNames() {
        return options.transformers().stream().map(Part::name).toList();
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("transformers", options.transformers());
        params.put("remainder", options.remainder());
        Named.putParams(params, partNames(), options.transformers().stream().map(Part::transformer).toList());
        return params;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ColumnTransformer setParams(Map<String, ?> changes) {
        List<Part> parts = changes.containsKey("transformers") ? (List<Part>) changes.get("transformers") : options.transformers();
        Remainder remainder = options.remainder();
        if (changes.containsKey("remainder")) {
            Object v = changes.get("remainder");
            remainder = v instanceof Remainder r ? r : Remainder.valueOf(String.valueOf(v).toUpperCase(Locale.ROOT));
        }
        List<String> names = parts.stream().map(Part::name).toList();
        List<Transformer> ts = Named.apply(name(), names, parts.stream().map(Part::transformer).toList(), changes, Set.of("transformers", "remainder"));
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) out.add(new Part(names.get(i), ts.get(i), parts.get(i).indices(), parts.get(i).names()));
        return withOptions(new Options(out, remainder));
    }

    // ---- fitting on a Tensor (columns by index)

    @Override
    public ColumnTransformer fit(Tensor x) {
        return fit(x, null);
    }

    @Override
    public ColumnTransformer fit(Tensor x, Tensor y) {
        fitResolved(x, y, List.of());
        return this;
    }

    @Override
    public Tensor fitTransform(Tensor x, Tensor y) {
        return fitResolved(x, y, List.of());
    }

    @Override
    public Tensor fitTransform(Tensor x) {
        return fitTransform(x, null);
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.features(name(), x, true);
        Validation.featureCount(name(), m, nFeaturesIn);
        List<double[]> blocks = new ArrayList<>();
        int[] widths = new int[fitted.size() + 1];
        for (int p = 0; p < fitted.size(); p++) {
            Tensor out = fitted.get(p).transform(select(m, columns[p], x.dtype()));
            blocks.add(out.toDoubleArray());
            widths[p] = out.size(1);
        }
        return stack(blocks, widths, m, x.dtype());
    }

    // ---- fitting on a Table (columns by name or index)

    public ColumnTransformer fit(Table table, Tensor y) {
        fitTransform(table, y);
        return this;
    }

    public Tensor fitTransform(Table table, Tensor y) {
        Map<String, StringCategories> strings = learnStrings(table);
        Tensor out = fitResolved(TableColumns.toTensor(table, neededColumns(table), strings, column -> false, name()), y, table.columnNames());
        stringCategories = strings;
        return out;
    }

    /** A table with the columns seen in fit, found by name (their order may differ from fit's). */
    public Tensor transform(Table table) {
        requireFitted("transform");
        if (featureNamesIn.isEmpty()) return transform(TableColumns.toTensor(table, new TreeSet<>(table.columnNames()), Map.of(), c -> false, name()));
        for (String n : featureNamesIn)
            if (!table.columnNames().contains(n))
                throw new IllegalArgumentException(name() + ": the table lacks column '" + n + "' seen in fit; it has " + table.columnNames());
        Table ordered = table.select(featureNamesIn.toArray(String[]::new));
        return transform(TableColumns.toTensor(ordered, neededColumns(ordered), stringCategories, this::unknownAllowed, name()));
    }

    /** Each string column's categories seen in fit, in code order; empty when no encoder read strings. */
    public Map<String, List<String>> stringCategories() {
        requireFitted("stringCategories");
        Map<String, List<String>> out = new LinkedHashMap<>();
        stringCategories.forEach((column, c) -> out.put(column, c.values()));
        return out;
    }

    /** The categories of the string columns the encoders read; a string column any other transformer reads is an error. */
    private Map<String, StringCategories> learnStrings(Table table) {
        List<String> all = table.columnNames();
        int[][] resolved = resolve(all.size(), all);
        Map<String, StringCategories> out = new LinkedHashMap<>();
        for (int p = 0; p < resolved.length; p++) {
            Part part = options.transformers().get(p);
            for (int c : resolved[p]) {
                if (!(table.column(all.get(c)) instanceof Column.Strings s)) continue;
                if (!(part.transformer() instanceof OneHotEncoder || part.transformer() instanceof OrdinalEncoder))
                    throw new IllegalArgumentException(name() + ": column '" + s.name() + "' holds strings, but '" + part.name() + "' ("
                            + part.transformer().getClass().getSimpleName() + ") reads numbers; only OneHotEncoder and OrdinalEncoder read string columns");
                out.putIfAbsent(s.name(), StringCategories.learn(s.name(), s.values()));
            }
        }
        return out;
    }

    /** Whether every encoder reading this column turns an unseen category into zeros or its unknown code. */
    private boolean unknownAllowed(String column) {
        for (int p = 0; p < columns.length; p++) {
            if (Arrays.stream(columns[p]).noneMatch(c -> featureNamesIn.get(c).equals(column))) continue;
            boolean tolerant = switch (fitted.get(p)) {
                case OneHotEncoder e -> e.options().handleUnknown() == HandleUnknown.IGNORE;
                case OrdinalEncoder e -> e.options().handleUnknown() == HandleUnknown.USE_ENCODED_VALUE;
                default -> false;
            };
            if (!tolerant) return false;
        }
        return true;
    }

    /** The table columns some transformer or the passthrough remainder reads; the others may hold strings. */
    private Set<String> neededColumns(Table table) {
        List<String> all = table.columnNames();
        Set<String> needed = new TreeSet<>();
        int[][] resolved = resolve(all.size(), all);
        for (int[] cols : resolved) for (int c : cols) needed.add(all.get(c));
        if (options.remainder() == Remainder.PASSTHROUGH) needed.addAll(all);
        return needed;
    }

    // ---- shared

    private Tensor fitResolved(Tensor x, Tensor y, List<String> names) {
        Matrix m = Validation.features(name(), x, true);
        int[][] resolved = resolve(m.cols(), names);
        boolean[] used = new boolean[m.cols()];
        for (int[] cols : resolved) for (int c : cols) used[c] = true;
        List<Transformer> done = new ArrayList<>();
        List<double[]> blocks = new ArrayList<>();
        int[] widths = new int[resolved.length + 1];
        for (int p = 0; p < resolved.length; p++) {
            Transformer t = options.transformers().get(p).transformer().clone();
            Tensor out = t.fitTransform(select(m, resolved[p], x.dtype()), y);
            done.add(t);
            blocks.add(out.toDoubleArray());
            widths[p] = out.size(1);
        }
        fitted = done;
        columns = resolved;
        remainderColumns = options.remainder() == Remainder.PASSTHROUGH
                ? IntStream.range(0, m.cols()).filter(c -> !used[c]).toArray() : new int[0];
        nFeaturesIn = m.cols();
        featureNamesIn = List.copyOf(names);
        markFitted();
        return stack(blocks, widths, m, x.dtype());
    }

    /** Each part's column indices, checked against the width (and names against the table's). */
    private int[][] resolve(int width, List<String> names) {
        int[][] out = new int[options.transformers().size()][];
        for (int p = 0; p < out.length; p++) {
            Part part = options.transformers().get(p);
            if (!part.names().isEmpty()) {
                if (names.isEmpty())
                    throw new IllegalArgumentException(name() + ": '" + part.name() + "' selects columns by name " + part.names()
                            + ", which needs a Table: call fit(Table, y), or select by index for a Tensor");
                out[p] = new int[part.names().size()];
                for (int i = 0; i < out[p].length; i++) {
                    out[p][i] = names.indexOf(part.names().get(i));
                    if (out[p][i] < 0)
                        throw new IllegalArgumentException(name() + ": '" + part.name() + "' wants column '" + part.names().get(i) + "', but the table has " + names);
                }
            } else {
                out[p] = part.indices().stream().mapToInt(Integer::intValue).toArray();
                for (int c : out[p])
                    if (c >= width) throw new IllegalArgumentException(name() + ": '" + part.name() + "' wants column " + c + ", but X has " + width + " columns");
            }
        }
        return out;
    }

    private static Tensor select(Matrix m, int[] cols, DType dtype) {
        double[] out = new double[m.rows() * cols.length];
        for (int i = 0; i < m.rows(); i++) for (int j = 0; j < cols.length; j++) out[i * cols.length + j] = m.get(i, cols[j]);
        return Nabla.tensor(out, m.rows(), cols.length).to(dtype);
    }

    /** The transformer outputs side by side, then the passthrough columns (widths' last slot). */
    private Tensor stack(List<double[]> blocks, int[] widths, Matrix m, DType dtype) {
        widths[widths.length - 1] = remainderColumns.length;
        blocks.add(select(m, remainderColumns, DType.FLOAT64).toDoubleArray());
        int total = Arrays.stream(widths).sum();
        return Nabla.tensor(Named.hstack(blocks, widths, m.rows()), m.rows(), total).to(dtype);
    }

    /** The fitted transformer called name. */
    public Estimator transformer(String partName) {
        requireFitted("transformer");
        int i = partNames().indexOf(partName);
        if (i < 0) throw new IllegalArgumentException(name() + ": no transformer '" + partName + "'; transformers are " + partNames());
        return fitted.get(i);
    }

    /** The column names seen in fit; empty when fitted on a Tensor. */
    public List<String> featureNamesIn() {
        requireFitted("featureNamesIn");
        return featureNamesIn;
    }

    @Override
    protected void saveState(State out) {
        out.putModels("fitted", fitted);
        out.put("columns", columns).put("remainderColumns", remainderColumns).put("nFeaturesIn", nFeaturesIn).put("featureNamesIn", featureNamesIn);
        out.put("stringCategories", stringCategories());
    }

    @Override
    protected void loadState(State in) {
        fitted = in.models("fitted").stream().map(e -> (Transformer) e).toList();
        columns = in.get("columns", int[][].class);
        remainderColumns = in.ints("remainderColumns");
        nFeaturesIn = in.integer("nFeaturesIn");
        featureNamesIn = List.of(in.get("featureNamesIn", String[].class));
        Map<String, StringCategories> strings = new LinkedHashMap<>();
        if (in.has("stringCategories"))
            in.get("stringCategories", StringCategoriesJson.class).forEach((column, values) -> strings.put(column, new StringCategories(column, values)));
        stringCategories = strings;
    }

    /** The saved form of the string categories: column name to categories in code order. */
    private static final class StringCategoriesJson extends LinkedHashMap<String, List<String>> {}
}
