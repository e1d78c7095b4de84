package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.report.html.StaticReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The gate results of a results folder, and the static HTML report of them. */
final class ResultFolder {
    /** Past results may sit in subfolders (one per build) to form a trend; deeper than this is not searched. */
    private static final int MAX_DEPTH = 4;
    /** A result file is small (curves are bounded); anything far larger is not one. */
    private static final long MAX_BYTES = 64L << 20;

    private ResultFolder() {
    }

    /**
     * Every {@code *.json} under {@code results} (not under {@code skip}), each read as a gate result, in path
     * order. A JSON file that is not a gate result is bad input: the report would otherwise leave it out silently.
     */
    static List<GateResult> read(Path results, Path skip) throws BadInputException, IOException {
        if (!Files.isDirectory(results)) {
            throw new BadInputException(results.toString(), 0, 0, "not a folder: expected a results folder");
        }
        Path skipped = skip.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(results, MAX_DEPTH)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .filter(p -> !p.toAbsolutePath().normalize().startsWith(skipped))
                    .sorted().toList();
        }
        GateResultJson json = new GateResultJson();
        List<GateResult> out = new ArrayList<>();
        for (Path file : files) {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file.toString(), 0, 0, "larger than 64 MiB: not a gate result");
            }
            out.add(json.read(Files.readAllBytes(file), file.toString()));
        }
        return out;
    }

    /** Writes the report of every result in {@code results} into {@code out}; returns its index page. */
    static Path writeReport(Path results, Path out) throws BadInputException, IOException {
        List<GateResult> all = read(results, out);
        if (all.isEmpty()) {
            throw new BadInputException(results.toString(), 0, 0,
                    "no gate result (*.json) in this folder; `mlgates run` or `mlgates validate --out` writes them");
        }
        return StaticReport.write(all, out);
    }
}
