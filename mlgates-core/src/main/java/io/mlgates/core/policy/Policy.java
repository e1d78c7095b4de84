package io.mlgates.core.policy;

import io.mlgates.core.metrics.TaskType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The effective policy of a model repository: what {@code mlgates.yaml} says, every missing key at its default.
 *
 * @param modelName the model's name as shown in results
 * @param artifacts model artefact file or folder, relative to the repository; its digest identifies the candidate
 * @param task binary, multiclass or regression
 * @param predictions where the held-out predictions are
 * @param confidenceLevel level of every confidence interval
 * @param calibrationBins number of equal-width bins for the expected calibration error
 * @param reportedMetrics metrics file written by the training job (name to value), when there is one
 * @param limits limits on the whole evaluation set
 * @param baseline comparison with the model in production, when configured
 * @param slices per-slice limits
 * @param ethics what the ethics gate judges
 * @param waivers explicit, expiring exceptions to checks of any gate
 * @param promotion the stages, evidence, approvals and release train on the way to production
 * @param team the team that owns the model ({@code model.team}), when the policy names one
 * @param schema the model's input schema and how the data is judged against it
 * @param data the input data judged for drift ({@code data}, {@code drift})
 */
public record Policy(String modelName, String artifacts, TaskType task, PredictionSource predictions,
                     double confidenceLevel, int calibrationBins, Optional<String> reportedMetrics,
                     List<MetricLimit> limits, Optional<Baseline> baseline, List<SliceRule> slices,
                     EthicsPolicy ethics, List<Waiver> waivers, PromotionPolicy promotion,
                     Optional<String> team, SchemaPolicy schema, DataPolicy data) {
    public static final String DEFAULT_ARTIFACTS = "model";
    public static final String DEFAULT_FILE_NAME = "mlgates.yaml";
    /** The form of {@code model.team}, as the policy schema states it. */
    public static final Pattern TEAM = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9 ._-]{0,62}[A-Za-z0-9])?");

    public Policy {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(artifacts, "artifacts");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(reportedMetrics, "reportedMetrics");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(promotion, "promotion");
        limits = List.copyOf(limits);
        slices = List.copyOf(slices);
        Objects.requireNonNull(ethics, "ethics");
        waivers = List.copyOf(waivers);
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(data, "data");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must lie in (0, 1): " + confidenceLevel);
        }
        if (calibrationBins < 1) {
            throw new IllegalArgumentException("calibrationBins must be at least 1: " + calibrationBins);
        }
    }

    /** A policy without schema keys, that judges no input data. */
    public Policy(String modelName, String artifacts, TaskType task, PredictionSource predictions,
                  double confidenceLevel, int calibrationBins, Optional<String> reportedMetrics,
                  List<MetricLimit> limits, Optional<Baseline> baseline, List<SliceRule> slices,
                  EthicsPolicy ethics, List<Waiver> waivers, PromotionPolicy promotion, Optional<String> team) {
        this(modelName, artifacts, task, predictions, confidenceLevel, calibrationBins, reportedMetrics, limits,
                baseline, slices, ethics, waivers, promotion, team, SchemaPolicy.defaults(), DataPolicy.none());
    }

    /** A policy that judges no input data. */
    public Policy(String modelName, String artifacts, TaskType task, PredictionSource predictions,
                  double confidenceLevel, int calibrationBins, Optional<String> reportedMetrics,
                  List<MetricLimit> limits, Optional<Baseline> baseline, List<SliceRule> slices,
                  EthicsPolicy ethics, List<Waiver> waivers, PromotionPolicy promotion, Optional<String> team,
                  SchemaPolicy schema) {
        this(modelName, artifacts, task, predictions, confidenceLevel, calibrationBins, reportedMetrics, limits,
                baseline, slices, ethics, waivers, promotion, team, schema, DataPolicy.none());
    }

    /** A policy whose model names no owning team. */
    public Policy(String modelName, String artifacts, TaskType task, PredictionSource predictions,
                  double confidenceLevel, int calibrationBins, Optional<String> reportedMetrics,
                  List<MetricLimit> limits, Optional<Baseline> baseline, List<SliceRule> slices,
                  EthicsPolicy ethics, List<Waiver> waivers, PromotionPolicy promotion) {
        this(modelName, artifacts, task, predictions, confidenceLevel, calibrationBins, reportedMetrics, limits,
                baseline, slices, ethics, waivers, promotion, Optional.empty());
    }

    /** The policy of a repository without {@code mlgates.yaml}: every default, no limits. */
    public static Policy defaults(String modelName) {
        return new Policy(modelName, DEFAULT_ARTIFACTS, TaskType.BINARY, PredictionSource.defaults(), 0.95, 10,
                Optional.empty(), List.of(), Optional.empty(), List.of(), EthicsPolicy.defaults(), List.of(),
                PromotionPolicy.defaults());
    }

    /** The same policy with other ethics settings (the command line's sensitive columns, the organisation's floor). */
    public Policy withEthics(EthicsPolicy newEthics) {
        return new Policy(modelName, artifacts, task, predictions, confidenceLevel, calibrationBins, reportedMetrics,
                limits, baseline, slices, newEthics, waivers, promotion, team, schema, data);
    }
}
