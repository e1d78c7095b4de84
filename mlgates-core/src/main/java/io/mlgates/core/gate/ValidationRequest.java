package io.mlgates.core.gate;

import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.workspace.Workspace;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the validation gate is asked to judge.
 *
 * @param workspace the model repository
 * @param policy the policy, loaded
 * @param predictions a prediction file instead of the policy's, relative to the repository
 * @param baseline a baseline metrics file instead of the policy's, relative to the repository
 * @param progress told how far the read has come
 * @param clock the time stamp's source
 */
public record ValidationRequest(Workspace workspace, LoadedPolicy policy, Optional<String> predictions,
                                Optional<String> baseline, ProgressListener progress, Clock clock) {
    public ValidationRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(clock, "clock");
    }

    /** The policy's own files, judged at the clock's time (waivers are judged on its day). */
    public static ValidationRequest of(Workspace workspace, LoadedPolicy policy, Clock clock) {
        return new ValidationRequest(workspace, policy, Optional.empty(), Optional.empty(), ProgressListener.NONE,
                clock);
    }
}
