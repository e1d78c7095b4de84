package io.mlgates.core.board;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One model on the board, judged.
 *
 * @param facts what it was judged from
 * @param stageVersions each stage of its road, in order, to the version it points to (absent: none)
 * @param candidateVersion the latest candidate's registered version, when it is registered
 * @param nextStage the stage the latest candidate heads for; empty when released or without a candidate
 * @param status where it stands
 * @param blockers why it cannot move on, when it cannot; empty otherwise
 * @param approvals per stage that takes approvals, for the latest candidate
 * @param expiries waivers in force and counted approvals, each with when it lapses
 * @param departure the next departure of its train, when the next stage rides one
 */
public record ModelRow(ModelFacts facts, Map<String, Integer> stageVersions, Optional<Integer> candidateVersion,
                       Optional<String> nextStage, BoardStatus status, List<Blocker> blockers,
                       List<StageApprovals> approvals, List<Expiry> expiries, Optional<Departure> departure) {
    public ModelRow {
        Objects.requireNonNull(facts, "facts");
        stageVersions = Collections.unmodifiableMap(new LinkedHashMap<>(stageVersions));
        Objects.requireNonNull(candidateVersion, "candidateVersion");
        Objects.requireNonNull(nextStage, "nextStage");
        Objects.requireNonNull(status, "status");
        blockers = List.copyOf(blockers);
        approvals = List.copyOf(approvals);
        expiries = List.copyOf(expiries);
        Objects.requireNonNull(departure, "departure");
        if ((status == BoardStatus.BLOCKED) == blockers.isEmpty()) {
            throw new IllegalArgumentException("a model is BLOCKED exactly when a blocker is named: " + status
                    + ", " + blockers.size() + " blockers");
        }
    }

    public String model() {
        return facts.model();
    }
}
