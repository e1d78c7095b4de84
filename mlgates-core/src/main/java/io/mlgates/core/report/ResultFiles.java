package io.mlgates.core.report;

import io.mlgates.core.gate.GateResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes gate results into a results folder: {@code <gate>.json} and {@code TEST-mlgates-<gate>.xml} (the name
 * Jenkins' {@code junit} step and most CI servers pick up by default). The files of one run appear together or not
 * at all ({@link RunFolder}).
 */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** Writes one result as one run; returns the files written, JSON first. */
    public static List<Path> write(GateResult result, Path folder) throws IOException {
        try (RunFolder run = RunFolder.begin(folder, Disk.LOCAL)) {
            add(run, result);
            run.keepOthers(Set.of());
            return run.commit();
        }
    }

    /** Adds a result's two files to a run. */
    public static void add(RunFolder run, GateResult result) throws IOException {
        run.write(result.gate() + ".json", out -> new GateResultJson().write(result, out));
        run.write("TEST-mlgates-" + result.gate() + ".xml", out -> new JUnitXml().write(result, out));
    }
}
