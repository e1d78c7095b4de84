package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.SeenChainHead;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.Workspace;
import io.mlgates.core.policy.Policy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The model repository a gate step judges, found as the command line finds it: the policy file's folder, or the
 * working directory without a policy argument (then its {@code mlgates.yaml}, or every default). Every path a step
 * is given is relative to its working directory and must stay inside it; those the gate reads must also lie inside
 * the repository. Shared by every gate's task.
 *
 * @param work the step's working directory
 * @param repository the model repository
 * @param policy its policy, loaded
 */
public record ModelRepository(Workspace work, Workspace repository, LoadedPolicy policy) {
    /** @param policyArgument the step's {@code policy} argument, or null */
    public static ModelRepository locate(Path workDir, String policyArgument) throws BadInputException {
        return locate(workDir, policyArgument, new PolicyLoader());
    }

    /**
     * @param policyArgument the step's {@code policy} argument, or null
     * @param loader the loader to read the policy with: one under an organisation policy's floor, for instance
     */
    public static ModelRepository locate(Path workDir, String policyArgument, PolicyLoader loader)
            throws BadInputException {
        Workspace work = Workspace.at(workDir);
        if (policyArgument == null) {
            return new ModelRepository(work, work, loader.loadFromRepository(work.root()));
        }
        Path file = work.resolve(policyArgument, "policy");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(policyArgument, 0, 0, "policy file not found");
        }
        Workspace repository = Workspace.at(file.getParent());
        return new ModelRepository(work, repository, loader.load(file, repository.display(file), repository.name()));
    }

    /**
     * The policy file a step's arguments name, as {@link #locate} finds it: empty when the repository has none (the
     * defaults apply).
     */
    public static Optional<Path> policyFile(Path workDir, String policyArgument) throws BadInputException {
        Workspace work = Workspace.at(workDir);
        Path file = policyArgument == null ? work.root().resolve(Policy.DEFAULT_FILE_NAME)
                : work.resolve(policyArgument, "policy");
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The chain head a gate result records here: none, since the team registry lives with the controller and the
     * gate runs where the workspace is; the promotion step anchors the head instead.
     */
    public SeenChainHead unseenChainHead() {
        return SeenChainHead.none(policy.policy().promotion().registry(),
                "not read: the registry lives with the Jenkins controller, the gate ran with the workspace");
    }

    /**
     * A path a step argument gives relative to the working directory, as the repository-relative path the engine
     * resolves (and confines) itself.
     *
     * @param argument the argument's name, for the message
     */
    public Optional<String> inRepository(String path, String argument) throws BadInputException {
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
