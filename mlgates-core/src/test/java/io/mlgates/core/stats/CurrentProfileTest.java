package io.mlgates.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.data.TableRows;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.profile.ColumnValues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics file's {@code profile} section: the current data's column profiles, merged from shards' files,
 * are one pass's, bit for bit, also where a merge changes what a column keeps (spellings past the cap, text joining
 * a column of numbers); and a section that does not hold is refused at its pointer.
 */
class CurrentProfileTest {
    private static final List<String> COLUMNS = List.of("label", "score", "age", "mixed", "purpose", "income",
            "twice", "sparse", "id");

    @TempDir
    Path tmp;

    private Policy policy() throws Exception {
        Files.writeString(tmp.resolve("mlgates.yaml"), """
                task: binary
                predictions:
                  positive: "1"
                  classes: ["0", "1"]
                data:
                  reference: data/reference.csv
                """);
        return new PolicyLoader().load(tmp.resolve("mlgates.yaml"), "mlgates.yaml", "repo").policy();
    }

    /**
     * Rows whose columns end in each kind a profile keeps: numbers written two ways ({@code age}), numbers with a
     * rare text value ({@code mixed}: some shards see only numbers), categories, over 10000 distinct numbers
     * ({@code income}: buckets), 8000 numbers in 16000 spellings ({@code twice}: past the cap only with
     * the spellings), mostly blanks, and over 10000 distinct texts ({@code id}: too many).
     */
    private static List<String[]> rows(long seed, int n) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int age = 18 + random.nextInt(60);
            int twice = random.nextInt(8000);
            rows.add(new String[] {
                    random.nextBoolean() ? "1" : "0",
                    Double.toString(random.nextInt(100) / 100.0),
                    random.nextBoolean() ? Integer.toString(age) : age + ".0",
                    random.nextInt(3000) == 0 ? "n/a" : Integer.toString(random.nextInt(50)),
                    List.of("car", "radio", "education", "business").get(random.nextInt(4)),
                    Double.toString(1000 + random.nextInt(20_000) / 7.0),
                    random.nextBoolean() ? Integer.toString(twice) : twice + ".0",
                    random.nextInt(10) == 0 ? Integer.toString(random.nextInt(5)) : " ",
                    "row-" + i});
        }
        return rows;
    }

    private static TableRows table(List<String[]> rows) {
        return table(COLUMNS, rows);
    }

    private static TableRows table(List<String> columns, List<String[]> rows) {
        return new TableRows() {
            private int next = -1;

            @Override
            public List<String> columns() {
                return columns;
            }

            @Override
            public boolean next() {
                return ++next < rows.size();
            }

            @Override
            public String text(int index) {
                return rows.get(next)[index];
            }
        };
    }

    private static Statistics statistics(Policy p, List<String[]> rows, ScoreBudget budget) throws Exception {
        RowStatistics.Shape shape = RowStatistics.Shape.of(p);
        List<String> columns = CurrentProfile.columns(p, p.predictions(), COLUMNS);
        try (PredictionReader reader = PredictionReader.open(table(rows), "rows", p.predictions(), p.task(),
                shape.groupColumns(), columns)) {
            return CurrentProfile.readWithStatistics(reader, p.predictions(), p.task(), shape, budget, columns);
        }
    }

    private static byte[] bytes(Statistics s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.write(out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("statistics files of random shards, merged in any order, carry the single pass's column profiles,"
            + " bit for bit, whatever each shard's columns kept")
    void shardsMergeIntoTheSinglePassProfile() throws Exception {
        Policy p = policy();
        try (ScoreBudget budget = ScoreBudget.defaults()) {
            for (long seed = 1; seed <= 4; seed++) {
                List<String[]> rows = rows(seed, 20_000);
                Statistics single = statistics(p, rows, budget);
                var inputs = single.profile().orElseThrow().inputs();
                assertThat(inputs.names()).containsExactly("age", "mixed", "purpose", "income", "twice", "sparse",
                        "id");
                assertThat(inputs.column("twice").orElseThrow().values()).isInstanceOf(ColumnValues.Buckets.class);
                assertThat(inputs.column("income").orElseThrow().values()).isInstanceOf(ColumnValues.Buckets.class);
                assertThat(inputs.column("id").orElseThrow().values()).isInstanceOf(ColumnValues.TooMany.class);
                assertThat(inputs.column("age").orElseThrow().values()).isInstanceOf(ColumnValues.Numbers.class);
                byte[] expected = bytes(single);

                Random random = new Random(seed * 31);
                int shards = 2 + random.nextInt(5);
                List<Integer> cuts = new ArrayList<>(List.of(0, rows.size()));
                while (cuts.size() < shards + 1) {
                    int cut = random.nextInt(rows.size() + 1);
                    cuts.add(cut); // a repeated cut makes an empty shard
                }
                Collections.sort(cuts);
                List<Statistics> read = new ArrayList<>();
                for (int i = 0; i + 1 < cuts.size(); i++) {
                    byte[] file = bytes(statistics(p, rows.subList(cuts.get(i), cuts.get(i + 1)), budget));
                    read.add(StatisticsFiles.parse(file, "shard-" + i + ".json", budget, 10_000));
                }
                Collections.shuffle(read, random);
                Statistics merged = read.get(0);
                for (Statistics s : read.subList(1, read.size())) {
                    merged.merge(s);
                }
                assertThat(new String(bytes(merged), StandardCharsets.UTF_8)).as("seed " + seed)
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    @DisplayName("a regression model's failed predictions are neither judged nor profiled: the section's rows are the"
            + " statistics' rows, and the file reads back")
    void failedPredictionsOfARegressionAreNotProfiled() throws Exception {
        Files.writeString(tmp.resolve("regression.yaml"), """
                task: regression
                predictions:
                  invalidRows: drop
                data:
                  reference: data/reference.csv
                """);
        Policy p = new PolicyLoader().load(tmp.resolve("regression.yaml"), "regression.yaml", "repo").policy();
        List<String> columns = List.of("label", "prediction", "x");
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new String[] {Integer.toString(i), i == 7 ? "oops" : Double.toString(i + 0.5),
                    Integer.toString(i % 4)});
        }
        RowStatistics.Shape shape = RowStatistics.Shape.of(p);
        List<String> inputs = CurrentProfile.columns(p, p.predictions(), columns);
        assertThat(inputs).containsExactly("x");
        try (ScoreBudget budget = ScoreBudget.defaults();
             PredictionReader reader = PredictionReader.open(table(columns, rows), "rows", p.predictions(), p.task(),
                     shape.groupColumns(), inputs)) {
            Statistics s = CurrentProfile.readWithStatistics(reader, p.predictions(), p.task(), shape, budget,
                    inputs);
            assertThat(s.failedPredictions()).isEqualTo(1);
            assertThat(s.profile().orElseThrow().rows()).isEqualTo(49).isEqualTo(s.rows());
            Statistics read = StatisticsFiles.parse(bytes(s), "s.json", budget, 10_000);
            assertThat(read.profile().orElseThrow().inputs().column("x").orElseThrow().numbers()).isEqualTo(49);
            assertThat(read.profile().orElseThrow().hasOutput()).isFalse();
        }
    }

    @Test
    @DisplayName("the statistics schema's column object is the profile schema's, which the section's columns are")
    void sectionColumnsAreTheProfileContractsColumns() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var statistics = StatisticsFiles.class.getResourceAsStream(StatisticsFiles.SCHEMA);
             var profile = ProfileFiles.class.getResourceAsStream(ProfileFiles.SCHEMA)) {
            var column = json.readTree(statistics).at("/$defs/column");
            assertThat(column.isObject()).isTrue();
            assertThat(column).isEqualTo(json.readTree(profile).at("/$defs/column"));
        }
    }

    @Test
    @DisplayName("a section whose spellings count other numbers than its column is refused at its pointer and line")
    void spellingsThatDoNotFitAreRefused() throws Exception {
        Policy p = policy();
        try (ScoreBudget budget = ScoreBudget.defaults()) {
            String file = new String(bytes(statistics(p, rows(5, 200), budget)), StandardCharsets.UTF_8);
            int at = file.indexOf("\"age\":[[\"");
            assertThat(at).isPositive();
            String lying = file.substring(0, at) + file.substring(at).replaceFirst("\\[\\[\"(\\d+)\",",
                    "[[\"$1.5\",");
            BadInputException e = catchThrowableOfType(BadInputException.class,
                    () -> StatisticsFiles.parse(lying.getBytes(StandardCharsets.UTF_8), "s.json", budget, 10_000));
            assertThat(e.getMessage()).matches("s\\.json:\\d+:\\d+: .*").contains("at /profile/spellings/age:")
                    .contains("the spellings count other numbers than the column's values");
        }
    }
}
