package io.mlgates.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics the engine knows by name, with the direction in which each improves.
 * Names follow scikit-learn's where it has one.
 */
public final class MetricCatalog {
    /** Prefix under which metrics reported by the training job appear in results and policies. */
    public static final String REPORTED_PREFIX = "reported.";

    public static final List<String> BINARY = List.of("accuracy", "balanced_accuracy", "precision", "recall",
            "specificity", "f1", "roc_auc", "average_precision", "log_loss", "brier", "ece");
    public static final List<String> MULTICLASS = List.of("accuracy", "precision_macro", "precision_micro",
            "precision_weighted", "recall_macro", "recall_micro", "recall_weighted", "f1_macro", "f1_micro",
            "f1_weighted");
    public static final List<String> REGRESSION = List.of("mae", "rmse", "r2", "mape");

    private static final Map<String, Direction> DIRECTIONS = Map.ofEntries(
            Map.entry("accuracy", Direction.HIGHER_IS_BETTER),
            Map.entry("balanced_accuracy", Direction.HIGHER_IS_BETTER),
            Map.entry("precision", Direction.HIGHER_IS_BETTER),
            Map.entry("recall", Direction.HIGHER_IS_BETTER),
            Map.entry("specificity", Direction.HIGHER_IS_BETTER),
            Map.entry("f1", Direction.HIGHER_IS_BETTER),
            Map.entry("roc_auc", Direction.HIGHER_IS_BETTER),
            Map.entry("average_precision", Direction.HIGHER_IS_BETTER),
            Map.entry("log_loss", Direction.LOWER_IS_BETTER),
            Map.entry("brier", Direction.LOWER_IS_BETTER),
            Map.entry("ece", Direction.LOWER_IS_BETTER),
            Map.entry("precision_macro", Direction.HIGHER_IS_BETTER),
            Map.entry("precision_micro", Direction.HIGHER_IS_BETTER),
            Map.entry("precision_weighted", Direction.HIGHER_IS_BETTER),
            Map.entry("recall_macro", Direction.HIGHER_IS_BETTER),
            Map.entry("recall_micro", Direction.HIGHER_IS_BETTER),
            Map.entry("recall_weighted", Direction.HIGHER_IS_BETTER),
            Map.entry("f1_macro", Direction.HIGHER_IS_BETTER),
            Map.entry("f1_micro", Direction.HIGHER_IS_BETTER),
            Map.entry("f1_weighted", Direction.HIGHER_IS_BETTER),
            Map.entry("mae", Direction.LOWER_IS_BETTER),
            Map.entry("rmse", Direction.LOWER_IS_BETTER),
            Map.entry("r2", Direction.HIGHER_IS_BETTER),
            Map.entry("mape", Direction.LOWER_IS_BETTER));

    private MetricCatalog() {
    }

    /** Name of the per-class recall of a multiclass model, for example {@code recall[bad]}. */
    public static String perClassRecall(String className) {
        return "recall[" + className + "]";
    }

    /**
     * The direction of a metric known by name, also through the {@code reported.} prefix and the per-class form;
     * empty for a metric the engine does not know (a training job's own metric).
     */
    public static Optional<Direction> direction(String metric) {
        String base = metric.startsWith(REPORTED_PREFIX) ? metric.substring(REPORTED_PREFIX.length()) : metric;
        int bracket = base.indexOf('[');
        if (bracket > 0 && base.endsWith("]")) {
            base = base.substring(0, bracket);
        }
        return Optional.ofNullable(DIRECTIONS.get(base));
    }
}
