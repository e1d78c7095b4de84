package io.mlgates.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates validate}: the model validation gate. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        footer = "  mlgates validate --policy examples/credit-risk/mlgates.yaml --format json",
        description = {"Is the candidate good enough, and no worse than the baseline?",
                "The model repository is the policy file's folder, or the current folder without --policy.",
                "Without a policy file every default applies."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    GateOptions gate;

    @Option(names = "--baseline", paramLabel = "FILE", description = "baseline metrics file instead of the policy's")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        Validation.Options o = gate.toOptions();
        Validation.Loaded loaded = Validation.load(o, main.environment().variables());
        return Validation.show(List.of(Validation.validate(loaded, o, Optional.ofNullable(baseline),
                main.environment().clock(), spec.commandLine().getErr())), o, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
