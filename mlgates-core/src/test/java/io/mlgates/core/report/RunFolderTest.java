package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.testing.FullDisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path dir;

    private Path results() {
        return dir.resolve("results");
    }

    private static AtomicFiles.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("a committed run holds its files and a manifest that sha256sum -c accepts")
    void commitWritesManifest() throws Exception {
        try (RunFolder run = RunFolder.begin(results(), Disk.LOCAL)) {
            run.write("validate.json", text("{\"run\": 1}"));
            Files.writeString(run.folderFor("report").resolve("index.html"), "<p>1</p>");
            assertThat(run.commit()).containsExactly(results().resolve("validate.json").toAbsolutePath(),
                    results().resolve("report").toAbsolutePath());
        }
        assertThat(namesIn(results())).containsExactly(RunFolder.MANIFEST, "report", "validate.json");
        assertThat(namesIn(dir)).containsExactly(".results.lock", "results");
        // sha256sum is the outside implementation the manifest's format is meant for
        Process check = new ProcessBuilder("sha256sum", "--strict", "-c", RunFolder.MANIFEST)
                .directory(results().toFile()).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(said).isZero();
        assertThat(said).contains("validate.json: OK").contains("report/index.html: OK");
    }

    @Test
    @DisplayName("a run keeps the folder's other files (another gate's, results kept per build) and replaces its own")
    void keepsOthers() throws Exception {
        try (RunFolder run = RunFolder.begin(results(), Disk.LOCAL)) {
            run.write("ethics.json", text("ethics 1"));
            run.write("validate.json", text("validate 1"));
            run.commit();
        }
        Files.createDirectories(results().resolve("build-7"));
        Files.writeString(results().resolve("build-7/validate.json"), "build 7");
        try (RunFolder run = RunFolder.begin(results(), Disk.LOCAL)) {
            run.write("validate.json", text("validate 2"));
            run.keepOthers(Set.of());
            run.commit();
        }
        assertThat(results().resolve("validate.json")).hasContent("validate 2");
        assertThat(results().resolve("ethics.json")).hasContent("ethics 1");
        assertThat(results().resolve("build-7/validate.json")).hasContent("build 7");
        assertThat(Files.readString(results().resolve(RunFolder.MANIFEST))).contains("  build-7/validate.json\n")
                .contains("  ethics.json\n");
    }

    @Test
    @DisplayName("a stray file where the report goes is replaced by the run's report")
    void strayFileWhereTheReportGoes() throws Exception {
        Files.createDirectories(results());
        Files.writeString(results().resolve("report"), "not a folder");
        try (RunFolder run = RunFolder.begin(results(), Disk.LOCAL)) {
            Files.writeString(run.folderFor("report").resolve("index.html"), "<p>report</p>");
            run.keepOthers(Set.of("report"));
            run.commit();
        }
        assertThat(results().resolve("report/index.html")).hasContent("<p>report</p>");
    }

    @Test
    @DisplayName("a full disk names the file and the cause; the folder keeps the previous run and no temporary file")
    void diskFull() throws Exception {
        try (RunFolder run = RunFolder.begin(results(), Disk.LOCAL)) {
            run.write("validate.json", text("run 1"));
            run.write("TEST-mlgates-validate.xml", text("<run>1</run>"));
            run.commit();
        }
        Disk full = FullDisk.forFilesStartingWith(".TEST-mlgates-validate.xml.");
        assertThatThrownBy(() -> {
            try (RunFolder run = RunFolder.begin(results(), full)) {
                run.write("validate.json", text("run 2"));
                run.write("TEST-mlgates-validate.xml", text("<run>2</run>"));
                run.commit();
            }
        }).isInstanceOf(IOException.class).hasMessage("cannot write " + results().resolve("TEST-mlgates-validate.xml")
                + ": No space left on device");
        assertThat(results().resolve("validate.json")).hasContent("run 1");
        assertThat(results().resolve("TEST-mlgates-validate.xml")).hasContent("<run>1</run>");
        assertThat(namesIn(dir)).containsExactly(".results.lock", "results");
        assertThat(namesIn(results())).containsExactly(RunFolder.MANIFEST, "TEST-mlgates-validate.xml",
                "validate.json");
    }

    @Test
    @DisplayName("what killed runs left is cleared; an old folder goes back when the kill came between the renames")
    void recoversFromKilledRuns() throws Exception {
        // the kill came after the folder was moved aside and before the new one took its place
        Path old = Files.createDirectories(dir.resolve(".results.0123456789abcdef.old"));
        Files.writeString(old.resolve("validate.json"), "previous run");
        Path staging = Files.createDirectories(dir.resolve(".results.fedcba9876543210.tmp/report"));
        Files.writeString(staging.resolve("index.html"), "half");
        Path halfDeleted = Files.createDirectories(dir.resolve(".results.00000000000000aa.del"));
        Files.writeString(dir.resolve(".results.0000000000000001.tmp"), "a file, once a staging folder");
        try (RunFolder run = RunFolder.begin(results(), Disk.LOCAL)) {
            assertThat(results().resolve("validate.json")).hasContent("previous run");
            assertThat(halfDeleted).doesNotExist();
            run.write("ethics.json", text("this run"));
            run.keepOthers(Set.of());
            run.commit();
        }
        assertThat(namesIn(dir)).containsExactly(".results.lock", "results");
        assertThat(namesIn(results())).containsExactly(RunFolder.MANIFEST, "ethics.json", "validate.json");
    }

    @Test
    @DisplayName("a run that is not committed leaves the folder as it was and no staging folder")
    void uncommitted() throws Exception {
        try (RunFolder run = RunFolder.begin(results(), Disk.LOCAL)) {
            run.write("validate.json", text("never seen"));
        }
        assertThat(namesIn(dir)).containsExactly(".results.lock");
    }

    @Test
    @DisplayName("a file where the results folder should be is refused, named, and left alone")
    void fileInsteadOfFolder() throws Exception {
        Files.writeString(results(), "mine");
        assertThatThrownBy(() -> RunFolder.begin(results(), Disk.LOCAL)).isInstanceOf(IOException.class)
                .hasMessageContaining(results().toString()).hasMessageContaining("not a folder");
        assertThat(results()).hasContent("mine");
    }

    @Test
    @DisplayName("the current folder, or one above it, is never taken for a results folder (it would be replaced)")
    void neverTheCurrentFolder() {
        assertThatThrownBy(() -> RunFolder.begin(Path.of(""), Disk.LOCAL)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds the current folder");
        assertThatThrownBy(() -> RunFolder.begin(Path.of("..").toAbsolutePath().normalize(), Disk.LOCAL))
                .isInstanceOf(IOException.class).hasMessageContaining("holds the current folder");
    }

    @Test
    @DisplayName("a name with a path in it is not a file of the results folder")
    void namesOnly() throws Exception {
        try (RunFolder run = RunFolder.begin(results(), Disk.LOCAL)) {
            assertThatThrownBy(() -> run.write("../escape.json", text("x")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> run.write(RunFolder.MANIFEST, text("x")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("a folder holding files no run wrote is refused, and left as it was; an empty one or an earlier run's is replaced")
    void foreignFolderIsNotReplaced() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("notes.md"), "mine");
        try (RunFolder run = RunFolder.begin(docs, Disk.LOCAL)) {
            run.write("validate.json", text("{}"));
            assertThatThrownBy(run::commit).isInstanceOf(IOException.class)
                    .hasMessageContaining("holds files ML Gates did not write").hasMessageContaining("docs");
        }
        assertThat(namesIn(docs)).containsExactly("notes.md");
        assertThat(namesIn(dir)).containsExactly(".docs.lock", "docs");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        for (int round = 1; round <= 2; round++) { // the second round replaces the first round's folder
            try (RunFolder run = RunFolder.begin(empty, Disk.LOCAL)) {
                run.write("validate.json", text("{\"run\": " + round + "}"));
                run.commit();
            }
        }
        assertThat(Files.readString(empty.resolve("validate.json"))).isEqualTo("{\"run\": 2}");
    }
}
