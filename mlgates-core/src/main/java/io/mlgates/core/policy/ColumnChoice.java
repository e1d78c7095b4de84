package io.mlgates.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Columns of the prediction file that a caller names instead of the policy's mapping ({@code --label-column} and
 * its siblings on the command line). A named column must exist, as one the policy names.
 *
 * @param label column of the true label
 * @param score column of the positive class's probability
 * @param prediction column of the predicted class or value
 * @param weight column of sample weights
 */
public record ColumnChoice(Optional<String> label, Optional<String> score, Optional<String> prediction,
                           Optional<String> weight) {
    public ColumnChoice {
        for (Optional<String> name : List.of(Objects.requireNonNull(label, "label"),
                Objects.requireNonNull(score, "score"), Objects.requireNonNull(prediction, "prediction"),
                Objects.requireNonNull(weight, "weight"))) {
            if (name.filter(String::isEmpty).isPresent()) {
                throw new IllegalArgumentException("a column name must not be empty");
            }
        }
    }

    /** The policy's mapping, unchanged. */
    public static ColumnChoice none() {
        return new ColumnChoice(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The policy's source with these columns in place of its own. */
    public PredictionSource applyTo(PredictionSource s) {
        return new PredictionSource(s.path(), s.format(), s.delimiter(), column(label, s.label()),
                column(score, s.score()), column(prediction, s.prediction()), column(weight, s.weight()), s.positive(),
                s.classes(), s.threshold(), s.invalidRows(), s.maxDroppedShare());
    }

    /**
     * Each column chosen that differs from the policy's, as a result's overrides name it ({@code columns.label} and
     * so on): naming the policy's own column is no override.
     */
    public Map<String, String> overridesOf(PredictionSource policy) {
        Map<String, String> overrides = new LinkedHashMap<>();
        label.filter(n -> !n.equals(policy.label().name())).ifPresent(n -> overrides.put("columns.label", n));
        score.filter(n -> !n.equals(policy.score().name())).ifPresent(n -> overrides.put("columns.score", n));
        prediction.filter(n -> !n.equals(policy.prediction().name()))
                .ifPresent(n -> overrides.put("columns.prediction", n));
        weight.filter(n -> !n.equals(policy.weight().name())).ifPresent(n -> overrides.put("columns.weight", n));
        return overrides;
    }

    private static Column column(Optional<String> chosen, Column policy) {
        return chosen.map(Column::named).orElse(policy);
    }
}
