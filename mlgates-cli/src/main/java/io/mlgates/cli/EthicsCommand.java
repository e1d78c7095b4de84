package io.mlgates.cli;

import io.mlgates.core.gate.SensitiveColumns;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates ethics}: the ethics gate. */
@Command(name = "ethics", mixinStandardHelpOptions = true,
        footer = "  mlgates ethics --policy my-model/mlgates.yaml --sensitive sex,age_band",
        description = {"Is the model fair across groups, documented for its risk tier, and built on data it may use?",
                "The model repository is the policy file's folder, or the current folder without --policy."})
final class EthicsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    GateOptions gate;

    // A plain string, split here: picocli's split would turn "," into no column at all.
    @Option(names = "--sensitive", paramLabel = "COL[,COL...]",
            description = "sensitive columns instead of the policy's (the organisation's stay); recorded as an"
                    + " override")
    String sensitive;

    @Override
    public Integer call() throws Exception {
        Optional<List<String>> columns = sensitive == null ? Optional.empty()
                : Optional.of(SensitiveColumns.parse(sensitive, "--sensitive"));
        Validation.Options o = gate.toOptions();
        Validation.Loaded loaded = Validation.load(o, main.environment().variables());
        return Validation.show(List.of(Validation.ethics(loaded, o, columns,
                main.environment().clock(), spec.commandLine().getErr())), o, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
