package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates run DIR}: every gate that exists, on a repository laid out by convention, then the HTML report of
 * the results folder, then, when the gates passed, the candidate's promotion to the policy's first stage in the
 * embedded registry.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every gate on a model repository laid out by convention.",
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

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: DIR/.mlgates/results)")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json; default ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        Path results = out != null ? out : repository.resolve(".mlgates").resolve("results");
        PrintWriter err = spec.commandLine().getErr();
        int gates = Validation.run(repository, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(results), format, spec.commandLine().getOut(), err);
        try {
            err.println("mlgates: wrote " + ResultFolder.writeReport(results, results.resolve("report")));
        } catch (BadInputException e) {
            // The verdict stands: a stray file in the results folder must not turn a FAIL into "bad input".
            err.println("mlgates: no HTML report: " + e.getMessage());
        }
        err.flush();
        return gates != Validation.PASSED ? gates : Promotions.toFirstStage(repository, results, format,
                main.environment(), spec.commandLine().getOut(), err);
    }
}
