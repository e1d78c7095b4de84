package io.mlgates.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates validate}: the model validation gate. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Is the candidate good enough, and no worse than the baseline?",
                "The model repository is the policy file's folder, or the current folder without --policy.",
                "Without a policy file every default applies."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--policy", paramLabel = "FILE", description = "policy file (default: ./mlgates.yaml if present)")
    Path policy;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "organisation policy the model policy may tighten, never loosen (default: $"
                    + Validation.ORG_POLICY_VARIABLE + ")")
    Path orgPolicy;

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
        Validation.Options o = new Validation.Options(repositoryOf(policy), Optional.ofNullable(policy),
                Optional.ofNullable(orgPolicy), Optional.ofNullable(predictions), Optional.ofNullable(out), format);
        Validation.Loaded loaded = Validation.load(o, main.environment().variables());
        return Validation.show(List.of(Validation.validate(loaded, o, Optional.ofNullable(baseline),
                main.environment().clock(), spec.commandLine().getErr())), o, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The policy file's folder, or the current folder without one. */
    static Path repositoryOf(Path policyFile) {
        if (policyFile == null) {
            return Path.of("");
        }
        Path parent = policyFile.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
