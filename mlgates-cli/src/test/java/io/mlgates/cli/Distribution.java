package io.mlgates.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The distribution {@code mvn package} unpacks into {@code target/mlgates/}, and its launcher run as a process. */
final class Distribution {
    static final Path FOLDER = Path.of("target", "mlgates").toAbsolutePath();
    static final Path LAUNCHER = FOLDER.resolve("bin/mlgates");

    private Distribution() {
    }

    /** What a process printed and how it ended. */
    record Finished(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code command} through {@code sh -c} in {@code dir}, with {@code variables} added to (or, mapped to
     * null, removed from) this process's environment; its output goes to files, so a full pipe cannot stall it.
     */
    static Finished shell(Path dir, Map<String, String> variables, String command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", command)).directory(dir.toFile());
        variables.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 5 minutes: " + command);
        }
        Finished finished = new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return finished;
    }

    /** A string as one word of a POSIX shell command. */
    static String quoted(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'";
    }
}
