package io.mlgates.core.gate;

import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.workspace.Workspace;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ethics gate is asked to judge.
 *
 * @param workspace the model repository
 * @param policy the policy, loaded (with the organisation's floor applied, when there is one)
 * @param predictions a prediction file instead of the policy's
 * @param sensitive sensitive columns instead of the policy's list; an entry {@code a&b} asks for that intersection
 * @param reference reference groups set over the policy's, attribute ({@code sex&age_band} for an intersection) to
 *     group
 * @param progress told how far the read has come
 * @param chainHead the registry's audit chain head as the caller read it, recorded in the result
 * @param clock the time stamp's source, and the day waivers are judged on
 * @param columns prediction columns instead of the policy's mapping
 * @param statistics statistics files (docs/statistics.md) to judge, merged, instead of reading prediction rows;
 *     empty to read the rows
 */
public record EthicsRequest(Workspace workspace, LoadedPolicy policy, Optional<RequestedFile> predictions,
                            Optional<List<String>> sensitive, Map<String, String> reference,
                            ProgressListener progress, Clock clock, SeenChainHead chainHead,
                            ColumnChoice columns, List<RequestedFile> statistics) {
    public EthicsRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(sensitive, "sensitive");
        sensitive = sensitive.map(List::copyOf);
        reference = Collections.unmodifiableMap(new LinkedHashMap<>(reference));
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
    public EthicsRequest(Workspace workspace, LoadedPolicy policy, Optional<RequestedFile> predictions,
                         Optional<List<String>> sensitive, Map<String, String> reference,
                         ProgressListener progress, Clock clock, SeenChainHead chainHead, ColumnChoice columns) {
        this(workspace, policy, predictions, sensitive, reference, progress, clock, chainHead, columns, List.of());
    }

    /** Whether the gate judges statistics files instead of reading rows. */
    public boolean judgesStatistics() {
        return !statistics.isEmpty();
    }

    /** The policy's own files and sensitive columns, judged at the clock's time (waivers are judged on its day). */
    public static EthicsRequest of(Workspace workspace, LoadedPolicy policy, Clock clock) {
        return new EthicsRequest(workspace, policy, Optional.empty(), Optional.empty(), Map.of(),
                ProgressListener.NONE, clock, SeenChainHead.none(policy.policy().promotion().registry(), "not read"),
                ColumnChoice.none());
    }
}
