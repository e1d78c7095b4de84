package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole `mlgates validate` processes whose scores spill to disk (a budget of 64 KiB): the AUC is that of the run
 * that keeps every score in memory, and the temporary folder is empty afterwards, whether the run succeeded, met a
 * bad row, or was stopped (SIGTERM) while it spilled. Child JVMs, so that the budget and the temporary folder are
 * their own.
 */
class SpilledScoresIT {
    private static final int ROWS = 600_000;

    @TempDir
    Path tmp;
    private Path repo;
    private Path spill;

    @BeforeEach
    void repository() throws IOException {
        repo = Files.createDirectories(tmp.resolve("model-repo"));
        Files.writeString(repo.resolve("mlgates.yaml"), "limits:\n  - metric: roc_auc\n    min: 0.5\n");
        spill = Files.createDirectories(tmp.resolve("spill"));
    }

    /** Scores with 9 decimals, nearly all distinct, so that the runs hold one record a row. */
    private void predictions(boolean badLastRow) throws IOException {
        Path eval = Files.createDirectories(repo.resolve("eval"));
        Random random = new Random(20261203L);
        try (BufferedWriter w = Files.newBufferedWriter(eval.resolve("predictions.csv"), StandardCharsets.US_ASCII)) {
            w.write("label,score\n");
            for (int i = 0; i < ROWS; i++) {
                boolean positive = random.nextDouble() < 0.3;
                double score = Math.min(1, (random.nextDouble() + (positive ? 0.4 : 0)) / 1.4);
                w.write((positive ? "1," : "0,") + String.format("%.9f", score) + "\n");
            }
            if (badLastRow) {
                w.write("1,not-a-score\n");
            }
        }
    }

    private Process start(String budget, Path out) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-Dmlgates.scoreMemory=" + budget,
                "-Djava.io.tmpdir=" + spill, "-cp", classPath, Main.class.getName(), "validate", "--policy",
                repo.resolve("mlgates.yaml").toString(), "--out", out.toString())
                .redirectOutput(tmp.resolve(out.getFileName() + ".out").toFile())
                .redirectError(tmp.resolve(out.getFileName() + ".err").toFile())
                .start();
    }

    private int run(String budget, Path out) throws Exception {
        Process p = start(budget, out);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the run ends").isTrue();
        return p.exitValue();
    }

    private double auc(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("validate.json").toFile())
                .path("metrics").path("roc_auc").path("value").asDouble();
    }

    private List<Path> leftInSpill() throws IOException {
        try (Stream<Path> all = Files.walk(spill)) {
            return all.filter(p -> !p.equals(spill)).toList();
        }
    }

    /**
     * Whether the running child has anything in the spill folder now. A run file it removes while the folder is
     * walked was there: the walk's {@link java.nio.file.NoSuchFileException} says so.
     */
    private boolean spillingNow() throws IOException {
        try {
            return !leftInSpill().isEmpty();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.file.NoSuchFileException) {
                return true;
            }
            throw e;
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }

    @Test
    @DisplayName("a run that spills gives the in-memory AUC, bit for bit, and leaves no temporary file")
    void spilledRunEqualsInMemory() throws Exception {
        predictions(false);
        Path inMemory = tmp.resolve("in-memory");
        Path spilled = tmp.resolve("spilled");
        assertThat(run("1g", inMemory)).isZero();
        assertThat(leftInSpill()).isEmpty();
        Process p = start("64k", spilled);
        boolean sawRuns = false;
        while (p.isAlive()) {
            sawRuns |= spillingNow();
            Thread.sleep(5);
        }
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("spilled.err"))).isZero();
        assertThat(sawRuns).as("the scores spilled to the temporary folder").isTrue();
        assertThat(auc(spilled)).isEqualTo(auc(inMemory));
        assertThat(leftInSpill()).as("temporary files left after success").isEmpty();
    }

    @Test
    @DisplayName("a bad row after the scores spilled is reported (exit 2) and leaves no temporary file")
    void badRowLeavesNothing() throws Exception {
        predictions(true);
        assertThat(run("64k", tmp.resolve("bad"))).isEqualTo(2);
        assertThat(Files.readString(tmp.resolve("bad.err"))).contains("predictions.csv:" + (ROWS + 2));
        assertThat(leftInSpill()).as("temporary files left after an error").isEmpty();
    }

    @Test
    @DisplayName("a run stopped (SIGTERM) while its scores are spilled leaves no temporary file")
    void stoppedRunLeavesNothing() throws Exception {
        predictions(false);
        Process p = start("64k", tmp.resolve("stopped"));
        boolean spilled = false;
        while (p.isAlive() && !spilled) {
            spilled = spillingNow();
            Thread.sleep(1);
        }
        assertThat(spilled).as("the run spilled before it ended").isTrue();
        p.destroy(); // SIGTERM: the JVM runs its shutdown hooks
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(leftInSpill()).as("temporary files left after SIGTERM").isEmpty();
    }
}
