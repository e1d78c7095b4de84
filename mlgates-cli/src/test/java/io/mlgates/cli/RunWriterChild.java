package io.mlgates.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.Disk;
import io.mlgates.core.report.GateResultJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A child process for {@link KilledRunsIT}: writes run after run into one results folder through the code that
 * {@code mlgates run} writes with (the two results and the report of the folder), until it is killed or done. Each
 * run's results carry their own time, {@code BASE + writer * 100000 s + run}, so that files of two runs tell apart.
 *
 * <p>Arguments: results folder, folder holding validate.json and ethics.json, writer number, number of runs.
 */
final class RunWriterChild {
    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private RunWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        Path fixture = Path.of(args[1]);
        long writer = Long.parseLong(args[2]);
        int runs = Integer.parseInt(args[3]);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode validate = (ObjectNode) mapper.readTree(fixture.resolve("validate.json").toFile());
        ObjectNode ethics = (ObjectNode) mapper.readTree(fixture.resolve("ethics.json").toFile());
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.out.println("ready");
        System.out.flush();
        for (int run = 0; run < runs; run++) {
            Instant at = BASE.plusSeconds(writer * 100_000 + run);
            List<GateResult> set = List.of(at(validate, at, mapper), at(ethics, at, mapper));
            if (!ResultFolder.write(set, results, true, Disk.LOCAL, err)) {
                System.exit(4);
            }
            System.out.println("committed " + (run + 1));
            System.out.flush();
        }
        // Written files may be seen by the parent only after this process is gone, which the exit code shows.
        Files.size(results.resolve("validate.json"));
        System.exit(0);
    }

    private static GateResult at(ObjectNode json, Instant at, ObjectMapper mapper) throws Exception {
        ObjectNode copy = json.deepCopy();
        copy.put("evaluatedAt", at.toString());
        return new GateResultJson().read(mapper.writeValueAsBytes(copy), "fixture");
    }
}
