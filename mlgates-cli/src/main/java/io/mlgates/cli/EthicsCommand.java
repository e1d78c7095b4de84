package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates ethics}: the ethics gate. */
@Command(name = "ethics", mixinStandardHelpOptions = true,
        description = {"Is the model fair across groups, documented for its risk tier, and built on data it may use?",
                "The model repository is the policy file's folder, or the current folder without --policy."})
final class EthicsCommand implements Callable<Integer> {
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

    @Option(names = "--sensitive", paramLabel = "COL", split = ",",
            description = "sensitive columns instead of the policy's (the organisation's stay)")
    List<String> sensitive;

    @Option(names = "--out", paramLabel = "DIR", description = "write ethics.json and JUnit XML here, atomically")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (json: the result on standard output); default ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (sensitive != null && sensitive.stream().anyMatch(String::isBlank)) {
            throw new BadInputException("--sensitive", 0, 0, "a column name is empty; expected COL[,COL...]");
        }
        Validation.Options o = new Validation.Options(ValidateCommand.repositoryOf(policy), Optional.ofNullable(policy),
                Optional.ofNullable(orgPolicy), Optional.ofNullable(predictions), Optional.ofNullable(out), format);
        Validation.Loaded loaded = Validation.load(o, main.environment().variables());
        return Validation.show(List.of(Validation.ethics(loaded, o, Optional.ofNullable(sensitive),
                main.environment().clock(), spec.commandLine().getErr())), o, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
