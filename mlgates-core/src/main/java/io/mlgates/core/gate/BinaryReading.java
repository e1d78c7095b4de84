package io.mlgates.core.gate;

import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.Favourable;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import java.util.Objects;
import java.util.Optional;

/**
 * How a binary model's rows were read as decisions, so that a reader of the result knows what its numbers count:
 * which label is the positive class, whether the decisions came from the file's prediction column or from the score
 * cut at the threshold, and which predicted outcome benefits the person (the fairness figures' favourable outcome).
 *
 * @param positive the positive class's label ({@code bad}, {@code 1})
 * @param negative the other class's label, when the file or the policy names it
 * @param threshold the score at or above which a row counts as predicted positive
 * @param predictionColumn the column whose values were the decisions; empty when the threshold made them
 * @param favourablePositive whether the favourable outcome is the positive prediction (else the negative one)
 */
public record BinaryReading(String positive, Optional<String> negative, double threshold,
                            Optional<String> predictionColumn, boolean favourablePositive) {
    public BinaryReading {
        Objects.requireNonNull(positive, "positive");
        Objects.requireNonNull(negative, "negative");
        Objects.requireNonNull(predictionColumn, "predictionColumn");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie in [0, 1]: " + threshold);
        }
    }

    /**
     * How the reader that gave {@code reader}'s account read a binary model's rows from {@code source} (the policy's,
     * with the command line's column
     * choices applied); empty for the other tasks.
     */
    static Optional<BinaryReading> of(Policy policy, PredictionSource source, ReadAccount reader) {
        if (policy.task() != TaskType.BINARY) {
            return Optional.empty();
        }
        String positive = source.positive();
        Optional<String> negative = reader.classNames().stream().filter(c -> !c.equals(positive)).findFirst()
                .or(source::declaredNegative);
        return Optional.of(new BinaryReading(positive, negative, source.threshold(),
                reader.hasPredictions() ? Optional.of(source.prediction().name()) : Optional.empty(),
                policy.ethics().fairness().favourable() == Favourable.POSITIVE));
    }

    /** Whether the threshold made the decisions (no prediction column). */
    public boolean thresholdApplied() {
        return predictionColumn.isEmpty();
    }

    /** The favourable outcome in words: "predicted good (negative)". */
    public String favourable() {
        return favourablePositive ? "predicted " + positive + " (positive)"
                : "predicted " + negative.orElse("not " + positive) + " (negative)";
    }
}
