package io.mlgates.cli;

import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.ColumnChoice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates run DIR}: every gate that exists, on a repository laid out by convention: validate, then ethics.
 * Both are judged even when the first does not pass. Then the HTML report of the results folder and, when the worst
 * gate's status is successful, the candidate's promotion to the policy's first stage in the embedded registry. The
 * exit code is that of the worst gate, or of the promotion when the gates passed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every gate (validate, then ethics) on a model repository laid out by convention.",
                "Results go to DIR/.mlgates/results unless --out says otherwise;",
                "the HTML report of the results folder goes to its report/ folder.",
                "When the gates pass, the candidate is promoted to the policy's first stage (staging by default) in"
                        + " the embedded registry."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = ".", description = "the model repository")
    Path repository;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "organisation policy the model policy may tighten, never loosen (default: $"
                    + Validation.ORG_POLICY_VARIABLE + ")")
    Path orgPolicy;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: DIR/.mlgates/results)")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (json: an array of the results); default ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        Path results = out != null ? out : repository.resolve(".mlgates").resolve("results");
        PrintWriter err = spec.commandLine().getErr();
        Validation.Options o = new Validation.Options(repository, Optional.empty(), Optional.ofNullable(orgPolicy),
                Optional.empty(), Optional.of(results), format, ColumnChoice.none());
        Validation.Loaded loaded = Validation.load(o, main.environment().variables());
        GateResult validate = Validation.validate(loaded, o, Optional.empty(), main.environment().clock(), err);
        GateResult ethics = Validation.ethics(loaded, o, Optional.empty(), main.environment().clock(), err);
        int gates = Validation.print(List.of(validate, ethics), format, spec.commandLine().getOut());
        boolean written = ResultFolder.write(List.of(validate, ethics), results, true, main.environment().disk(),
                err);
        if (gates != Validation.PASSED) {
            return gates;
        }
        if (!written) {
            // Promotion reads the results folder: without this run's files it would judge another run's.
            err.println("mlgates: not promoted: this run's results are not in " + results);
            err.flush();
            return gates;
        }
        return Promotions.toFirstStage(repository, results, Optional.ofNullable(orgPolicy), format,
                main.environment(), spec.commandLine().getOut(), err);
    }
}
