package io.mlgates.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlgates validate}: the model validation gate. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Is the candidate good enough, and no worse than the baseline?",
                "The model repository is the policy file's folder, or the current folder without --policy.",
                "Without a policy file every default applies."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", description = "policy file (default: ./mlgates.yaml if present)")
    Path policy;

    @Option(names = "--predictions", paramLabel = "FILE", description = "prediction file instead of the policy's")
    Path predictions;

    @Option(names = "--baseline", paramLabel = "FILE", description = "baseline metrics file instead of the policy's")
    Path baseline;

    @Option(names = "--out", paramLabel = "DIR", description = "write validate.json and JUnit XML here, atomically")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (json: the result on standard output); default ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        Path repository = policy == null ? Path.of("") : parentOf(policy);
        return Validation.run(repository, Optional.ofNullable(policy), Optional.ofNullable(predictions),
                Optional.ofNullable(baseline), Optional.ofNullable(out), format, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
