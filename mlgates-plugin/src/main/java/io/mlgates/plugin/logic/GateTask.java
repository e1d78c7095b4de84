package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.gate.GateResult;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A gate with its arguments, as a step hands it to the agent that holds the workspace: it travels there by
 * serialization, so it carries plain values only. One implementation per Pipeline step.
 */
public interface GateTask extends Serializable {
    /** The step's {@code policy} argument, or null for {@code mlgates.yaml} in the working directory. */
    String policy();

    /** The gate's name, the default result id: {@code validate}. */
    String gate();

    /**
     * Judges the model repository found from the step's working directory.
     *
     * @param workDir the step's working directory on the agent (the workspace, or a {@code dir} within it)
     * @throws BadInputException when there is nothing to judge: the message names the file and line
     */
    GateResult evaluate(Path workDir, ProgressListener progress, Clock clock) throws BadInputException, IOException;
}
