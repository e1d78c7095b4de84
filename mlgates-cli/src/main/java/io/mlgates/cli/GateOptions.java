package io.mlgates.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every gate command shares (validate, ethics, run), written once and mixed into each. */
final class GateOptions {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "policy file, anywhere (default: mlgates.yaml of the repository, found by searching up from"
                    + " the current folder)")
    Path policy;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "organisation policy the model policy may tighten, never loosen (default: $"
                    + Validation.ORG_POLICY_VARIABLE + ")")
    Path orgPolicy;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "prediction file instead of the policy's, anywhere")
    Path predictions;

    @Option(names = "--out", paramLabel = "DIR", description = "write the JSON results and JUnit XML here, atomically")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (json: the results on standard output); default ${DEFAULT-VALUE}")
    OutputFormat format;

    /**
     * The run's options.
     *
     * @param directory the repository given as an argument ({@code run DIR}), if any
     * @param start the current folder, where the search for the repository starts
     * @param defaultOut the results folder when {@code --out} is not given, from the repository's root
     */
    Validation.Options toOptions(Optional<Path> directory, Path start, Optional<Path> defaultOut) {
        ModelLocation location = ModelLocation.of(Optional.ofNullable(policy), directory, start);
        Optional<Path> results = Optional.ofNullable(out).or(() -> defaultOut.map(location.repository()::resolve));
        return new Validation.Options(location, Optional.ofNullable(orgPolicy), Optional.ofNullable(predictions),
                results, format);
    }
}
