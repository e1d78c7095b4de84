package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.RequestedFile;
import io.mlgates.core.gate.SharedStatistics;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Judges as {@link #evaluate(Path, ProgressListener, Clock)} does, from the statistics of the predictions that the
     * build's other gate kept at {@code place} when they fit, or else reading the rows and keeping their statistics
     * there for it: the result is the same either way.
     */
    SharedStatistics.Judged evaluate(Path workDir, ProgressListener progress, Clock clock,
                                     SharedStatistics.Place place) throws BadInputException, IOException;

    /**
     * The {@code stats} argument's files, inside the model repository as every path a step names; refused beside a
     * {@code predictions} argument, as {@code --stats} is beside {@code --predictions}.
     */
    static List<RequestedFile> statistics(ModelRepository model, String predictions, List<String> stats)
            throws BadInputException {
        if (!stats.isEmpty() && predictions != null) {
            throw new BadInputException("stats", 0, 0, "statistics files are judged instead of a prediction file:"
                    + " give stats or predictions, not both");
        }
        List<RequestedFile> files = new ArrayList<>();
        for (String file : stats) {
            files.add(RequestedFile.inRepository(model.inRepository(file, "stats").orElseThrow()));
        }
        return files;
    }
}
