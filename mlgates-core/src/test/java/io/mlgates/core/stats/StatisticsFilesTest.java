package io.mlgates.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.fairness.FairnessOptions;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MulticlassAccumulator;
import io.mlgates.core.metrics.RegressionAccumulator;
import io.mlgates.core.metrics.ScoreBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsFilesTest {
    private static final int MAX_GROUPS = 10_000;
    private static final Statistics.Decisions DECISIONS = new Statistics.Decisions("1", 0.5, Optional.empty());
    private static final List<String> SENSITIVE = List.of("a", "b");
    private static final List<List<String>> INTERSECTIONS = List.of(List.of("a", "b"));

    @TempDir
    Path temp;

    private record Row(boolean actual, boolean predicted, double score, double weight, String a, String b,
                       String region) {
    }

    private static List<Row> rows(Random random, boolean weighted) {
        List<Row> rows = new ArrayList<>();
        int levels = 1 + random.nextInt(random.nextBoolean() ? 30 : 100_000);
        for (int i = 0; i < 1 + random.nextInt(2000); i++) {
            double score = random.nextInt(levels + 1) / (double) levels;
            double weight = !weighted ? 1.0 : random.nextInt(5) == 0 ? 0.0 : random.nextDouble() * 4;
            rows.add(new Row(random.nextDouble() < score, score >= 0.5, score, weight,
                    random.nextInt(8) == 0 ? "" : "a" + random.nextInt(3), "b" + random.nextInt(2),
                    "r" + random.nextInt(4)));
        }
        return rows;
    }

    /** The statistics of some rows, as the engine builds them. */
    private static Statistics statistics(List<Row> rows, int bins) {
        ScoreBudget budget = ScoreBudget.defaults();
        BinaryAccumulator overall = new BinaryAccumulator(true, true, bins, budget);
        Map<String, BinaryAccumulator> regions = new TreeMap<>();
        FairnessAccumulator fairness = new FairnessAccumulator(SENSITIVE, INTERSECTIONS, true, bins, MAX_GROUPS);
        for (Row r : rows) {
            overall.add(r.actual(), r.predicted(), r.score(), r.weight());
            regions.computeIfAbsent(r.region(), k -> new BinaryAccumulator(true, true, bins, budget))
                    .add(r.actual(), r.predicted(), r.score(), r.weight());
            fairness.add(new String[] {r.a(), r.b()}, r.actual(), r.predicted(), r.score(), r.weight());
        }
        return Statistics.binary(List.of("1", "0"), overall, Map.of("region", regions), Optional.of(fairness), DECISIONS, 0, 0);
    }

    private static byte[] bytes(Statistics statistics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        statistics.write(out);
        return out.toByteArray();
    }

    private static Statistics parse(byte[] bytes, String name) throws BadInputException {
        return StatisticsFiles.parse(bytes, name, ScoreBudget.defaults(), MAX_GROUPS);
    }

    private static void assertSameJudgement(Statistics actual, Statistics expected, int bins) {
        MetricOptions options = new MetricOptions(0.95, bins);
        BinaryAccumulator a = actual.binary().orElseThrow();
        BinaryAccumulator e = expected.binary().orElseThrow();
        assertThat(a.compute(options)).containsExactlyEntriesOf(e.compute(options));
        assertThat(a.curves()).isEqualTo(e.curves());
        Map<String, Map<String, BinaryAccumulator>> as = actual.slices(BinaryAccumulator.class);
        Map<String, Map<String, BinaryAccumulator>> es = expected.slices(BinaryAccumulator.class);
        assertThat(as.get("region").keySet()).isEqualTo(es.get("region").keySet());
        es.get("region").forEach((value, acc) ->
                assertThat(as.get("region").get(value).compute(options)).containsExactlyEntriesOf(acc.compute(options)));
        FairnessOptions fairness = new FairnessOptions(0.95, bins, 20, false, Map.of(), false);
        assertThat(actual.fairness().orElseThrow().compute(fairness))
                .isEqualTo(expected.fairness().orElseThrow().compute(fairness));
        assertThat(actual.rows()).isEqualTo(expected.rows());
    }

    @Test
    @DisplayName("random rows in random shards, written, read back and merged in any order: one pass's metrics, bit for bit")
    void shardsWrittenReadAndMergedGiveOnePassExactly() throws Exception {
        Random random = new Random(2026);
        for (int trial = 0; trial < 12; trial++) {
            List<Row> rows = rows(random, random.nextBoolean());
            int bins = 1 + random.nextInt(15);
            Statistics sequential = statistics(rows, bins);
            int shardCount = 1 + random.nextInt(5);
            List<List<Row>> shards = new ArrayList<>();
            for (int s = 0; s < shardCount; s++) {
                shards.add(new ArrayList<>());
            }
            rows.forEach(r -> shards.get(random.nextInt(shardCount)).add(r));
            List<byte[]> files = new ArrayList<>();
            for (List<Row> shard : shards) {
                files.add(bytes(statistics(shard, bins)));
            }
            for (int order = 0; order < 2; order++) {
                Collections.shuffle(files, random);
                Statistics merged = parse(files.get(0), "shard-0.json");
                for (int i = 1; i < files.size(); i++) {
                    merged.merge(parse(files.get(i), "shard-" + i + ".json"));
                }
                assertSameJudgement(merged, sequential, bins);
            }
            // and one pass's statistics survive their own round trip
            assertSameJudgement(parse(bytes(sequential), "all.json"), sequential, bins);
        }
    }

    @Test
    @DisplayName("regression and multiclass statistics round-trip and merge exactly too")
    void otherTasksRoundTrip() throws Exception {
        Random random = new Random(7);
        RegressionAccumulator all = new RegressionAccumulator();
        RegressionAccumulator first = new RegressionAccumulator();
        RegressionAccumulator second = new RegressionAccumulator();
        MulticlassAccumulator mAll = new MulticlassAccumulator();
        MulticlassAccumulator mFirst = new MulticlassAccumulator();
        MulticlassAccumulator mSecond = new MulticlassAccumulator();
        for (int i = 0; i < 500; i++) {
            double t = random.nextGaussian() * 100;
            double p = t + random.nextGaussian();
            double w = random.nextDouble();
            all.add(t, p, w);
            (i % 3 == 0 ? first : second).add(t, p, w);
            int actual = random.nextInt(3);
            int predicted = random.nextInt(3);
            mAll.add(actual, predicted, w);
            (i % 3 == 0 ? mFirst : mSecond).add(actual, predicted, w);
        }
        Statistics merged = parse(bytes(Statistics.regression(first, Map.of(), 0, 0)), "r1.json");
        merged.merge(parse(bytes(Statistics.regression(second, Map.of(), 2, 1)), "r2.json"));
        assertThat(merged.regression().orElseThrow().compute(MetricOptions.DEFAULTS))
                .containsExactlyEntriesOf(all.compute(MetricOptions.DEFAULTS));
        assertThat(merged.rowsDropped()).isEqualTo(2);
        List<String> classes = List.of("x", "y", "z");
        Statistics m = parse(bytes(Statistics.multiclass(classes, mFirst, Map.of(), 0, 0)), "m1.json");
        m.merge(parse(bytes(Statistics.multiclass(classes, mSecond, Map.of(), 0, 0)), "m2.json"));
        assertThat(m.multiclass().orElseThrow().compute(classes, MetricOptions.DEFAULTS))
                .containsExactlyEntriesOf(mAll.compute(classes, MetricOptions.DEFAULTS));
    }

    private static String goodFile() throws IOException {
        BinaryAccumulator acc = new BinaryAccumulator(true, true, 4);
        acc.add(true, true, 0.9, 1);
        acc.add(false, false, 0.2, 1);
        acc.add(true, false, 0.4, 1);
        return new String(bytes(Statistics.binary(List.of("1", "0"), acc, Map.of(), Optional.empty(), DECISIONS, 0, 0)),
                StandardCharsets.UTF_8).replace(",\"", ",\n\"");
    }

    /** The 1-based line of the first occurrence of {@code what}. */
    private static long lineOf(String text, String what) {
        int at = text.indexOf(what);
        assertThat(at).as("%s in the file", what).isNotNegative();
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static BadInputException refusal(String text) {
        try {
            parse(text.getBytes(StandardCharsets.UTF_8), "stats.json");
        } catch (BadInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    @DisplayName("a good file passes the schema; bad ones are refused with the file, the line, the pointer and what was expected")
    void badFilesAreRefusedWithWhereAndWhat() throws Exception {
        String good = goodFile();
        assertThat(parse(good.getBytes(StandardCharsets.UTF_8), "stats.json").rows()).isEqualTo(3);

        BadInputException notJson = refusal("{\n\"format\": \"mlgates-statistics\",\n\"version\": 1,,\n}");
        assertThat(notJson.line()).isEqualTo(3);
        assertThat(notJson.getMessage()).contains("stats.json").contains("not valid JSON");

        assertThat(refusal("{\"format\": \"something-else\"}").getMessage())
                .contains("at /format: expected \"format\": \"mlgates-statistics\"");
        assertThat(refusal(good.replace("\"version\":1", "\"version\":2")).getMessage())
                .contains("at /version: expected version 1").contains("newer engine");

        // a schema refusal: a key missing from a tally, named by pointer and line
        String missing = good.replace("\"otherSquaredWeight\":\"0\"}", "\"extra\":\"0\"}");
        BadInputException schema = refusal(missing);
        assertThat(schema.getMessage()).contains("at /metrics/truePositives").contains("schema");
        assertThat(schema.line()).isEqualTo(lineOf(missing, "\"truePositives\""));

        // an exact sum that is not in canonical form
        assertThat(refusal(good.replaceFirst("\"logLoss\":\"[^\"]+\"", "\"logLoss\":\"0.5\"")).getMessage())
                .contains("at /metrics/logLoss");

        // what the schema lets through but does not hold: more unit rows than rows
        String tooMany = good.replaceFirst("\"rows\":1,\n\"unitRows\":1", "\"rows\":1,\n\"unitRows\":2");
        BadInputException semantic = refusal(tooMany);
        assertThat(semantic.getMessage()).contains("at /metrics/truePositives/unitRows: expected at most rows (1)");
        assertThat(semantic.line()).isEqualTo(lineOf(tooMany, "\"unitRows\":2"));
        assertThat(semantic.file()).isEqualTo("stats.json");

        // scores of a rank summary that do not fall
        String rising = good.replace("\"positives\":[[0.9,1],[0.4,1]]", "\"positives\":[[0.4,1],[0.9,1]]");
        assertThat(rising).isNotEqualTo(good);
        assertThat(refusal(rising).getMessage()).contains("at /metrics/ranks/positives/1/0: expected a score");
    }

    @Test
    @DisplayName("files built for other bins refuse to merge, naming both")
    void filesBuiltDifferentlyRefuseToMerge() throws Exception {
        BinaryAccumulator ten = new BinaryAccumulator(true, true, 10);
        ten.add(true, true, 0.9, 1);
        BinaryAccumulator twenty = new BinaryAccumulator(true, true, 20);
        twenty.add(false, false, 0.1, 1);
        Path a = temp.resolve("shard-1.json");
        Path b = temp.resolve("shard-2.json");
        Files.write(a, bytes(Statistics.binary(List.of("1", "0"), ten, Map.of(), Optional.empty(), DECISIONS, 0, 0)));
        Files.write(b, bytes(Statistics.binary(List.of("1", "0"), twenty, Map.of(), Optional.empty(), DECISIONS, 0, 0)));
        List<StatisticsFiles.Read> reads = new ArrayList<>();
        assertThatThrownBy(() -> StatisticsFiles.readAll(List.of(a, b), List.of("shard-1.json", "shard-2.json"),
                ScoreBudget.defaults(), MAX_GROUPS, reads))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("shard-2.json")
                .hasMessageContaining("cannot merge with shard-1.json")
                .hasMessageContaining("20 calibration bins")
                .hasMessageContaining("10 calibration bins");
    }

    @Test
    @DisplayName("the files read are named with the digests of their bytes")
    void readsCarryTheirDigests() throws Exception {
        Path a = temp.resolve("s.json");
        Files.writeString(a, goodFile());
        List<StatisticsFiles.Read> reads = new ArrayList<>();
        StatisticsFiles.readAll(List.of(a), List.of("s.json"), ScoreBudget.defaults(), MAX_GROUPS, reads);
        assertThat(reads).singleElement().satisfies(r -> {
            assertThat(r.display()).isEqualTo("s.json");
            assertThat(r.digest()).startsWith("sha256:").hasSize(71);
        });
    }
}
