package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlgates.core.report.Disk;
import io.mlgates.core.report.RunFolder;
import io.mlgates.core.testing.FullDisk;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What `mlgates run` leaves in a results folder, and its exit code, when writing goes wrong or paths lead out. */
class ResultsOfOneRunTest {
    /** Before the example's waivers expire, so that its verdicts are the documented ones. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Disk disk, String... args) {
        return Main.execute(new Environment("tester", Map.of(), CLOCK, disk), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    /** The example with its AUC floor raised above what the model reaches: validate FAILs. */
    private Path failingRepository() throws IOException {
        Path repo = ExampleRepository.copyInto(tmp);
        Path policy = repo.resolve("mlgates.yaml");
        String text = Files.readString(policy);
        assertThat(text).contains("min: 0.74 ");
        Files.writeString(policy, text.replace("min: 0.74 ", "min: 0.99 "));
        return repo;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("a stray file where the report goes no longer turns a FAIL (exit 1) into exit 2: the report takes"
            + " its place")
    void strayFileWhereTheReportGoes() throws Exception {
        Path repo = failingRepository();
        Path results = Files.createDirectories(repo.resolve(".mlgates/results"));
        Files.writeString(results.resolve("report"), "a stray file");
        assertThat(run(Disk.LOCAL, "run", repo.toString())).as(err.toString()).isEqualTo(1);
        assertThat(results.resolve("report/index.html")).isRegularFile();
        assertThat(names(results)).containsExactly(RunFolder.MANIFEST, "TEST-mlgates-ethics.xml",
                "TEST-mlgates-validate.xml", "ethics.json", "report", "validate.json");
    }

    @Test
    @DisplayName("a full disk names the file and the cause, keeps the FAIL's exit 1 and the previous run's whole set")
    void diskFullKeepsTheVerdict() throws Exception {
        Path repo = failingRepository();
        Path results = repo.resolve(".mlgates/results");
        assertThat(run(Disk.LOCAL, "run", repo.toString())).isEqualTo(1);
        String before = Files.readString(results.resolve(RunFolder.MANIFEST));
        err.getBuffer().setLength(0);

        Disk full = FullDisk.forFilesStartingWith(".TEST-mlgates-ethics.xml.");
        assertThat(run(full, "run", repo.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("the results were not written (the verdict stands): cannot write "
                + results.resolve("TEST-mlgates-ethics.xml") + ": No space left on device");
        assertThat(Files.readString(results.resolve(RunFolder.MANIFEST))).isEqualTo(before);
        assertThat(names(repo.resolve(".mlgates"))).doesNotContain(".results.tmp")
                .allMatch(n -> !n.endsWith(".tmp") && !n.endsWith(".old") && !n.endsWith(".del"));
    }

    @Test
    @DisplayName("a full disk when the gates pass keeps exit 0, says so, and promotes nothing")
    void diskFullWhenPassing() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        assertThat(run(FullDisk.forFilesStartingWith(".validate.json."), "run", repo.toString())).isZero();
        assertThat(err.toString()).contains("cannot write " + repo.resolve(".mlgates/results/validate.json")
                + ": No space left on device").contains("not promoted");
        assertThat(repo.resolve(".mlgates/results")).doesNotExist();
        assertThat(repo.resolve(".mlgates/registry.db")).doesNotExist();
    }

    @Test
    @DisplayName("a .mlgates/ linked outside the repository is refused before anything is created there")
    void linkedMlgatesFolder() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(repo.resolve(".mlgates"), elsewhere);
        assertThat(run(Disk.LOCAL, "run", repo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("leads outside the model repository through a symbolic link (.mlgates)");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    @DisplayName("a mlgates.yaml linked to a file outside is refused without echoing the file")
    void linkedPolicy() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path secret = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:SECRET:/root:/bin/sh\n");
        Files.delete(repo.resolve("mlgates.yaml"));
        Files.createSymbolicLink(repo.resolve("mlgates.yaml"), secret);
        assertThat(run(Disk.LOCAL, "run", repo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("mlgates.yaml").contains("leads outside").doesNotContain("SECRET");
        assertThat(run(Disk.LOCAL, "validate", "--policy", repo.resolve("mlgates.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("SECRET");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a FIFO as mlgates.yaml is refused at once (exit 2), never waited on")
    void fifoPolicy() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Files.delete(repo.resolve("mlgates.yaml"));
        Process mkfifo = new ProcessBuilder("mkfifo", repo.resolve("mlgates.yaml").toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        assertThat(run(Disk.LOCAL, "validate", "--policy", repo.resolve("mlgates.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a regular file");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a FIFO as the prediction file is refused at once (exit 2), never waited on")
    void fifoPredictions() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        Path fifo = repo.resolve("eval/fifo.csv");
        Files.createDirectories(fifo.getParent());
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        assertThat(run(Disk.LOCAL, "validate", "--policy", repo.resolve("mlgates.yaml").toString(),
                "--predictions", fifo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("fifo.csv: is not a regular file");
    }

    @Test
    @DisplayName("report refuses to write through a link inside the current folder (the repository) that leads out")
    void reportThroughALinkOut() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("outside/results"));
        Files.writeString(results.resolve("validate.json"), "{}");
        Path link = Path.of("target", "linked-results-" + ProcessHandle.current().pid());
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, tmp.resolve("outside"));
        try {
            assertThat(run(Disk.LOCAL, "report", "--results", link.resolve("results").toString())).isEqualTo(2);
            assertThat(err.toString()).contains("leads outside the model repository through a symbolic link");
            assertThat(results.resolve("report")).doesNotExist();
        } finally {
            Files.delete(link);
        }
    }
}
