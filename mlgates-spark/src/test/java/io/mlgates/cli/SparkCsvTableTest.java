package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.testing.FixedClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV table read by {@code mlgates-spark --format csv} is read as {@code mlgates} reads the file (RFC 4180), not
 * with Spark's defaults (a backslash escape, a row per line): the same statistics as {@code mlgates stats}. Its own
 * Spark session: the job's {@code Main} starts and stops one.
 */
class SparkCsvTableTest {
    private static final String POLICY = """
            task: binary
            predictions:
              path: eval.csv
              delimiter: ";"
            slices:
              - column: region
                limits:
                  - metric: roc_auc
                    min: 0.1
            ethics:
              fairness:
                sensitive: [team]
            """;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("quoted delimiters, doubled quotes and line breaks inside quotes: the statistics of mlgates stats")
    void csvIsReadAsRfc4180() throws Exception {
        Path policy = tmp.resolve("mlgates.yaml");
        Files.writeString(policy, POLICY);
        StringBuilder csv = new StringBuilder("label;score;region;team\r\n");
        String[] regions = {"\"north; upper\"", "\"say \"\"south\"\"\"", "\"east\nwest\"", "\"back\\\"", "plain"};
        // (a CR LF inside quotes Spark's parser reads as LF: docs/spark.md says so; LF and CR LF end rows here)
        String[] teams = {"\"a;b\"", "\"c\nd\"", "e", "\"\"\"f\"\"\""};
        for (int i = 0; i < 60; i++) {
            csv.append(i % 3 == 0 ? "1" : "0").append(';').append((i * 7 % 20) / 20.0).append(';')
                    .append(regions[i % regions.length]).append(';').append(teams[i % teams.length])
                    .append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Path file = tmp.resolve("eval.csv");
        Files.writeString(file, csv);

        Path fromRows = tmp.resolve("rows.json");
        StringWriter err = new StringWriter();
        int code = Main.execute(new Environment("tester", Map.of(), FixedClock.CLOCK),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "stats", file.toString(),
                "--policy", policy.toString(), "--out", fromRows.toString());
        assertThat(code).as(err.toString()).isZero();

        Path fromSpark = tmp.resolve("spark.json");
        ByteArrayOutputStream sparkErr = new ByteArrayOutputStream();
        int sparkCode = io.mlgates.spark.Main.run(new String[] {"--master", "local[2]", "--policy",
            policy.toString(), "--input", file.toString(), "--format", "csv", "--out", fromSpark.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(sparkErr, true, StandardCharsets.UTF_8), Map.of());
        assertThat(sparkCode).as(sparkErr.toString(StandardCharsets.UTF_8)).isZero();

        ObjectMapper json = new ObjectMapper();
        JsonNode spark = json.readTree(fromSpark.toFile());
        assertThat(spark.at("/origin/rows").asLong()).isEqualTo(60);
        ((ObjectNode) spark).remove("origin");
        JsonNode rows = json.readTree(fromRows.toFile());
        assertThat(rows.at("/slices/0/groups").size()).isEqualTo(regions.length);
        assertThat(json.writeValueAsString(spark)).isEqualTo(json.writeValueAsString(rows));
    }
}
