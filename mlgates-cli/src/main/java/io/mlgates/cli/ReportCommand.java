package io.mlgates.cli;

import io.mlgates.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates report}: the static HTML report of every gate result in a results folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        footer = "  mlgates report --results examples/credit-risk/.mlgates/results --out report",
        description = {"Writes a static HTML report of every gate result (*.json) in a results folder.",
                "The report is index.html, a page per gate and the stylesheet, in one folder that opens from the"
                        + " file system.",
                "Several results of one gate (in subfolders, say one per build) make a trend."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = ".mlgates/results",
            description = "folder of gate results; default ${DEFAULT-VALUE}")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for the report (default: RESULTS/report)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : results.resolve(ResultFolder.REPORT);
        // The current folder is the model repository by convention: a linked .mlgates/ must not lead the report out.
        Workspace.at(Path.of("")).checkOutput(target, out != null ? "--out" : "--results");
        Path index = ResultFolder.writeReport(results, target, main.environment().disk());
        spec.commandLine().getOut().println(index);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
