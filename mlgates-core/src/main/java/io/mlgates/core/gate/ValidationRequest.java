package io.mlgates.core.gate;

import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.workspace.Workspace;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the validation gate is asked to judge.
 *
 * @param workspace the model repository
 * @param policy the policy, loaded
 * @param predictions a prediction file instead of the policy's
 * @param baseline a baseline instead of the policy's: a metrics file or a registry stage
 * @param stages where a baseline from a stage is read ({@code baseline.from}, {@code registry:STAGE})
 * @param progress told how far the read has come
 * @param clock the time stamp's source
 * @param chainHead the registry's audit chain head as the caller read it, recorded in the result
 * @param columns prediction columns instead of the policy's mapping
 * @param statistics statistics files (docs/statistics.md) to judge, merged, instead of reading prediction rows;
 *     empty to read the rows
 */
public record ValidationRequest(Workspace workspace, LoadedPolicy policy, Optional<RequestedFile> predictions,
                                Optional<BaselineSource> baseline, StageMetrics stages, ProgressListener progress,
                                Clock clock, SeenChainHead chainHead, ColumnChoice columns,
                                List<RequestedFile> statistics) {
    public ValidationRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(chainHead, "chainHead");
        Objects.requireNonNull(columns, "columns");
        statistics = List.copyOf(statistics);
        if (!statistics.isEmpty() && predictions.isPresent()) {
            throw new IllegalArgumentException("a gate judges a prediction file or statistics files, not both");
        }
        if (!statistics.isEmpty() && !columns.equals(ColumnChoice.none())) {
            throw new IllegalArgumentException("statistics files were read with their columns already; no column"
                    + " can be chosen for them");
        }
    }

    /** Prediction rows to read: the caller's file, or the policy's. */
    public ValidationRequest(Workspace workspace, LoadedPolicy policy, Optional<RequestedFile> predictions,
                             Optional<BaselineSource> baseline, StageMetrics stages, ProgressListener progress,
                             Clock clock, SeenChainHead chainHead, ColumnChoice columns) {
        this(workspace, policy, predictions, baseline, stages, progress, clock, chainHead, columns, List.of());
    }

    /** Whether the gate judges statistics files instead of reading rows. */
    public boolean judgesStatistics() {
        return !statistics.isEmpty();
    }

    /** The policy's own files, judged at the clock's time (waivers are judged on its day); no registry is read. */
    public static ValidationRequest of(Workspace workspace, LoadedPolicy policy, Clock clock) {
        return new ValidationRequest(workspace, policy, Optional.empty(), Optional.empty(),
                StageMetrics.unavailable("no registry was given to read a stage's metrics from"),
                ProgressListener.NONE, clock, SeenChainHead.none(policy.policy().promotion().registry(), "not read"),
                ColumnChoice.none());
    }
}
