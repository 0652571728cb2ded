package dev.nabla.ml.selection;

import dev.nabla.Generator;
import dev.nabla.ml.Check;
import dev.nabla.ml.Predictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * sklearn's RandomizedSearchCV: nIter settings drawn from per-parameter distributions (a List is
 * sampled uniformly, a {@link Distribution} such as {@code Distribution.logUniform(1e-3, 1e3)} by its
 * law), cross-validated like {@link GridSearchCV}. When every parameter is a List the settings are
 * drawn from the grid without repeats (at most the grid's size), as sklearn does. Draws use a
 * Generator seeded with {@code seed}, so a search is reproducible, though not sklearn's draws.
 */
public final class RandomizedSearchCV extends SearchCV<RandomizedSearchCV, RandomizedSearchCV.Options> {
    /** @param paramDistributions name to a List of values or a {@link Distribution}; see {@link SearchCV.Settings} for the rest */
    public record Options(Predictor estimator, Map<String, Object> paramDistributions, int nIter, String scoring, CrossValidator cv,
                          boolean refit, boolean returnTrainScore, long seed) {
        public Options {
            Check.notNull("RandomizedSearchCV", "estimator", estimator);
            paramDistributions = Map.copyOf(Check.notNull("RandomizedSearchCV", "paramDistributions", paramDistributions));
            if (paramDistributions.isEmpty()) throw new IllegalArgumentException("RandomizedSearchCV: paramDistributions needs at least one parameter");
            paramDistributions.forEach((k, v) -> {
                if (!(v instanceof Distribution) && !(v instanceof List<?> l && !l.isEmpty()))
                    throw new IllegalArgumentException("RandomizedSearchCV: '" + k + "' must be a non-empty List or a Distribution, got " + v);
            });
            Check.positive("RandomizedSearchCV", "nIter", nIter);
            if (scoring != null) Scorers.get(scoring);
        }

        public Options(Predictor estimator, Map<String, ?> paramDistributions, int nIter) {
            this(estimator, new LinkedHashMap<>(paramDistributions), nIter, null, null, true, false, 0);
        }

        public Options scoring(String v) {
            return new Options(estimator, paramDistributions, nIter, v, cv, refit, returnTrainScore, seed);
        }

        public Options cv(CrossValidator v) {
            return new Options(estimator, paramDistributions, nIter, scoring, v, refit, returnTrainScore, seed);
        }

        public Options refit(boolean v) {
            return new Options(estimator, paramDistributions, nIter, scoring, cv, v, returnTrainScore, seed);
        }

        public Options returnTrainScore(boolean v) {
            return new Options(estimator, paramDistributions, nIter, scoring, cv, refit, v, seed);
        }

        public Options seed(long v) {
            return new Options(estimator, paramDistributions, nIter, scoring, cv, refit, returnTrainScore, v);
        }
    }

    public RandomizedSearchCV(Options options) {
        super(options);
    }

    @Override
    protected RandomizedSearchCV withOptions(Options o) {
        return new RandomizedSearchCV(o);
    }

    @Override
    protected Settings settings() {
        return new Settings(options.estimator(), options.scoring(), options.cv(), options.refit(), options.returnTrainScore());
    }

    @Override
    protected List<Map<String, Object>> candidates() {
        Generator g = new Generator(options.seed());
        TreeMap<String, Object> sorted = new TreeMap<>(options.paramDistributions());
        if (sorted.values().stream().allMatch(v -> v instanceof List<?>)) {
            Map<String, List<?>> grid = new LinkedHashMap<>();
            sorted.forEach((k, v) -> grid.put(k, (List<?>) v));
            List<Map<String, Object>> all = ParamGrid.expand(grid);
            int[] order = Shuffle.permutation(all.size(), g);
            List<Map<String, Object>> picked = new ArrayList<>();
            for (int i = 0; i < Math.min(options.nIter(), all.size()); i++) picked.add(all.get(order[i]));
            return picked;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < options.nIter(); i++) {
            Map<String, Object> setting = new LinkedHashMap<>();
            sorted.forEach((k, v) -> setting.put(k, v instanceof Distribution d ? d.sample(g) : ((List<?>) v).get(g.nextInt(((List<?>) v).size()))));
            out.add(setting);
        }
        return out;
    }
}
