package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.candidate.CandidateDigest;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.identity.AllowedSigners;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.OrganisationPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.registry.MlflowRegistry;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.workspace.Workspace;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** A model repository's policy and the registry it promotes into, opened for one command. */
final class RegistryContext implements AutoCloseable {
    final Workspace workspace;
    final LoadedPolicy policy;
    final ModelRegistry registry;
    final Optional<OrganisationPolicy> organisation;

    private RegistryContext(Workspace workspace, LoadedPolicy policy, ModelRegistry registry,
                            Optional<OrganisationPolicy> organisation) {
        this.workspace = workspace;
        this.policy = policy;
        this.registry = registry;
        this.organisation = organisation;
    }

    /** What a command does with the registry: commands that only read open it read-only and never create it. */
    enum Access {
        READ,
        WRITE
    }

    /**
     * @param registryOption {@code --registry} as typed: an MLflow tracking server's http(s) URL, or a file; null for
     *     the policy's {@code promotion.registry} inside the repository
     * @param access {@link Access#READ}: an embedded registry is opened read-only, a missing or empty file is "no
     *     registry", nothing is created, migrated or written
     */
    static RegistryContext open(Path repository, String registryOption, Environment environment, Access access)
            throws BadInputException, RegistryException {
        return open(repository, registryOption, Optional.empty(), environment, access);
    }

    /**
     * @param orgPolicy {@code --org-policy}; when absent, the file named by {@value Validation#ORG_POLICY_VARIABLE}
     */
    static RegistryContext open(Path repository, String registryOption, Optional<Path> orgPolicy,
                                Environment environment, Access access) throws BadInputException, RegistryException {
        Workspace ws = Workspace.at(repository);
        Optional<OrganisationPolicy> organisation = Validation.organisation(orgPolicy, environment.variables());
        LoadedPolicy policy = policy(ws, organisation);
        ModelRegistry registry;
        if (registryOption != null) {
            registry = named(registryOption, policy.policy().modelName(), environment, access);
        } else {
            String shown = policy.policy().promotion().registry();
            Path file = ws.resolve(shown, "promotion.registry");
            registry = access == Access.READ ? SqliteRegistry.openForReading(file, shown)
                    : SqliteRegistry.open(file, shown, environment.clock());
        }
        return new RegistryContext(ws, policy, registry, organisation);
    }

    /** The repository's policy, under the organisation policy ({@code --org-policy}, else the environment's). */
    static LoadedPolicy policy(Workspace ws, Optional<Path> orgPolicy, Environment environment)
            throws BadInputException {
        return policy(ws, Validation.organisation(orgPolicy, environment.variables()));
    }

    private static LoadedPolicy policy(Workspace ws, Optional<OrganisationPolicy> organisation)
            throws BadInputException {
        return organisation.map(PolicyLoader::new).orElseGet(PolicyLoader::new).loadFromRepository(ws.root());
    }

    /**
     * The registry {@code --registry} names: an MLflow tracking server's http(s) URL (reading the audit chain of
     * {@code model}), or an SQLite file.
     */
    static ModelRegistry named(String registryOption, String model, Environment environment, Access access)
            throws BadInputException, RegistryException {
        if (registryOption.matches("(?i)https?:.*")) {
            return new MlflowRegistry(serverUrl(registryOption), model, environment.variables());
        }
        Path file;
        try {
            file = Path.of(registryOption);
        } catch (InvalidPathException e) {
            throw new BadInputException("--registry", 0, 0, "not a file name: " + e.getReason());
        }
        return access == Access.READ ? SqliteRegistry.openForReading(file, registryOption)
                : SqliteRegistry.open(file, registryOption, environment.clock());
    }

    /** An MLflow tracking server's address: http or https, with a host; anything else is a usage error. */
    private static URI serverUrl(String text) throws BadInputException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new BadInputException("--registry", 0, 0, "not a URL: " + e.getReason() + " at character "
                    + (e.getIndex() + 1) + "; expected an MLflow tracking server such as http://mlflow.example:5000");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new BadInputException("--registry", 0, 0, "not a server address: expected http(s)://HOST[:PORT]"
                    + "[/PATH] without query or fragment, such as http://mlflow.example:5000");
        }
        return uri;
    }

    /** The organisation's allowed signers, read when the organisation policy names them. */
    Optional<AllowedSigners> signers() throws BadInputException {
        Optional<Path> file = organisation.flatMap(OrganisationPolicy::allowedSigners);
        return file.isPresent() ? Optional.of(AllowedSigners.parse(file.get())) : Optional.empty();
    }

    String model() {
        return policy.policy().modelName();
    }

    PromotionPolicy promotion() {
        return policy.policy().promotion();
    }

    /** The candidate as the artefacts are now. */
    Candidate candidate() throws BadInputException {
        return CandidateDigest.of(workspace, policy.policy().artifacts(), artefactsNamedIn());
    }

    /**
     * The candidate as the artefacts are now; empty when there are none (no {@code model/} folder, none named by the
     * policy).
     */
    Optional<Candidate> artefacts() throws BadInputException {
        String artifacts = policy.policy().artifacts();
        return CandidateDigest.ofArtefacts(workspace, artifacts, artifacts.equals(Policy.DEFAULT_ARTIFACTS),
                artefactsNamedIn());
    }

    /**
     * Without artefacts, the prediction file the gates judged, as their results name it, so that the promotion
     * refuses it for that reason; without such a result, the missing artefacts are bad input.
     */
    Candidate withoutArtefacts(Collection<GateResult> results) throws BadInputException {
        Optional<Candidate> judged = results.stream().map(GateResult::candidate)
                .filter(c -> c.kind() == Candidate.Kind.PREDICTIONS).findFirst();
        return judged.isPresent() ? judged.get() : candidate();
    }

    private String artefactsNamedIn() {
        return policy.fileName().map(f -> f + " (model.artifacts)").orElse("model artefacts");
    }

    @Override
    public void close() throws RegistryException {
        registry.close();
    }
}
