package io.mlgates.cli;

import io.mlgates.core.BadInputException;
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
        description = {"Is the model fair across groups, documented for its risk tier, and built on data it may use?",
                "The model repository is the policy file's folder, or the current folder without --policy."})
final class EthicsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    GateOptions gate;

    @Option(names = "--sensitive", paramLabel = "COL", split = ",",
            description = "sensitive columns instead of the policy's (the organisation's stay)")
    List<String> sensitive;

    @Override
    public Integer call() throws Exception {
        if (sensitive != null && sensitive.stream().anyMatch(String::isBlank)) {
            throw new BadInputException("--sensitive", 0, 0, "a column name is empty; expected COL[,COL...]");
        }
        Validation.Options o = gate.toOptions();
        Validation.Loaded loaded = Validation.load(o, main.environment().variables());
        return Validation.show(List.of(Validation.ethics(loaded, o, Optional.ofNullable(sensitive),
                main.environment().clock(), spec.commandLine().getErr())), o, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
