package io.mlgates.plugin.logic.board;

import io.mlgates.plugin.logic.ResultIds;
import java.time.Instant;
import java.util.Objects;

/**
 * A promotion that waits, as the job keeps a record of it for the board: which build, which promotion of it, for
 * which model, stage and candidate, since when.
 *
 * @param build the build's number
 * @param id the promotion's id in the build (its page is {@code <build>/mlgates-promotion/<id>/})
 * @param model the model's name
 * @param stage the stage it promotes to
 * @param candidate the candidate's digest
 * @param since when it began to wait
 */
public record WaitingPromotion(int build, String id, String model, String stage, String candidate, Instant since) {
    public WaitingPromotion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(since, "since");
        check(build, id);
    }

    /** @throws IllegalArgumentException unless a build number and a promotion's id: they name a file */
    static void check(int build, String id) {
        if (build < 1) {
            throw new IllegalArgumentException("builds are numbered from 1: " + build);
        }
        String problem = ResultIds.problem(id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
