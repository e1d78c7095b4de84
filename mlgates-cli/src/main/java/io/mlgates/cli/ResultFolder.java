package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.Disk;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.report.ResultFiles;
import io.mlgates.core.report.RunFolder;
import io.mlgates.core.report.html.PromotionNote;
import io.mlgates.core.report.html.StaticReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The gate results of a results folder, and the static HTML report of them. Whatever a command writes into a
 * results folder is one run ({@link RunFolder}): its files appear together or not at all.
 */
final class ResultFolder {
    /** The report's folder inside a results folder. */
    static final String REPORT = "report";
    /** Past results may sit in subfolders (one per build) to form a trend; deeper than this is not searched. */
    private static final int MAX_DEPTH = 4;
    /** A result file is small (curves are bounded); anything far larger is not one. */
    private static final long MAX_BYTES = 64L << 20;

    private ResultFolder() {
    }

    /**
     * Writes {@code results} into {@code folder} as one run and, when {@code withReport}, the HTML report of the whole
     * folder into its {@code report/}; tells on {@code err} what was written. A report that cannot be made (a stray
     * file that is not a gate result) is told and left out; an I/O failure is told with the file and its cause. Neither
     * changes the verdict, so this returns whether the results were written rather than throwing.
     */
    static boolean write(List<GateResult> results, Path folder, boolean withReport, Disk disk, PrintWriter err) {
        return write(results, folder, withReport, Optional.empty(), disk, err);
    }

    /** {@link #write(List, Path, boolean, Disk, PrintWriter)}, the report stating what became of the candidate. */
    static boolean write(List<GateResult> results, Path folder, boolean withReport, Optional<PromotionNote> promotion,
                         Disk disk, PrintWriter err) {
        List<Path> written;
        boolean reported = false;
        try (RunFolder run = RunFolder.begin(folder, disk)) {
            for (GateResult result : results) {
                ResultFiles.add(run, result);
            }
            run.keepOthers(withReport ? Set.of(REPORT) : Set.of());
            if (withReport) {
                try {
                    List<GateResult> all = read(run.staging(), run.staging().resolve(REPORT), folder);
                    StaticReport.write(all, run.folderFor(REPORT), promotion);
                    reported = true;
                } catch (BadInputException e) {
                    // The verdict stands: a stray file in the results folder must not turn a FAIL into "bad input".
                    err.println("mlgates: no HTML report: " + e.getMessage());
                }
            }
            written = run.commit();
        } catch (IOException e) {
            err.println("mlgates: the results were not written (the verdict stands): " + e.getMessage());
            err.flush();
            return false;
        }
        for (Path p : written) {
            if (!p.getFileName().toString().equals(REPORT)) {
                err.println("mlgates: wrote " + folder.resolve(p.getFileName().toString()));
            }
        }
        if (reported) {
            err.println("mlgates: wrote " + folder.resolve(REPORT).resolve(StaticReport.INDEX));
        }
        err.flush();
        return true;
    }

    /**
     * Every {@code *.json} under {@code results} (not under {@code skip}), each read as a gate result, in path
     * order. A JSON file that is not a gate result is bad input: the report would otherwise leave it out silently.
     *
     * @param shownAs how {@code results} is named in messages (a run reads its staging folder as the results folder)
     */
    static List<GateResult> read(Path results, Path skip, Path shownAs) throws BadInputException, IOException {
        if (!Files.isDirectory(results)) {
            throw new BadInputException(shownAs.toString(), 0, 0, "not a folder: expected a results folder");
        }
        Path skipped = skip.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(results, MAX_DEPTH)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".json")
                            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.toAbsolutePath().normalize().startsWith(skipped))
                    .sorted().toList();
        }
        GateResultJson json = new GateResultJson();
        List<GateResult> out = new ArrayList<>();
        for (Path file : files) {
            String shown = shownAs.resolve(results.relativize(file).toString()).toString();
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(shown, 0, 0, "larger than 64 MiB: not a gate result");
            }
            out.add(json.read(Files.readAllBytes(file), shown));
        }
        return out;
    }

    /**
     * Writes the report of every result in {@code results} into {@code out} as one run on {@code out}; returns its
     * index page. The report of a results folder into its own {@code report/} is a run on the results folder.
     */
    static Path writeReport(Path results, Path out, Disk disk) throws BadInputException, IOException {
        return writeReport(results, out, Optional.empty(), disk);
    }

    /** {@link #writeReport(Path, Path, Disk)}, the report stating what became of the candidate. */
    static Path writeReport(Path results, Path out, Optional<PromotionNote> promotion, Disk disk)
            throws BadInputException, IOException {
        if (!Files.isDirectory(results)) {
            throw new BadInputException(results.toString(), 0, 0, "not a folder: expected a results folder");
        }
        boolean inside = out.toAbsolutePath().normalize().equals(results.toAbsolutePath().normalize().resolve(REPORT));
        try (RunFolder run = RunFolder.begin(inside ? results : out, disk)) {
            Path site;
            List<GateResult> all;
            if (inside) {
                run.keepOthers(Set.of(REPORT));
                all = read(run.staging(), run.staging().resolve(REPORT), results);
                site = run.folderFor(REPORT);
            } else {
                all = read(results, out, results);
                site = run.staging();
            }
            if (all.isEmpty()) {
                throw new BadInputException(results.toString(), 0, 0, "no gate result (*.json) in this folder;"
                        + " `mlgates run` or `mlgates validate --out` writes them");
            }
            StaticReport.write(all, site, promotion);
            if (!inside) {
                run.keepOthers(Set.of());
            }
            run.commit();
        }
        return out.resolve(StaticReport.INDEX);
    }
}
