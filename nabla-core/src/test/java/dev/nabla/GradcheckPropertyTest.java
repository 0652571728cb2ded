package dev.nabla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests over the differentiable op catalog.
 *
 * <ul>
 *   <li>{@link #gradcheck}: random shapes (rank 0..4), broadcasting pairs, inputs reached through a
 *       non-contiguous view (transposed, sliced with a step, expanded), checked against central
 *       differences in float64. Domains keep inputs away from kinks and outside the ops' poles.
 *   <li>{@link #float32MatchesFloat64}: the same (float32-representable) values through the float32
 *       kernels (vectorised, with lengths around and above the vector width, contiguous, strided and
 *       with scalar operands on either side) and through float64.
 * </ul>
 */
class GradcheckPropertyTest {
    private static final int SEEDS = 6;

    // ------------------------------------------------------------------ input domains

    /** How an input's values are drawn. */
    enum Domain {
        ANY, POSITIVE, NONZERO, WITH_ZEROS, UNIT;

        double draw(Random r) {
            return switch (this) {
                case ANY -> r.nextGaussian();
                case POSITIVE -> 0.5 + 1.5 * r.nextDouble();
                case NONZERO -> (r.nextBoolean() ? 1 : -1) * (0.3 + 1.7 * r.nextDouble());
                case WITH_ZEROS -> r.nextInt(4) == 0 ? 0 : (r.nextBoolean() ? 1 : -1) * (0.5 + r.nextDouble());
                case UNIT -> 0.9 * (2 * r.nextDouble() - 1);
            };
        }

        /** Values rounded to float32 so that the float32 and float64 runs see the same numbers. */
        Tensor tensor(Random r, int... shape) {
            double[] v = new double[Shapes.numel(shape)];
            for (int i = 0; i < v.length; i++) v[i] = (float) draw(r);
            return Nabla.tensor(v, shape.length == 0 ? new int[0] : shape).reshape(shape);
        }
    }

    // ------------------------------------------------------------------ the op catalog

    /** An op under test: how to draw its input shapes, their domains, and the call (may draw params). */
    record Spec(String name, Function<Random, int[][]> shapes, Domain[] domains, BiFunction<Random, int[][], TensorFn> op) {
        @Override public String toString() { return name; }
    }

    private static Spec unary(String name, Domain d, UnaryOperator<Tensor> f) {
        return new Spec(name, r -> new int[][] {shape(r, 0, 4, 1, 4)}, new Domain[] {d}, (r, s) -> x -> f.apply(x[0]));
    }

    private static Spec binary(String name, Domain da, Domain db, BinaryOperator<Tensor> f) {
        return new Spec(name, GradcheckPropertyTest::broadcastPair, new Domain[] {da, db}, (r, s) -> x -> f.apply(x[0], x[1]));
    }

    interface Reduction {
        Tensor apply(Tensor x, int[] dims, boolean keepDim);
    }

    /** A reduction over a random subset of dims (null = all), keepDim random; minCount elements reduced at least. */
    private static Spec reduction(String name, Domain d, int minCount, Reduction f) {
        return new Spec(name, r -> new int[][] {shape(r, 0, 4, minCount, 4)}, new Domain[] {d}, (r, s) -> {
            int[] dims = randomDims(r, s[0], minCount);
            boolean keep = r.nextBoolean();
            return x -> f.apply(x[0], dims, keep);
        });
    }

    /** An op along one random dim (given negative half the time). */
    private static Spec alongDim(String name, Domain d, BiFunction<Tensor, Integer, Tensor> f) {
        return new Spec(name, r -> new int[][] {shape(r, 1, 4, 1, 4)}, new Domain[] {d}, (r, s) -> {
            int dim = r.nextInt(s[0].length);
            int given = r.nextBoolean() ? dim : dim - s[0].length;
            return x -> f.apply(x[0], given);
        });
    }

    private static Spec custom(String name, Function<Random, int[][]> shapes, Domain[] domains, BiFunction<Random, int[][], TensorFn> op) {
        return new Spec(name, shapes, domains, op);
    }

    private static final Domain[] ANY1 = {Domain.ANY}, ANY2 = {Domain.ANY, Domain.ANY};

    static final List<Spec> UNARY = List.of(
            unary("neg", Domain.ANY, Tensor::neg),
            unary("abs", Domain.NONZERO, Tensor::abs),
            unary("sign", Domain.NONZERO, Tensor::sign),
            unary("exp", Domain.ANY, Tensor::exp),
            unary("log", Domain.POSITIVE, Tensor::log),
            unary("log1p", Domain.UNIT, Tensor::log1p),
            unary("expm1", Domain.ANY, Tensor::expm1),
            unary("sqrt", Domain.POSITIVE, Tensor::sqrt),
            unary("rsqrt", Domain.POSITIVE, Tensor::rsqrt),
            unary("reciprocal", Domain.NONZERO, Tensor::reciprocal),
            unary("square", Domain.ANY, Tensor::square),
            unary("sin", Domain.ANY, Tensor::sin),
            unary("cos", Domain.ANY, Tensor::cos),
            unary("tanh", Domain.ANY, Tensor::tanh),
            unary("sigmoid", Domain.ANY, Tensor::sigmoid),
            unary("erf", Domain.ANY, Tensor::erf),
            unary("relu", Domain.NONZERO, Tensor::relu),
            unary("leaky_relu", Domain.NONZERO, x -> x.leakyRelu(0.2)),
            unary("elu", Domain.NONZERO, x -> x.elu(0.7)),
            unary("gelu", Domain.ANY, Tensor::gelu),
            unary("gelu_tanh", Domain.ANY, x -> x.gelu("tanh")),
            unary("silu", Domain.ANY, Tensor::silu),
            unary("softplus", Domain.ANY, Tensor::softplus),
            unary("softplus_beta2_thr1", Domain.ANY, x -> x.softplus(2, 1)),
            unary("floor", Domain.ANY, Tensor::floor),
            unary("ceil", Domain.ANY, Tensor::ceil),
            unary("round", Domain.ANY, Tensor::round),
            unary("clamp", Domain.NONZERO, x -> x.clamp(-1, 1)),
            unary("clamp_min", Domain.NONZERO, x -> x.clampMin(0.1)),
            unary("clamp_max", Domain.NONZERO, x -> x.clampMax(-0.1)),
            unary("pow_2", Domain.ANY, x -> x.pow(2)),
            unary("pow_3", Domain.ANY, x -> x.pow(3)),
            unary("pow_0", Domain.ANY, x -> x.pow(0)),
            unary("pow_0.5", Domain.POSITIVE, x -> x.pow(0.5)),
            unary("pow_-1.5", Domain.POSITIVE, x -> x.pow(-1.5)),
            unary("mul_scalar", Domain.ANY, x -> x.mul(-1.7)),
            unary("add_scalar", Domain.ANY, x -> x.add(0.3)),
            unary("rsub_scalar", Domain.ANY, x -> x.rsub(2)),
            unary("div_scalar", Domain.ANY, x -> x.div(3)));

    static final List<Spec> BINARY = List.of(
            binary("add", Domain.ANY, Domain.ANY, Tensor::add),
            binary("add_alpha", Domain.ANY, Domain.ANY, (a, b) -> a.add(b, -2.5)),
            binary("sub", Domain.ANY, Domain.ANY, Tensor::sub),
            binary("mul", Domain.ANY, Domain.ANY, Tensor::mul),
            binary("div", Domain.ANY, Domain.NONZERO, Tensor::div),
            binary("pow", Domain.POSITIVE, Domain.ANY, Tensor::pow),
            binary("maximum", Domain.ANY, Domain.ANY, Tensor::maximum),
            binary("minimum", Domain.ANY, Domain.ANY, Tensor::minimum),
            binary("atan2", Domain.NONZERO, Domain.NONZERO, Tensor::atan2),
            binary("where", Domain.ANY, Domain.ANY, (a, b) -> Nabla.where(a.gt(0.2), a, b)));

    static final List<Spec> REDUCTIONS = List.of(
            reduction("sum", Domain.ANY, 1, Tensor::sum),
            reduction("mean", Domain.ANY, 1, Tensor::mean),
            reduction("prod", Domain.NONZERO, 1, (x, d, k) -> d == null || d.length != 1 ? x.prod() : x.prod(d[0], k)),
            reduction("prod_with_zeros", Domain.WITH_ZEROS, 1, (x, d, k) -> d == null || d.length != 1 ? x.prod() : x.prod(d[0], k)),
            reduction("amax", Domain.ANY, 1, Tensor::amax),
            reduction("amin", Domain.ANY, 1, Tensor::amin),
            reduction("max", Domain.ANY, 1, (x, d, k) -> d == null || d.length != 1 ? x.max() : x.max(d[0], k)),
            reduction("min", Domain.ANY, 1, (x, d, k) -> d == null || d.length != 1 ? x.min() : x.min(d[0], k)),
            reduction("var_unbiased", Domain.ANY, 2, (x, d, k) -> x.var(d, true, k)),
            reduction("var_biased", Domain.ANY, 2, (x, d, k) -> x.var(d, false, k)),
            reduction("std_unbiased", Domain.ANY, 2, (x, d, k) -> x.std(d, true, k)),
            reduction("std_biased", Domain.ANY, 2, (x, d, k) -> x.std(d, false, k)),
            reduction("logsumexp", Domain.ANY, 1, (x, d, k) -> x.logsumexp(d == null ? IntStream.range(0, x.dim()).toArray() : d, k)),
            reduction("norm_1", Domain.NONZERO, 1, (x, d, k) -> x.norm(1, d, k)),
            reduction("norm_2", Domain.ANY, 1, (x, d, k) -> x.norm(2, d, k)),
            reduction("norm_3", Domain.NONZERO, 1, (x, d, k) -> x.norm(3, d, k)),
            reduction("norm_0.5", Domain.NONZERO, 1, (x, d, k) -> x.norm(0.5, d, k)),
            reduction("norm_inf", Domain.ANY, 1, (x, d, k) -> x.norm(Double.POSITIVE_INFINITY, d, k)),
            reduction("norm_-inf", Domain.NONZERO, 1, (x, d, k) -> x.norm(Double.NEGATIVE_INFINITY, d, k)),
            alongDim("softmax", Domain.ANY, Tensor::softmax),
            alongDim("log_softmax", Domain.ANY, Tensor::logSoftmax));

    static final List<Spec> VIEWS = List.of(
            unary("reshape_flat", Domain.ANY, x -> x.reshape(-1)),
            unary("reshape_reversed", Domain.ANY, x -> x.reshape(reversed(x.shape()))),
            unary("view_unflatten", Domain.ANY, x -> x.flatten().unflatten(0, x.numel(), 1)),
            unary("contiguous", Domain.ANY, Tensor::contiguous),
            unary("clone", Domain.ANY, Tensor::clone),
            unary("squeeze_unsqueeze", Domain.ANY, x -> x.unsqueeze(0).unsqueeze(-1).squeeze()),
            unary("expand_new_dim", Domain.ANY, x -> x.unsqueeze(0).expand(Shapes.insert(x.shape(), 0, 3))),
            custom("permute", r -> new int[][] {shape(r, 1, 4, 1, 4)}, ANY1, (r, s) -> {
                int[] p = permutation(r, s[0].length);
                return x -> x[0].permute(p);
            }),
            custom("transpose", r -> new int[][] {shape(r, 1, 4, 1, 4)}, ANY1, (r, s) -> {
                int a = r.nextInt(s[0].length), b = r.nextInt(s[0].length);
                return x -> x[0].transpose(a, b);
            }),
            custom("movedim", r -> new int[][] {shape(r, 1, 4, 1, 4)}, ANY1, (r, s) -> {
                int a = r.nextInt(s[0].length), b = r.nextInt(s[0].length);
                return x -> x[0].movedim(a, b);
            }),
            custom("slice_step", r -> new int[][] {shape(r, 1, 4, 1, 6)}, ANY1, (r, s) -> {
                int d = r.nextInt(s[0].length), n = s[0][d];
                int start = r.nextInt(n), step = 1 + r.nextInt(3);
                return x -> x[0].slice(d, start, n, step);
            }),
            custom("slice_negative", r -> new int[][] {shape(r, 1, 4, 2, 6)}, ANY1, (r, s) -> {
                int d = r.nextInt(s[0].length);
                return x -> x[0].slice(d - s[0].length, -s[0][d] + 1, -0 + 100, 2);
            }),
            custom("select", r -> new int[][] {shape(r, 1, 4, 1, 4)}, ANY1, (r, s) -> {
                int d = r.nextInt(s[0].length), i = r.nextInt(s[0][d]);
                return x -> x[0].select(d, r.nextBoolean() ? i : i - s[0][d]);
            }),
            custom("narrow", r -> new int[][] {shape(r, 1, 4, 1, 4)}, ANY1, (r, s) -> {
                int d = r.nextInt(s[0].length), start = r.nextInt(s[0][d]), len = 1 + r.nextInt(s[0][d] - start);
                return x -> x[0].narrow(d, start, len);
            }),
            custom("flatten_range", r -> new int[][] {shape(r, 2, 4, 1, 4)}, ANY1, (r, s) -> {
                int a = r.nextInt(s[0].length), b = a + r.nextInt(s[0].length - a);
                return x -> x[0].flatten(a, b);
            }),
            custom("mT", r -> new int[][] {shape(r, 2, 4, 1, 4)}, ANY1, (r, s) -> x -> x[0].mT()),
            custom("cat", r -> {
                int[] a = shape(r, 1, 4, 1, 4);
                int[] b = a.clone();
                int d = r.nextInt(a.length);
                b[d] = 1 + r.nextInt(3);
                return new int[][] {a, b, {d}};
            }, ANY2, (r, s) -> x -> Nabla.cat(new Tensor[] {x[0], x[1]}, s[2][0])),
            custom("stack", r -> {
                int[] a = shape(r, 0, 3, 1, 4);
                return new int[][] {a, a.clone()};
            }, ANY2, (r, s) -> {
                int d = r.nextInt(s[0].length + 1);
                return x -> Nabla.stack(new Tensor[] {x[0], x[1]}, d);
            }));

    static final List<Spec> MATMUL = List.of(
            custom("matmul", GradcheckPropertyTest::matmulShapes, ANY2, (r, s) -> x -> x[0].matmul(x[1])),
            custom("mm", r -> {
                int n = 1 + r.nextInt(5), k = 1 + r.nextInt(5), m = 1 + r.nextInt(5);
                return new int[][] {{n, k}, {k, m}};
            }, ANY2, (r, s) -> x -> x[0].mm(x[1])),
            custom("bmm", r -> {
                int b = 1 + r.nextInt(3), n = 1 + r.nextInt(4), k = 1 + r.nextInt(4), m = 1 + r.nextInt(4);
                return new int[][] {{b, n, k}, {b, k, m}};
            }, ANY2, (r, s) -> x -> x[0].bmm(x[1])),
            custom("dot", r -> {
                int n = 1 + r.nextInt(20);
                return new int[][] {{n}, {n}};
            }, ANY2, (r, s) -> x -> x[0].dot(x[1])),
            custom("outer", r -> new int[][] {{1 + r.nextInt(5)}, {1 + r.nextInt(5)}}, ANY2, (r, s) -> x -> x[0].outer(x[1])));

    static List<Spec> all() {
        List<Spec> all = new ArrayList<>();
        for (List<Spec> l : List.of(UNARY, BINARY, REDUCTIONS, VIEWS, MATMUL)) all.addAll(l);
        return all;
    }

    // ------------------------------------------------------------------ shapes and layouts

    private static int[] shape(Random r, int minRank, int maxRank, int minNumel, int maxSize) {
        while (true) {
            int rank = minRank + r.nextInt(maxRank - minRank + 1);
            int[] s = new int[rank];
            // keep the total small: gradcheck runs the function twice per input element
            for (int i = 0; i < rank; i++) s[i] = 1 + r.nextInt(rank >= 4 ? Math.min(3, maxSize) : maxSize);
            if (Shapes.numel(s) >= minNumel) return s;
        }
    }

    /** Two shapes that broadcast: drop leading dims and set dims to 1 at random on each side. */
    private static int[][] broadcastPair(Random r) {
        int[] out = shape(r, 0, 4, 1, 4);
        int[][] pair = new int[2][];
        for (int k = 0; k < 2; k++) {
            int drop = out.length == 0 ? 0 : r.nextInt(out.length + 1);
            int[] s = Arrays.copyOfRange(out, drop, out.length);
            for (int i = 0; i < s.length; i++) if (r.nextInt(3) == 0) s[i] = 1;
            pair[k] = s;
        }
        return pair;
    }

    private static int[][] matmulShapes(Random r) {
        int n = 1 + r.nextInt(4), k = 1 + r.nextInt(5), m = 1 + r.nextInt(4);
        int rankA = 1 + r.nextInt(4), rankB = 1 + r.nextInt(4);
        int batchRank = Math.max(rankA, rankB) - 2;
        int[] batch = new int[Math.max(0, batchRank)];
        for (int i = 0; i < batch.length; i++) batch[i] = 1 + r.nextInt(3);
        int[] a = rankA == 1 ? new int[] {k} : Shapes.concat(broadcastSide(r, batch, rankA - 2), new int[] {n, k});
        int[] b = rankB == 1 ? new int[] {k} : Shapes.concat(broadcastSide(r, batch, rankB - 2), new int[] {k, m});
        return new int[][] {a, b};
    }

    private static int[] broadcastSide(Random r, int[] batch, int rank) {
        int[] s = Arrays.copyOfRange(batch, batch.length - rank, batch.length);
        for (int i = 0; i < s.length; i++) if (r.nextInt(3) == 0) s[i] = 1;
        return s;
    }

    private static int[] randomDims(Random r, int[] shape, int minCount) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (shape.length == 0 || r.nextInt(4) == 0) return null;
            List<Integer> dims = new ArrayList<>();
            for (int i = 0; i < shape.length; i++) if (r.nextBoolean()) dims.add(r.nextBoolean() ? i : i - shape.length);
            if (dims.isEmpty()) continue;
            int count = 1;
            for (int d : dims) count *= shape[d < 0 ? d + shape.length : d];
            if (count >= minCount) return dims.stream().mapToInt(Integer::intValue).toArray();
        }
        return null;
    }

    private static int[] permutation(Random r, int n) {
        List<Integer> p = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        java.util.Collections.shuffle(p, r);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] reversed(int[] s) {
        int[] r = new int[s.length];
        for (int i = 0; i < s.length; i++) r[i] = s[s.length - 1 - i];
        return r;
    }

    /** A raw tensor and the view that turns it into the op's (logical) input. */
    record Laid(Tensor raw, UnaryOperator<Tensor> view, String how) {}

    enum Layout { CONTIGUOUS, TRANSPOSED, STEP_SLICED, OFFSET_SLICED, EXPANDED }

    private static Laid lay(Random r, Layout layout, int[] shape, Domain d) {
        int rank = shape.length;
        switch (rank == 0 ? Layout.CONTIGUOUS : layout) {
            case TRANSPOSED -> {
                if (rank < 2) return lay(r, Layout.STEP_SLICED, shape, d);
                int a = r.nextInt(rank), b = (a + 1 + r.nextInt(rank - 1)) % rank;
                int[] raw = shape.clone();
                raw[a] = shape[b];
                raw[b] = shape[a];
                return new Laid(d.tensor(r, raw), x -> x.transpose(a, b), "transposed(" + a + "," + b + ")");
            }
            case STEP_SLICED -> {
                int dim = r.nextInt(rank);
                int[] raw = shape.clone();
                raw[dim] = 2 * shape[dim];
                return new Laid(d.tensor(r, raw), x -> x.slice(dim, 1, raw[dim], 2), "step-sliced(dim " + dim + ")");
            }
            case OFFSET_SLICED -> {
                int dim = rank - 1;
                int[] raw = shape.clone();
                raw[dim] = shape[dim] + 3;
                return new Laid(d.tensor(r, raw), x -> x.slice(dim, 2, 2 + shape[dim]), "offset-sliced");
            }
            case EXPANDED -> {
                int[] raw = shape.clone();
                for (int i = 0; i < rank; i++) if (r.nextBoolean()) raw[i] = 1;
                return new Laid(d.tensor(r, raw), x -> x.expand(shape), "expanded from " + Shapes.str(raw));
            }
            default -> {
                return new Laid(d.tensor(r, shape), x -> x, "contiguous");
            }
        }
    }

    // ------------------------------------------------------------------ gradcheck

    static Stream<Arguments> gradcheckCases() {
        return all().stream().flatMap(s -> IntStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(s, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("gradcheckCases")
    void gradcheck(Spec spec, int seed) {
        Random r = new Random(seed * 1_000_003L + spec.name().hashCode());
        int[][] shapes = spec.shapes().apply(r);
        TensorFn op = spec.op().apply(r, shapes);
        int inputs = spec.domains().length;
        Laid[] laid = new Laid[inputs];
        Layout[] layouts = Layout.values();
        for (int i = 0; i < inputs; i++) {
            Layout l = seed == 0 ? Layout.CONTIGUOUS : layouts[r.nextInt(layouts.length)];
            // an expanded input can make a reduced slice constant: std is not differentiable at zero variance (NaN in PyTorch too)
            if (l == Layout.EXPANDED && spec.name().startsWith("std")) l = Layout.STEP_SLICED;
            laid[i] = lay(r, l, shapes[i], spec.domains()[i]);
        }
        TensorFn f = x -> {
            Tensor[] v = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) v[i] = laid[i].view().apply(x[i]);
            return op.apply(v);
        };
        Tensor[] raws = Stream.of(laid).map(Laid::raw).toArray(Tensor[]::new);
        String what = spec.name() + " on " + describe(shapes, laid);
        try {
            Nabla.gradcheck(f, raws);
        } catch (GradCheck.GradcheckException e) {
            fail(what + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    private static String describe(int[][] shapes, Laid[] laid) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < laid.length; i++) b.append(i == 0 ? "" : ", ").append(Shapes.str(shapes[i])).append(' ').append(laid[i].how());
        return b.toString();
    }

    static Stream<Arguments> secondOrderCases() {
        List<Arguments> cases = new ArrayList<>();
        for (List<Spec> l : List.of(UNARY, BINARY, REDUCTIONS, MATMUL))
            for (Spec s : l) for (int seed = 0; seed < 2; seed++) cases.add(Arguments.of(s, seed));
        return cases.stream();
    }

    /**
     * Backward rules are built from ops, so they must be differentiable themselves: gradcheck of the
     * vector-Jacobian product (with createGraph) checks every op's second derivative.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("secondOrderCases")
    void secondOrderGradcheck(Spec spec, int seed) {
        Random r = new Random(seed * 3_000_017L + spec.name().hashCode());
        int[][] shapes = spec.shapes().apply(r);
        TensorFn op = spec.op().apply(r, shapes);
        Tensor[] xs = new Tensor[spec.domains().length];
        for (int i = 0; i < xs.length; i++) xs[i] = spec.domains()[i].tensor(r, shapes[i]);
        Tensor y0 = op.apply(xs);
        Tensor w = Domain.ANY.tensor(r, y0.shape());
        TensorFn vjp = x -> {
            // gradcheck evaluates its finite differences under noGrad; the inner backward needs the tape
            try (var tape = Nabla.enableGrad()) {
                return vjpTotal(op, w, x);
            }
        };
        String what = spec.name() + " on " + Arrays.deepToString(shapes);
        try {
            Nabla.gradcheck(vjp, xs);
        } catch (GradCheck.GradcheckException e) {
            fail(what + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    /** sum_i g_i * (g_i + 1) over the input gradients g_i of w . op(x), kept on the tape. */
    private static Tensor vjpTotal(TensorFn op, Tensor w, Tensor[] x) {
        {
            Tensor[] in = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) in[i] = x[i].requiresGrad() ? x[i] : x[i].detach().requiresGrad(true);
            Tensor y = op.apply(in);
            if (!y.requiresGrad()) return Nabla.zeros(DType.FLOAT64);
            Tensor[] g = Autograd.grad(new Tensor[] {y}, in, new Tensor[] {w}, true, true, true);
            Tensor total = Nabla.zeros(DType.FLOAT64);
            for (int i = 0; i < g.length; i++) if (g[i] != null) total = total.add(g[i].mul(g[i].add(1)).sum());
            return total;
        }
    }

    /** PyTorch 1.13: g = d prod / dx at [0, 2, 3] is [6, 0, 0]; d sum(g) / dx is [5, 3, 2] (was NaN at the zero). */
    @org.junit.jupiter.api.Test
    void prodDoubleBackwardThroughAZero() {
        Tensor x = Nabla.tensor(new double[] {0, 2, 3}).requiresGrad(true);
        Tensor g = Autograd.grad(new Tensor[] {x.prod()}, new Tensor[] {x}, null, true, true, false)[0];
        assertArrayEquals(new double[] {6, 0, 0}, g.toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {5, 3, 2}, Autograd.grad(g.sum(), x).toDoubleArray(), 1e-12);
    }

    // ------------------------------------------------------------------ batching rules

    /**
     * Each op's vmap rule against running it per example: a batch of 3 at a random dim of every input
     * (or shared, unbatched, for some inputs of multi-input ops), the result's batch at dim 0.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("gradcheckCases")
    void vmapMatchesPerExampleLoop(Spec spec, int seed) {
        Random r = new Random(seed * 7_000_003L + spec.name().hashCode());
        int[][] shapes = spec.shapes().apply(r);
        TensorFn op = spec.op().apply(r, shapes);
        int n = spec.domains().length, batch = 3;
        int[] inDims = new int[n];
        Tensor[] batched = new Tensor[n];
        for (int i = 0; i < n; i++) {
            boolean shared = n > 1 && i == 0 && r.nextInt(3) == 0;
            inDims[i] = shared ? Nabla.UNBATCHED : r.nextInt(shapes[i].length + 1);
            batched[i] = spec.domains()[i].tensor(r, shared ? shapes[i] : Shapes.insert(shapes[i], inDims[i], batch));
        }
        Tensor got = Nabla.vmap(op, inDims, 0).apply(batched);
        Tensor[] per = new Tensor[batch];
        for (int b = 0; b < batch; b++) {
            Tensor[] args = new Tensor[n];
            for (int i = 0; i < n; i++) args[i] = inDims[i] == Nabla.UNBATCHED ? batched[i] : batched[i].select(inDims[i], b);
            per[b] = op.apply(args);
        }
        Tensor want = Nabla.stack(per, 0);
        String what = spec.name() + " inDims " + Arrays.toString(inDims) + " shapes " + Arrays.deepToString(shapes);
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        assertEquals(want.dtype(), got.dtype(), what + ": dtype");
        double[] e = want.toDoubleArray(), a = got.toDoubleArray();
        for (int i = 0; i < e.length; i++)
            if (!(Math.abs(a[i] - e[i]) <= 1e-12 + 1e-12 * Math.abs(e[i]) || Double.isNaN(e[i]) && Double.isNaN(a[i])))
                fail(what + ": element " + i + " loop " + e[i] + " vs vmap " + a[i]);
    }

    // ------------------------------------------------------------------ float32 kernels vs float64

    /** Lengths below, at and above the vector width (16 lanes with AVX-512), and above the parallel grain. */
    private static final int[] LENGTHS = {1, 3, 8, 15, 16, 17, 31, 33, 64, 100, 257};

    /** How the operands of a float32 run are laid out. */
    enum Arrangement {
        CONTIGUOUS, STEP_SLICED, OFFSET_SLICED, TRANSPOSED_2D, SCALAR_FIRST, SCALAR_SECOND, ONE_ELEMENT_FIRST, ONE_ELEMENT_SECOND,
        ROW_BROADCAST, COLUMN_BROADCAST, EXPANDED_FIRST, LARGE
    }

    static Stream<Arguments> precisionCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Spec s : UNARY) for (Arrangement a : List.of(Arrangement.CONTIGUOUS, Arrangement.STEP_SLICED, Arrangement.OFFSET_SLICED,
                Arrangement.TRANSPOSED_2D, Arrangement.EXPANDED_FIRST, Arrangement.LARGE)) cases.add(Arguments.of(s, a));
        for (Spec s : BINARY) for (Arrangement a : Arrangement.values()) cases.add(Arguments.of(s, a));
        for (Spec s : REDUCTIONS) for (Arrangement a : List.of(Arrangement.CONTIGUOUS, Arrangement.STEP_SLICED, Arrangement.TRANSPOSED_2D,
                Arrangement.EXPANDED_FIRST, Arrangement.LARGE)) cases.add(Arguments.of(s, a));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("precisionCases")
    void float32MatchesFloat64(Spec spec, Arrangement arrangement) {
        Random r = new Random(spec.name().hashCode() * 31L + arrangement.ordinal());
        boolean isReduction = REDUCTIONS.contains(spec);
        int[] lengths = arrangement == Arrangement.LARGE ? new int[] {70_001} : LENGTHS;
        for (int len : lengths) {
            Tensor[] raws = new Tensor[spec.domains().length];
            UnaryOperator<Tensor>[] views = operandViews(arrangement, raws.length);
            int[][] rawShapes = rawShapes(arrangement, len, raws.length);
            for (int i = 0; i < raws.length; i++) raws[i] = spec.domains()[i].tensor(r, rawShapes[i]);
            int[][] logical = new int[raws.length][];
            for (int i = 0; i < raws.length; i++) logical[i] = views[i].apply(raws[i]).shape();
            // the op's own random params (dims, keepDim) must be the same for both runs
            long opSeed = r.nextLong();
            TensorFn op = spec.op().apply(new Random(opSeed), logical);
            Tensor[] in32 = new Tensor[raws.length], in64 = new Tensor[raws.length];
            for (int i = 0; i < raws.length; i++) {
                in32[i] = views[i].apply(raws[i].toFloat());
                in64[i] = views[i].apply(raws[i]);
            }
            Tensor y32 = op.apply(in32), y64 = op.apply(in64);
            String what = spec.name() + " " + arrangement + " length " + len + " shapes " + describe(in32);
            assertEquals(DType.FLOAT32, y32.dtype(), what + ": dtype");
            assertArrayEquals(y64.shape(), y32.shape(), what + ": shape");
            double[] a = y32.toDoubleArray(), e = y64.toDoubleArray();
            double scale = isReduction ? Math.max(1, maxAbs(in64[0])) * Math.sqrt(Math.max(1, in64[0].numel())) : 1;
            for (int i = 0; i < e.length; i++) {
                boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i])
                        : Double.isInfinite(e[i]) ? e[i] == a[i]
                        : Math.abs(a[i] - e[i]) <= 1e-6 * scale + 2e-6 * Math.abs(e[i]);
                if (!ok) fail(what + ": element " + i + " float64 " + e[i] + " vs float32 " + a[i]);
            }
        }
    }

    /** NaN, infinities, signed zeros, subnormals and overflow-prone magnitudes. */
    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1e-40, -1e-40,
            0.5, -0.5, 1, -1, 2, -2, 20, -20, 50, -50, 100, -100, 1e20, -1e20, 0.25, -3};

    static Stream<Arguments> specialCases() {
        List<Arguments> cases = new ArrayList<>();
        for (List<Spec> l : List.of(UNARY, BINARY, REDUCTIONS))
            for (Spec s : l) for (boolean strided : new boolean[] {false, true}) cases.add(Arguments.of(s, strided));
        return cases.stream();
    }

    /**
     * Special values through the float32 kernels give what float64 gives, rounded to float32: the
     * vector loops must propagate NaN, saturate to infinities and handle -0.0 like the scalar
     * formulas. 37 elements: two full 16-lane vectors and a tail.
     */
    @ParameterizedTest(name = "{0} strided={1}")
    @MethodSource("specialCases")
    void float32SpecialValuesMatchFloat64(Spec spec, boolean strided) {
        int n = 37;
        Tensor[] in32 = new Tensor[spec.domains().length], in64 = new Tensor[in32.length];
        int[][] logical = new int[in32.length][];
        for (int k = 0; k < in32.length; k++) {
            double[] v = new double[strided ? 2 * n : n];
            for (int i = 0; i < v.length; i++) v[i] = (float) SPECIAL[(i * (k + 1) + 5 * k) % SPECIAL.length]; // same values for both runs
            Tensor raw = Nabla.tensor(v);
            in64[k] = strided ? raw.slice(0, 0, 2 * n, 2) : raw;
            in32[k] = strided ? raw.toFloat().slice(0, 0, 2 * n, 2) : raw.toFloat();
            logical[k] = in64[k].shape();
        }
        TensorFn op = spec.op().apply(new Random(7), logical);
        Tensor y32 = op.apply(in32), y64 = op.apply(in64);
        String what = spec.name() + (strided ? " strided" : " contiguous");
        assertArrayEquals(y64.shape(), y32.shape(), what + ": shape");
        double[] a = y32.toDoubleArray(), e = y64.toDoubleArray();
        double[] x = in64[0].toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            double want = (float) e[i];
            boolean ok = Double.isNaN(want) ? Double.isNaN(a[i])
                    : Double.isInfinite(want) ? want == a[i]
                    : Math.abs(a[i] - want) <= 1e-7 + 4e-6 * Math.abs(want) || REDUCTIONS.contains(spec) && !Double.isNaN(a[i]);
            if (!ok) fail(what + ": element " + i + (e.length == x.length ? " (x = " + x[i] + ")" : "") + " float64 " + e[i] + " vs float32 " + a[i]);
        }
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (double v : t.toDoubleArray()) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static String describe(Tensor[] in) {
        StringBuilder b = new StringBuilder();
        for (Tensor t : in) b.append(Shapes.str(t.shape())).append(t.isContiguous() ? "" : "(strided " + Shapes.str(t.stride()) + ")").append(' ');
        return b.toString().trim();
    }

    private static int[][] rawShapes(Arrangement a, int len, int operands) {
        int[][] s = new int[operands][];
        for (int i = 0; i < operands; i++) {
            s[i] = switch (a) {
                case CONTIGUOUS, LARGE -> new int[] {len};
                case STEP_SLICED -> new int[] {2 * len};
                case OFFSET_SLICED -> new int[] {len + 3};
                case TRANSPOSED_2D -> new int[] {len, 3};
                case SCALAR_FIRST -> i == 0 ? new int[0] : new int[] {len};
                case SCALAR_SECOND -> i == 1 ? new int[0] : new int[] {len};
                case ONE_ELEMENT_FIRST -> i == 0 ? new int[] {1} : new int[] {3, len};
                case ONE_ELEMENT_SECOND -> i == 1 ? new int[] {1} : new int[] {3, len};
                case ROW_BROADCAST -> i == 0 ? new int[] {3, len} : new int[] {len};
                case COLUMN_BROADCAST -> i == 0 ? new int[] {3, len} : new int[] {3, 1};
                case EXPANDED_FIRST -> i == 0 ? new int[] {1, len} : new int[] {2, len};
            };
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Tensor>[] operandViews(Arrangement a, int operands) {
        UnaryOperator<Tensor>[] v = new UnaryOperator[operands];
        for (int i = 0; i < operands; i++) {
            int idx = i;
            v[i] = switch (a) {
                case STEP_SLICED -> x -> x.slice(0, 1, x.size(0), 2);
                case OFFSET_SLICED -> x -> x.slice(0, 1, x.size(0) - 2);
                case TRANSPOSED_2D -> Tensor::t;
                case EXPANDED_FIRST -> idx == 0 ? x -> x.expand(2, x.size(1)) : x -> x;
                default -> x -> x;
            };
        }
        return v;
    }
}
