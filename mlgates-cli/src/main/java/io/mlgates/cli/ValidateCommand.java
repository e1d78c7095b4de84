package io.mlgates.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates validate}: the model validation gate. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        footer = "  mlgates validate --policy examples/credit-risk/mlgates.yaml --format json",
        description = {"Is the candidate good enough, and no worse than the baseline?",
                "The model repository is the policy file's folder, or the one found by searching up from the current"
                        + " folder (the first with mlgates.yaml, else with .git).",
                "Without a policy file every default applies."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    GateOptions gate;

    @Mixin
    StatisticsOption statistics;

    @Mixin
    BaselineOption baseline;

    @Override
    public Integer call() throws Exception {
        main.prepared();
        Environment env = main.environment();
        PrintWriter err = spec.commandLine().getErr();
        Validation.Options o = gate.toOptions(Optional.empty(), env.folder(), Optional.empty())
                .withStatistics(statistics.files());
        Validation.Loaded loaded = Validation.load(o, env.variables());
        return Validation.show(loaded, List.of(Validation.validate(loaded, o, baseline.source(), env.clock(), err,
                SharedReads.place(env, loaded.ws(),
                loaded.policy().policy()))), o,
                spec.commandLine().getOut(), err);
    }
}
