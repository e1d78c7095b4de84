package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.profile.DataFiles;
import io.mlgates.core.stats.ProfileFiles;
import io.mlgates.core.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlgates profile}: a reference profile of a data file, for the drift checks to compare with. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        footer = "  mlgates profile --data data/train.csv --out data/reference-profile.json",
        description = {"Write the column profile of a CSV file with a header, for the drift checks to compare with.",
                "Per column: its type, rows, nulls, exact count, min, max, mean and standard deviation, and its",
                "distinct values with their counts. A policy's data.profile names it, so the reference rows are not",
                "read again on every build (docs/statistics.md, Column profiles)."})
final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "the data to profile: a CSV file whose first row names the columns")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "the profile to write (replaced atomically)")
    Path out;

    @Option(names = "--columns", paramLabel = "NAME", split = ",",
            description = "the columns to profile (default: every column of the header)")
    List<String> columns = new ArrayList<>();

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "the field delimiter, one ASCII character (default: ${DEFAULT-VALUE})")
    char delimiter;

    @Override
    public Integer call() throws Exception {
        Path folder = main.environment().folder();
        Path file = folder.resolve(data);
        String display = data.toString();
        DataFiles.Profiled profiled = DataFiles.profile(file, display, delimiter, columns);
        String name = String.valueOf(file.getFileName());
        byte[] bytes = ProfileFiles.write(profiled.profile(),
                Optional.of(new ProfileFiles.Source(name, profiled.digest())));
        try {
            AtomicFiles.write(folder.resolve(out), o -> o.write(bytes));
        } catch (IOException e) {
            throw new BadInputException(out.toString(), 0, 0, "cannot write: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("mlgates profile: " + profiled.profile().rows() + " rows and "
                + profiled.profile().columns().size() + " columns of " + display + " profiled in " + out);
        return 0;
    }
}
