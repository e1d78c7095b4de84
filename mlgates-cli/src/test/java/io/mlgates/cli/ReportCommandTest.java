package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path results() {
        Path results = tmp.resolve("results");
        assertThat(run("validate", "--policy", EXAMPLE.resolve("mlgates.yaml").toString(), "--out",
                results.toString())).isZero();
        return results;
    }

    @Test
    @DisplayName("report writes index, gate page and stylesheet, and prints the index's path")
    void report() throws Exception {
        Path results = results();
        Path site = tmp.resolve("site");
        out.getBuffer().setLength(0);
        assertThat(run("report", "--results", results.toString(), "--out", site.toString())).isZero();
        assertThat(out.toString().strip()).isEqualTo(site.resolve("index.html").toString());
        assertThat(site.resolve("validate.html")).exists();
        assertThat(site.resolve("mlgates.css")).exists();
        assertThat(Files.readString(site.resolve("validate.html"))).contains("credit-risk");
    }

    @Test
    @DisplayName("results of several builds in subfolders make a trend; the default output is RESULTS/report")
    void trendFromSubfolders() throws Exception {
        Path results = results();
        Files.createDirectories(results.resolve("build-1"));
        Files.copy(results.resolve("validate.json"), results.resolve("build-1/validate.json"));
        assertThat(run("report", "--results", results.toString())).isZero();
        String index = Files.readString(results.resolve("report/index.html"));
        assertThat(index).contains("across builds");
    }

    @Test
    @DisplayName("a JSON file that is not a gate result, or a folder without results, is bad input: exit 2")
    void badInput() throws Exception {
        Path results = results();
        Files.writeString(results.resolve("other.json"), "{\"a\": 1}");
        assertThat(run("report", "--results", results.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("other.json").contains("not a gate result");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(run("report", "--results", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no gate result");
        assertThat(run("report", "--results", tmp.resolve("missing").toString())).isEqualTo(2);
    }

    @Test
    @DisplayName("run keeps its verdict when the results folder holds a stray file, and says why there is no report")
    void runKeepsItsVerdict() throws Exception {
        Path results = results();
        Files.writeString(results.resolve("notes.json"), "[]");
        // a copy: run promotes, and its registry must not land in the bundled example
        Path example = ExampleRepository.copyInto(tmp);
        assertThat(run("run", example.toString(), "--out", results.toString())).isZero();
        assertThat(err.toString()).contains("no HTML report").contains("notes.json");
    }
}
