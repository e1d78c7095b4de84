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

/** {@code mlgates ethics}: the ethics gate. */
@Command(name = "ethics", mixinStandardHelpOptions = true,
        footer = "  mlgates ethics --policy my-model/mlgates.yaml --sensitive sex,age_band",
        description = {"Is the model fair across groups, documented for its risk tier, and built on data it may use?",
                "The model repository is the policy file's folder, or the one found by searching up from the current"
                        + " folder (the first with mlgates.yaml, else with .git)."})
final class EthicsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    GateOptions gate;

    @Mixin
    StatisticsOption statistics;

    @Mixin
    FairnessArguments fairness;

    @Override
    public Integer call() throws Exception {
        main.prepared();
        Environment env = main.environment();
        PrintWriter err = spec.commandLine().getErr();
        Validation.Options o = gate.toOptions(Optional.empty(), env.folder(), Optional.empty())
                .withStatistics(statistics.files());
        Validation.Loaded loaded = Validation.load(o, env.variables());
        return Validation.show(loaded, List.of(Validation.ethics(loaded, o, fairness.columns(), fairness.references(),
                env.clock(), err, SharedReads.place(env, loaded.ws(),
                loaded.policy().policy()))), o, spec.commandLine().getOut(), err);
    }
}
