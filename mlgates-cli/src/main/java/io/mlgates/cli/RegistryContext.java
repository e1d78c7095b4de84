package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.candidate.CandidateDigest;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.registry.MlflowRegistry;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.workspace.Workspace;
import java.net.URI;
import java.nio.file.Path;

/** A model repository's policy and the registry it promotes into, opened for one command. */
final class RegistryContext implements AutoCloseable {
    final Workspace workspace;
    final LoadedPolicy policy;
    final ModelRegistry registry;

    private RegistryContext(Workspace workspace, LoadedPolicy policy, ModelRegistry registry) {
        this.workspace = workspace;
        this.policy = policy;
        this.registry = registry;
    }

    /**
     * @param registryOption {@code --registry} as typed: an MLflow tracking server's http(s) URL, or a file; null for
     *     the policy's {@code promotion.registry} inside the repository
     */
    static RegistryContext open(Path repository, String registryOption, Environment environment)
            throws BadInputException, RegistryException {
        Workspace ws = Workspace.at(repository);
        LoadedPolicy policy = new PolicyLoader().loadFromRepository(ws.root());
        ModelRegistry registry;
        if (registryOption != null && registryOption.matches("(?i)https?://.*")) {
            registry = new MlflowRegistry(URI.create(registryOption), policy.policy().modelName(),
                    environment.variables());
        } else if (registryOption != null) {
            Path file = Path.of(registryOption);
            registry = SqliteRegistry.open(file, registryOption, environment.clock());
        } else {
            String relative = policy.policy().promotion().registry();
            registry = SqliteRegistry.open(ws.resolve(relative, "promotion.registry"), relative, environment.clock());
        }
        return new RegistryContext(ws, policy, registry);
    }

    String model() {
        return policy.policy().modelName();
    }

    PromotionPolicy promotion() {
        return policy.policy().promotion();
    }

    /** The candidate as the artefacts are now. */
    Candidate candidate() throws BadInputException {
        return CandidateDigest.of(workspace, policy.policy().artifacts(),
                policy.fileName().map(f -> f + " (model.artifacts)").orElse("model artefacts"));
    }

    @Override
    public void close() throws RegistryException {
        registry.close();
    }
}
