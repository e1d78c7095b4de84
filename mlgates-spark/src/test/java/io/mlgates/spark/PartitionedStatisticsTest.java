package io.mlgates.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.stats.Statistics;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: random rows, shuffled into a random number of partitions (empty ones too), give exactly the statistics
 * of one pass over the same rows as a CSV file ({@code mlgates stats}), byte for byte once the origin is set aside.
 */
class PartitionedStatisticsTest extends LocalSparkTest {
    private static final StructType BINARY = new StructType()
            .add("label", DataTypes.StringType, true)
            .add("score", DataTypes.DoubleType, true)
            .add("weight", DataTypes.DoubleType, true)
            .add("g1", DataTypes.StringType, true)
            .add("g2", DataTypes.StringType, true);
    private static final StructType REGRESSION = new StructType()
            .add("label", DataTypes.DoubleType, true)
            .add("prediction", DataTypes.DoubleType, true)
            .add("g1", DataTypes.StringType, true);
    private static final String BINARY_POLICY = """
            task: binary
            slices:
              - column: g1
                limits:
                  - metric: roc_auc
                    min: 0.1
            ethics:
              fairness:
                sensitive: [g1, g2]
                intersections:
                  - [g1, g2]
            """;
    private static final String REGRESSION_POLICY = """
            task: regression
            slices:
              - column: g1
                limits:
                  - metric: mae
                    max: 10
            """;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("binary rows with weights, ties and groups, in random partitions: the single pass's statistics")
    void binaryRowsInRandomPartitions() throws Exception {
        Random random = new Random(20261203);
        Policy policy = policy(BINARY_POLICY);
        for (int trial = 0; trial < 12; trial++) {
            int n = 1 + random.nextInt(trial < 6 ? 40 : 1500);
            int decimals = 1 + random.nextInt(3);
            double positives = random.nextDouble();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double scale = Math.pow(10, decimals);
                rows.add(RowFactory.create(random.nextDouble() < positives ? "1" : "0",
                        Math.round(random.nextDouble() * scale) / scale,
                        new double[] {1, 1, 0.5, 3.7, 0, 1e-3, 2}[random.nextInt(7)],
                        "a" + random.nextInt(3), "b" + random.nextInt(2)));
            }
            assertSameAsOnePass(rows, BINARY, policy, random, "trial " + trial + ", " + n + " rows");
        }
    }

    @Test
    @DisplayName("40 partitions merged on the executors in a tree of depth 2: the single pass's statistics")
    void manyPartitionsMergeInATree() throws Exception {
        Random random = new Random(40);
        Policy policy = policy(BINARY_POLICY);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            rows.add(RowFactory.create(random.nextDouble() < 0.3 ? "1" : "0",
                    Math.round(random.nextDouble() * 1000) / 1000.0,
                    new double[] {1, 1, 1, 0.5, 3.7, 1e-3, 2}[random.nextInt(7)],
                    "a" + random.nextInt(3), "b" + random.nextInt(2)));
        }
        // 40 results: two levels of merges of about 7 each, then one on an executor; none on the driver
        assertThat(SparkStatistics.treeDepth(40)).isEqualTo(2);
        assertSameAsOnePass(rows, BINARY, policy, random, "4000 rows", 40);
    }

    @Test
    @DisplayName("regression rows in random partitions: the single pass's exact sums")
    void regressionRowsInRandomPartitions() throws Exception {
        Random random = new Random(17);
        Policy policy = policy(REGRESSION_POLICY);
        for (int trial = 0; trial < 6; trial++) {
            int n = 1 + random.nextInt(800);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double y = random.nextGaussian() * 100;
                rows.add(RowFactory.create(y, y + random.nextGaussian() * (1 + random.nextInt(5)),
                        "a" + random.nextInt(4)));
            }
            assertSameAsOnePass(rows, REGRESSION, policy, random, "trial " + trial + ", " + n + " rows");
        }
    }

    @Test
    @DisplayName("a bad row is bad input naming the partition and the row, as a file's names its line")
    void badRowIsBadInput() throws Exception {
        List<Row> rows = List.of(RowFactory.create("1", 0.9, 1.0, "a", "b"), RowFactory.create("0", 1.5, 1.0, "a",
                "b"));
        Dataset<Row> table = spark.createDataFrame(new JavaSparkContext(spark.sparkContext()).parallelize(rows, 1),
                BINARY);
        assertThatThrownBy(() -> SparkStatistics.summarise(table, policy(BINARY_POLICY), "t.parquet", "parquet"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("t.parquet partition 0:2")
                .hasMessageContaining("score 1.5 is outside [0, 1]");
    }

    @Test
    @DisplayName("a missing column is refused before any task runs, with the reader's message")
    void missingColumnIsBadInput() {
        Dataset<Row> table = spark.createDataFrame(List.of(RowFactory.create(0.5)),
                new StructType().add("probability", DataTypes.DoubleType));
        assertThatThrownBy(() -> SparkStatistics.summarise(table, policy(BINARY_POLICY), "t.parquet", "parquet"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("t.parquet")
                .hasMessageContaining("label");
    }

    private Policy policy(String yaml) throws Exception {
        Path file = Files.createTempFile(tmp, "mlgates", ".yaml");
        Files.writeString(file, yaml);
        return new PolicyLoader().load(file, "mlgates.yaml", "model").policy();
    }

    private void assertSameAsOnePass(List<Row> rows, StructType schema, Policy policy, Random random, String what)
            throws Exception {
        assertSameAsOnePass(rows, schema, policy, random, what, 1 + random.nextInt(Math.min(12, rows.size() + 3)));
    }

    private void assertSameAsOnePass(List<Row> rows, StructType schema, Policy policy, Random random, String what,
                                     int partitions) throws Exception {
        Path csv = tmp.resolve("rows.csv");
        StringBuilder text = new StringBuilder(String.join(",", schema.fieldNames())).append('\n');
        for (Row r : rows) {
            for (int i = 0; i < r.size(); i++) {
                text.append(i == 0 ? "" : ",").append(r.get(i));
            }
            text.append('\n');
        }
        Files.writeString(csv, text);
        RowStatistics.Shape shape = RowStatistics.Shape.of(policy);
        byte[] onePass;
        try (ScoreBudget budget = ScoreBudget.defaults();
             PredictionReader reader = PredictionReader.open(csv, "rows.csv", policy.predictions(), policy.task(),
                     shape.groupColumns(), (r, b) -> { })) {
            onePass = bytes(RowStatistics.read(reader, policy.predictions(), policy.task(), shape, budget));
        }

        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        Dataset<Row> table = spark.createDataFrame(new JavaSparkContext(spark.sparkContext())
                .parallelize(shuffled, partitions), schema);
        byte[] summarised;
        try (SparkStatistics.Summary summary = SparkStatistics.summarise(table, policy, "table", "memory")) {
            assertThat(summary.statistics().origin().orElseThrow().partitions()).isEqualTo(partitions);
            summarised = bytes(summary.statistics());
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode fromSpark = json.readTree(summarised);
        assertThat(fromSpark.path("origin").path("rows").asLong()).as(what).isEqualTo(rows.size());
        ((ObjectNode) fromSpark).remove("origin");
        assertThat(json.writeValueAsString(fromSpark)).as(what + " in " + partitions + " partitions")
                .isEqualTo(json.writeValueAsString(json.readTree(onePass)));
    }

    private static byte[] bytes(Statistics statistics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        statistics.write(out);
        return out.toByteArray();
    }
}
