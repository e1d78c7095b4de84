package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.ModelFacts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the board is built from for one viewer, with what could not be read: the page shows the problems above the
 * board rather than a board that is silently empty or incomplete.
 *
 * @param models the facts of every model whose gates ran in a job the viewer may read, by name
 * @param registryProblem why the team registry's part (stages, versions, approvals) is missing or older than the
 *     page, when it is: the registry failed or did not answer in time
 * @param problems what else could not be read, each naming its job and model: a policy with no copy, an index that
 *     cannot be read, a job whose index names no model yet
 */
public record VisibleFacts(List<ModelFacts> models, Optional<String> registryProblem, List<String> problems) {
    public VisibleFacts {
        models = List.copyOf(models);
        Objects.requireNonNull(registryProblem, "registryProblem");
        problems = List.copyOf(problems);
    }
}
