package dev.nabla.ml.selection;

import dev.nabla.ml.Check;
import dev.nabla.ml.Predictor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sklearn's GridSearchCV: cross-validates every combination of a parameter grid (nested names such as
 * {@code "clf.c"} reach into pipelines), then refits the best on all the data.
 * <pre>{@code
 * var search = new GridSearchCV(new GridSearchCV.Options(pipeline, Map.of("clf.c", List.of(0.1, 1.0, 10.0)))
 *         .cv(new StratifiedKFold(5)).scoring("f1_macro")).fit(x, y);
 * search.bestParams(); search.bestScore(); System.out.print(search.cvResults());
 * }</pre>
 */
public final class GridSearchCV extends SearchCV<GridSearchCV, GridSearchCV.Options> {
    /** @param paramGrid one grid, or several expanded one after another; see {@link SearchCV.Settings} for the rest */
    public record Options(Predictor estimator, List<Map<String, List<?>>> paramGrid, String scoring, CrossValidator cv,
                          boolean refit, boolean returnTrainScore) {
        public Options {
            Check.notNull("GridSearchCV", "estimator", estimator);
            paramGrid = List.copyOf(Check.notNull("GridSearchCV", "paramGrid", paramGrid));
            if (paramGrid.isEmpty()) throw new IllegalArgumentException("GridSearchCV: paramGrid needs at least one grid");
            ParamGrid.expand(paramGrid); // rejects empty value lists now, not at fit
            if (scoring != null) Scorers.get(scoring);
        }

        public Options(Predictor estimator, Map<String, ? extends List<?>> paramGrid) {
            this(estimator, List.of(new LinkedHashMap<>(paramGrid)), null, null, true, false);
        }

        public Options scoring(String v) {
            return new Options(estimator, paramGrid, v, cv, refit, returnTrainScore);
        }

        public Options cv(CrossValidator v) {
            return new Options(estimator, paramGrid, scoring, v, refit, returnTrainScore);
        }

        public Options refit(boolean v) {
            return new Options(estimator, paramGrid, scoring, cv, v, returnTrainScore);
        }

        public Options returnTrainScore(boolean v) {
            return new Options(estimator, paramGrid, scoring, cv, refit, v);
        }
    }

    public GridSearchCV(Options options) {
        super(options);
    }

    @Override
    protected GridSearchCV withOptions(Options o) {
        return new GridSearchCV(o);
    }

    @Override
    protected Settings settings() {
        return new Settings(options.estimator(), options.scoring(), options.cv(), options.refit(), options.returnTrainScore());
    }

    @Override
    protected List<Map<String, Object>> candidates() {
        return ParamGrid.expand(options.paramGrid());
    }
}
