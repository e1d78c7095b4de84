package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code mlValidate}'s arguments, which mirror {@code mlgates validate}'s options. Every path is relative to the step's
 * working directory and must stay inside it. As on the command line, the model repository is the policy file's folder
 * (the working directory without {@code policy}), and the prediction and baseline files must lie inside it.
 *
 * @param policy the policy file, or null for {@code mlgates.yaml} in the working directory (or the defaults)
 * @param predictions a prediction file instead of the policy's, or null
 * @param baseline a baseline metrics file instead of the policy's, or null
 */
public record ValidateTask(String policy, String predictions, String baseline) implements GateTask {
    private static final long serialVersionUID = 1L;

    @Override
    public String gate() {
        return ValidationGate.NAME;
    }

    @Override
    public GateResult evaluate(Path workDir, ProgressListener progress, Clock clock)
            throws BadInputException, IOException {
        Workspace work = Workspace.at(workDir);
        PolicyLoader loader = new PolicyLoader();
        Workspace repository;
        LoadedPolicy loaded;
        if (policy == null) {
            repository = work;
            loaded = loader.loadFromRepository(work.root());
        } else {
            Path file = work.resolve(policy, "policy");
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(policy, 0, 0, "policy file not found");
            }
            repository = Workspace.at(file.getParent());
            loaded = loader.load(file, repository.display(file), repository.name());
        }
        ValidationRequest request = new ValidationRequest(repository, loaded,
                inRepository(work, repository, predictions, "predictions"),
                inRepository(work, repository, baseline, "baseline"), progress, clock);
        return new ValidationGate().evaluate(request);
    }

    /** A path given relative to the working directory, as the repository-relative path the engine confines. */
    private static Optional<String> inRepository(Workspace work, Workspace repository, String path, String argument)
            throws BadInputException {
        if (path == null) {
            return Optional.empty();
        }
        Path resolved = work.resolve(path, argument);
        if (!resolved.startsWith(repository.root())) {
            throw new BadInputException(argument, 0, 0, "'" + path + "' is outside the model repository "
                    + work.display(repository.root()) + " (the policy file's folder); expected a file inside it");
        }
        return Optional.of(repository.display(resolved));
    }
}
