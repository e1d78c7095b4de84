package io.mlgates.plugin.logic;

import io.mlgates.core.gate.Status;

/**
 * What a gate status does to the Pipeline. WARN marks UNSTABLE; FAIL and ERROR (a check that could not be evaluated,
 * never a silent pass) mark FAILURE and stop the pipeline unless {@code failOnError: false}. The step's node (its
 * stage) is always marked; the whole build unless {@code stageOnly: true}. A stopped step fails the build whatever
 * {@code stageOnly} says, as any failed step does: {@code stageOnly: true, failOnError: false} keeps a failed gate to
 * its stage.
 *
 * @param mark the result to mark
 * @param wholeBuild whether the build's result is set too, not only the stage's
 * @param stop whether the step fails, which stops the pipeline
 */
public record Outcome(Mark mark, boolean wholeBuild, boolean stop) {
    public static Outcome of(Status status, StepOptions options) {
        Mark mark = switch (status) {
            case PASS, WAIVED, SKIPPED -> Mark.NONE;
            case WARN -> Mark.UNSTABLE;
            case FAIL, ERROR -> Mark.FAILURE;
        };
        return new Outcome(mark, mark != Mark.NONE && !options.stageOnly(),
                mark == Mark.FAILURE && options.failOnError());
    }
}
