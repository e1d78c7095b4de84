package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.core.stats.CurrentProfile;
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.stats.Statistics;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlgates stats}: the statistics of a prediction file (a shard), for the gates to judge merged. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        footer = "  mlgates stats eval/part-0001.csv --out stats/part-0001.json",
        description = {"Write the statistics of a prediction file: what the gates judge, without the rows.",
                "Statistics of shards written this way merge exactly, in any order (docs/statistics.md).",
                "The policy (slices, sensitive columns, calibration bins) decides what is kept; with drift checks",
                "and no data.current, the input columns' profiles are kept too."})
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PREDICTIONS",
            description = "prediction file (default: the policy's predictions.path)")
    Path predictions;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "policy file (default: mlgates.yaml of the repository, found by searching up from the current"
                    + " folder)")
    Path policy;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "the statistics file to write (replaced atomically)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Environment env = main.environment();
        PrintWriter err = spec.commandLine().getErr();
        Validation.Options o = new Validation.Options(ModelLocation.of(Optional.ofNullable(policy), Optional.empty(),
                env.folder()), Optional.empty(), Optional.ofNullable(predictions), Optional.empty(),
                OutputFormat.table, io.mlgates.core.policy.ColumnChoice.none());
        Validation.Loaded loaded = Validation.load(o, env.variables());
        Policy p = loaded.policy().policy();
        Workspace ws = loaded.ws();
        Path file = predictions != null ? env.folder().resolve(predictions)
                : ws.resolve(p.predictions().path(), "predictions.path");
        String display = predictions != null ? predictions.toString() : ws.display(file);
        RowStatistics.Shape shape = RowStatistics.Shape.of(p);
        Statistics statistics;
        // drift read beside the predictions: the input columns' profiles travel with the statistics
        List<String> profiled = CurrentProfile.needed(p) ? CurrentProfile.columns(p, p.predictions(),
                columns(file, display, p, shape)) : List.of();
        try (ScoreBudget budget = ScoreBudget.defaults();
             PredictionReader reader = PredictionReader.open(file, display, p.predictions(), p.task(),
                     shape.groupColumns(), profiled, (rows, bytes) -> { })) {
            statistics = CurrentProfile.needed(p)
                    ? CurrentProfile.readWithStatistics(reader, p.predictions(), p.task(), shape, budget, profiled)
                    : RowStatistics.read(reader, p.predictions(), p.task(), shape, budget);
            AtomicFiles.write(env.folder().resolve(out), statistics::write);
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read or write: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("mlgates stats: " + statistics.rows() + " rows of " + display
                + " summarised in " + out + (statistics.profile().isPresent() ? ", with the profiles of "
                + profiled.size() + " input columns for the drift checks" : ""));
        err.flush();
        return 0;
    }

    /** The columns of the prediction file, from its header. */
    private static List<String> columns(Path file, String display, Policy p, RowStatistics.Shape shape)
            throws BadInputException {
        try (PredictionReader header = PredictionReader.open(file, display, p.predictions(), p.task(),
                shape.groupColumns(), (rows, bytes) -> { })) {
            return header.columns();
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
