package io.mlgates.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --stats FILE...}: statistics files judged instead of prediction rows, for validate and ethics. */
final class StatisticsOption {
    @Option(names = "--stats", paramLabel = "FILE", arity = "1..*",
            description = "statistics files (written by 'mlgates stats', docs/statistics.md) to judge, merged, instead"
                    + " of reading the prediction rows; anywhere")
    List<Path> files = new ArrayList<>();

    List<Path> files() {
        return List.copyOf(files);
    }
}
