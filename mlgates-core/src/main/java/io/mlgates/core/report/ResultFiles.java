package io.mlgates.core.report;

import io.mlgates.core.gate.GateResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a gate result beside others in a results folder: {@code <gate>.json} and {@code TEST-mlgates-<gate>.xml}
 * (the name Jenkins' {@code junit} step and most CI servers pick up by default). Each file is written atomically.
 */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** Returns the files written, JSON first. */
    public static List<Path> write(GateResult result, Path folder) throws IOException {
        Path json = folder.resolve(result.gate() + ".json");
        Path xml = folder.resolve("TEST-mlgates-" + result.gate() + ".xml");
        AtomicFiles.write(json, out -> new GateResultJson().write(result, out));
        AtomicFiles.write(xml, out -> new JUnitXml().write(result, out));
        return List.of(json, xml);
    }
}
