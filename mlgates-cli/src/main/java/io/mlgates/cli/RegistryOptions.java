package io.mlgates.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every registry command takes: the model repository, where the registry is, and how to show the result. */
final class RegistryOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "the model repository (its mlgates.yaml names the model and the stages); default: .")
    String repository;

    @Option(names = "--registry", paramLabel = "FILE|URL",
            description = "registry file (default: the policy's promotion.registry, .mlgates/registry.db), or an"
                    + " MLflow tracking server's http(s) URL")
    String registry;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "the organisation policy (default: the file named by " + Validation.ORG_POLICY_VARIABLE
                    + "); the gates must have judged under it, and its identity.allowedSigners verifies signed"
                    + " approvals")
    Path orgPolicy;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json; default ${DEFAULT-VALUE}")
    OutputFormat format;
}
