package io.mlgates.core.metrics;

import static io.mlgates.core.metrics.Direction.HIGHER_IS_BETTER;
import static io.mlgates.core.metrics.Direction.LOWER_IS_BETTER;
import static io.mlgates.core.metrics.TaskType.BINARY;
import static io.mlgates.core.metrics.TaskType.MULTICLASS;
import static io.mlgates.core.metrics.TaskType.REGRESSION;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every metric the engine computes, each defined once: its name in policies and results (scikit-learn's where it
 * has one), the tasks that have it, which way it improves, what it needs from the prediction file, and the method
 * of its confidence interval. The accumulators emit a task's metrics in the order declared here; the policy schema
 * and the docs' tables are checked against this list.
 */
public enum Metric {
    ACCURACY("accuracy", EnumSet.of(BINARY, MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, Intervals.WILSON),
    BALANCED_ACCURACY("balanced_accuracy", EnumSet.of(BINARY), HIGHER_IS_BETTER, Needs.LABELS, null),
    PRECISION("precision", EnumSet.of(BINARY), HIGHER_IS_BETTER, Needs.LABELS, Intervals.WILSON),
    RECALL("recall", EnumSet.of(BINARY), HIGHER_IS_BETTER, Needs.LABELS, Intervals.WILSON),
    SPECIFICITY("specificity", EnumSet.of(BINARY), HIGHER_IS_BETTER, Needs.LABELS, Intervals.WILSON),
    F1("f1", EnumSet.of(BINARY), HIGHER_IS_BETTER, Needs.LABELS, null),
    ROC_AUC("roc_auc", EnumSet.of(BINARY), HIGHER_IS_BETTER, Needs.RANKS, Intervals.DELONG),
    AVERAGE_PRECISION("average_precision", EnumSet.of(BINARY), HIGHER_IS_BETTER, Needs.RANKS, null),
    LOG_LOSS("log_loss", EnumSet.of(BINARY), LOWER_IS_BETTER, Needs.SCORES, null),
    BRIER("brier", EnumSet.of(BINARY), LOWER_IS_BETTER, Needs.SCORES, null),
    ECE("ece", EnumSet.of(BINARY), LOWER_IS_BETTER, Needs.SCORES, null),
    PRECISION_MACRO("precision_macro", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    PRECISION_MICRO("precision_micro", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    PRECISION_WEIGHTED("precision_weighted", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    RECALL_MACRO("recall_macro", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    RECALL_MICRO("recall_micro", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    RECALL_WEIGHTED("recall_weighted", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    F1_MACRO("f1_macro", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    F1_MICRO("f1_micro", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    F1_WEIGHTED("f1_weighted", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, null),
    /** The recall of one class, one result per class: {@code recall[CLASS]}. */
    CLASS_RECALL("recall", EnumSet.of(MULTICLASS), HIGHER_IS_BETTER, Needs.LABELS, Intervals.WILSON),
    MAE("mae", EnumSet.of(REGRESSION), LOWER_IS_BETTER, Needs.LABELS, null),
    RMSE("rmse", EnumSet.of(REGRESSION), LOWER_IS_BETTER, Needs.LABELS, null),
    R2("r2", EnumSet.of(REGRESSION), HIGHER_IS_BETTER, Needs.LABELS, null),
    MAPE("mape", EnumSet.of(REGRESSION), LOWER_IS_BETTER, Needs.LABELS, null),
    /** How many rows {@code mape} skipped because their target is 0: a count, neither better high nor low. */
    MAPE_ZERO_TARGETS("mape_zero_targets", EnumSet.of(REGRESSION), null, Needs.LABELS, null);

    /** Prefix under which metrics reported by the training job appear in results and policies. */
    public static final String REPORTED_PREFIX = "reported.";

    /** What a metric needs beyond labels and predictions. */
    private enum Needs {
        LABELS,
        /** the score column */
        SCORES,
        /** the score column, and every score kept to be ranked (memory grows with the rows) */
        RANKS
    }

    private final String id;
    private final Set<TaskType> tasks;
    private final Direction direction;
    private final Needs needs;
    private final String intervalMethod;

    Metric(String id, Set<TaskType> tasks, Direction direction, Needs needs, String intervalMethod) {
        this.id = id;
        this.tasks = tasks;
        this.direction = direction;
        this.needs = needs;
        this.intervalMethod = intervalMethod;
    }

    /** The name in policies and results; a per-class metric's results are named {@link #key(String)}. */
    public String id() {
        return id;
    }

    /** Whether the metric has one result per class. */
    public boolean perClass() {
        return this == CLASS_RECALL;
    }

    /** The name of this metric's result, for a per-class metric the class's: {@code recall[bad]}. */
    public String key(String className) {
        if (!perClass()) {
            throw new IllegalStateException(id + " is not a per-class metric");
        }
        return id + "[" + className + "]";
    }

    public Set<TaskType> tasks() {
        return Set.copyOf(tasks);
    }

    /** Which way the metric improves; empty for a count that is neither better high nor low. */
    public Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }

    /** Whether the metric is computed from the score column (undefined without it). */
    public boolean needsScores() {
        return needs != Needs.LABELS;
    }

    /** Whether the metric ranks every score, so that the scores must be kept: ROC AUC and average precision. */
    public boolean needsRanks() {
        return needs == Needs.RANKS;
    }

    /** The method of its confidence interval ({@value Intervals#WILSON}, {@value Intervals#DELONG}), if it has one. */
    public Optional<String> intervalMethod() {
        return Optional.ofNullable(intervalMethod);
    }

    /** The metrics of a task in the order in which the accumulators emit them. */
    public static List<Metric> of(TaskType task) {
        return Arrays.stream(values()).filter(m -> m.tasks.contains(task)).toList();
    }

    /** The names of a task's metrics that have one result each (every one but the per-class ones), in order. */
    public static List<String> names(TaskType task) {
        return of(task).stream().filter(m -> !m.perClass()).map(Metric::id).toList();
    }

    /**
     * The metric that a result's name stands for: {@code roc_auc}, a per-class {@code recall[bad]}, and a training
     * job's {@code reported.roc_auc} (it means the same metric, measured elsewhere); empty for a name the engine
     * does not know (a training job's own metric).
     */
    public static Optional<Metric> named(String name) {
        String base = name.startsWith(REPORTED_PREFIX) ? name.substring(REPORTED_PREFIX.length()) : name;
        int bracket = base.indexOf('[');
        boolean perClass = bracket > 0 && base.endsWith("]");
        String id = perClass ? base.substring(0, bracket) : base;
        return Arrays.stream(values()).filter(m -> m.perClass() == perClass && m.id.equals(id)).findFirst();
    }
}
