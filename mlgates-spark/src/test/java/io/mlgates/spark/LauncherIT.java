package io.mlgates.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} lays out: {@code bin/mlgates-spark} runs the job in local mode on the libraries Maven
 * resolved, with Spark's JVM options; the {@code spark-submit} jar carries the job, not Spark, and its Jackson
 * relocated.
 */
class LauncherIT {
    private static final Path HOME = Path.of("target/mlgates-spark");

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/mlgates-spark").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    @Test
    @DisplayName("bin/mlgates-spark summarises a CSV table in local mode: the statistics say Spark, rows, partitions")
    void launcherWritesStatistics() throws Exception {
        Path csv = tmp.resolve("eval.csv");
        Files.writeString(csv, "label,score,sex\n1,0.9,f\n0,0.2,m\n1,0.4,m\n0,0.4,f\n", StandardCharsets.UTF_8);
        Path policy = tmp.resolve("mlgates.yaml");
        Files.writeString(policy, "ethics:\n  fairness:\n    sensitive: [sex]\n");
        Path stats = tmp.resolve("stats.json");
        Run run = launch("--master", "local[1]", "--policy", policy.toString(), "--input", csv.toString(),
                "--format", "csv", "--out", stats.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 rows of " + csv);
        JsonNode written = new ObjectMapper().readTree(stats.toFile());
        assertThat(written.path("rows").path("judged").asLong()).isEqualTo(4);
        assertThat(written.at("/origin/engine").asText()).isEqualTo("spark");
        assertThat(written.at("/origin/format").asText()).isEqualTo("csv");
        assertThat(written.at("/origin/partitions").asLong()).isEqualTo(1);
        assertThat(written.at("/fairness/attributes/0/name").asText()).isEqualTo("sex");
    }

    @Test
    @DisplayName("usage errors and bad input are exit 2 with a message, before or without Spark's stack traces")
    void badUsageAndInputAreExitTwo() throws Exception {
        Run usage = launch("--policy", "x.yaml");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("--policy, --input and --out are required").contains("usage: mlgates-spark");
        Path policy = tmp.resolve("mlgates.yaml");
        Files.writeString(policy, "");
        Path csv = tmp.resolve("eval.csv");
        Files.writeString(csv, "truth,probability\n1,0.9\n");
        Run missing = launch("--master", "local[1]", "--policy", policy.toString(), "--input", csv.toString(),
                "--format", "csv", "--out", tmp.resolve("s.json").toString());
        assertThat(missing.exit()).as(missing.err()).isEqualTo(2);
        assertThat(missing.err()).contains("mlgates-spark: " + csv).contains("label");
        assertThat(tmp.resolve("s.json")).doesNotExist();
    }

    @Test
    @DisplayName("the spark-submit jar holds the job and the core with Jackson relocated, and no Spark")
    void jobJarForSparkSubmit() throws Exception {
        try (ZipFile jar = new ZipFile(HOME.resolve("lib/mlgates-spark-job.jar").toFile())) {
            assertThat(jar.getEntry("io/mlgates/spark/Main.class")).isNotNull();
            assertThat(jar.getEntry("io/mlgates/core/stats/Statistics.class")).isNotNull();
            assertThat(jar.getEntry("io/mlgates/core/stats/mlgates-statistics.schema.json")).isNotNull();
            assertThat(jar.getEntry("io/mlgates/spark/shaded/jackson/databind/ObjectMapper.class")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("com/fasterxml/")
                    || n.startsWith("org/apache/spark/") || n.startsWith("scala/"))).isEmpty();
        }
    }
}
