package io.mlgates.plugin.logic;

import io.mlgates.core.report.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a build keeps its gate results on the controller: {@code mlgates/<id>.json} in the build's folder, beside
 * build.xml. The controller names the file from the id it reserved, which {@link ResultIds} keeps to letters, digits,
 * {@code -} and {@code _}; no name an agent sends becomes a path here.
 */
public final class StoredResults {
    public static final String FOLDER = "mlgates";

    private StoredResults() {
    }

    /**
     * @throws IllegalArgumentException when {@code id} is not a result id: it would name a file elsewhere
     */
    public static Path file(Path buildDir, String id) {
        String problem = ResultIds.problem(id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return buildDir.resolve(FOLDER).resolve(id + ".json");
    }

    /**
     * Where a build keeps the policy file a result was judged under, as the agent sent it and the controller checked
     * it against the result's policy digest: {@code mlgates/<id>.policy.yaml}.
     */
    public static Path policyFile(Path buildDir, String id) {
        Path result = file(buildDir, id);
        return result.resolveSibling(id + ".policy.yaml");
    }

    /** Writes the policy's text, whole or not at all. */
    public static void writePolicy(Path buildDir, String id, String text) throws IOException {
        AtomicFiles.write(policyFile(buildDir, id), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the result's JSON, whole or not at all. */
    public static void write(Path buildDir, String id, String json) throws IOException {
        AtomicFiles.write(file(buildDir, id), out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
    }
}
