package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.RegressionAccumulator;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.stats.Statistics;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.core.workspace.Workspace;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates judging statistics files instead of rows: the example's rows, summarised whole or in shards by the
 * statistics seam, give the metrics and checks of the rows bit for bit; statistics built for other rules are refused.
 */
class StatisticsJudgedTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");
    private static final SeenChainHead NOT_READ = SeenChainHead.none(".mlgates/registry.db", "not read");

    @TempDir
    static Path tmp;

    private static Workspace ws;
    private static LoadedPolicy policy;
    private static List<String> lines;

    @BeforeAll
    static void load() throws Exception {
        ws = Workspace.at(EXAMPLE);
        policy = new PolicyLoader().loadFromRepository(ws.root());
        lines = Files.readAllLines(EXAMPLE.resolve("eval/predictions.csv"), StandardCharsets.UTF_8);
    }

    /** The rows {@code from} to {@code to} (0-based, header excluded) of the example's predictions, as a file. */
    private static Path shardOfRows(String name, int from, int to) throws Exception {
        List<String> shard = new ArrayList<>();
        shard.add(lines.get(0));
        shard.addAll(lines.subList(1 + from, 1 + to));
        Path file = tmp.resolve(name + ".csv");
        Files.write(file, shard, StandardCharsets.UTF_8);
        return file;
    }

    /** The statistics of {@code csv} under {@code p}, written as {@code mlgates stats} writes them. */
    private static Path statisticsOf(Path csv, Policy p, String name) throws Exception {
        RowStatistics.Shape shape = RowStatistics.Shape.of(p);
        Path out = tmp.resolve(name + ".json");
        try (ScoreBudget budget = ScoreBudget.defaults();
             PredictionReader reader = PredictionReader.open(csv, csv.getFileName().toString(), p.predictions(),
                     p.task(), shape.groupColumns(), ProgressListener.NONE);
             OutputStream o = Files.newOutputStream(out)) {
            RowStatistics.read(reader, p.predictions(), p.task(), shape, budget).write(o);
        }
        return out;
    }

    private static List<Path> shards(Policy p, String prefix, int... bounds) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            files.add(statisticsOf(shardOfRows(prefix + i, bounds[i], bounds[i + 1]), p, prefix + i));
        }
        return files;
    }

    private static List<RequestedFile> requested(List<Path> files) {
        return files.stream().map(f -> RequestedFile.usersOwn(f)).toList();
    }

    private static GateResult validate(List<Path> statistics) throws BadInputException {
        return new ValidationGate().evaluate(new ValidationRequest(ws, policy, Optional.empty(), Optional.empty(),
                StageMetrics.unavailable("no registry"), ProgressListener.NONE, FixedClock.CLOCK, NOT_READ,
                ColumnChoice.none(), requested(statistics)));
    }

    private static GateResult ethics(List<Path> statistics, Optional<List<String>> sensitive)
            throws BadInputException {
        return new EthicsGate().evaluate(new EthicsRequest(ws, policy, Optional.empty(), sensitive, Map.of(),
                ProgressListener.NONE, FixedClock.CLOCK, NOT_READ, ColumnChoice.none(), requested(statistics)));
    }

    /** Everything but the data checks' words, which name what was read. */
    private static List<CheckResult> withoutValueChecks(List<CheckResult> checks) {
        return checks.stream().filter(c -> !c.id().equals("schema:inputs") && !c.id().equals("schema:data")
                && !c.id().matches("schema:.*:(missing|type|range|category|nulls)")).toList();
    }

    private static void assertSameJudgement(GateResult fromStatistics, GateResult fromRows) {
        assertThat(fromStatistics.metrics()).isEqualTo(fromRows.metrics());
        assertThat(fromStatistics.curves()).isEqualTo(fromRows.curves());
        assertThat(fromStatistics.fairness()).isEqualTo(fromRows.fairness());
        assertThat(fromStatistics.status()).isEqualTo(fromRows.status());
        assertThat(fromStatistics.candidate()).isEqualTo(fromRows.candidate());
        // statistics hold no input values: the schema's checks of the data's values are the rows' alone
        List<CheckResult> rowChecks = withoutValueChecks(fromRows.checks());
        List<CheckResult> statisticsChecks = withoutValueChecks(fromStatistics.checks());
        assertThat(statisticsChecks).hasSameSizeAs(rowChecks);
        for (int i = 0; i < rowChecks.size(); i++) {
            CheckResult rows = rowChecks.get(i);
            CheckResult statistics = statisticsChecks.get(i);
            if (rows.id().startsWith("data:")) {
                assertThat(new CheckResult(statistics.id(), statistics.status(), statistics.metric(),
                        statistics.observed(), statistics.ci(), statistics.limit(), statistics.baseline(),
                        statistics.slice(), rows.message(), statistics.waiver())).as(rows.id()).isEqualTo(rows);
            } else {
                assertThat(statistics).as(rows.id()).isEqualTo(rows);
            }
        }
        DataSummary rows = fromRows.data();
        DataSummary statistics = fromStatistics.data();
        assertThat(statistics.source()).isEqualTo(DataSource.STATISTICS);
        assertThat(rows.source()).isEqualTo(DataSource.ROWS);
        assertThat(statistics.rows()).isEqualTo(rows.rows());
        assertThat(statistics.droppedRows()).isEqualTo(rows.droppedRows());
        assertThat(statistics.failedPredictions()).isEqualTo(rows.failedPredictions());
        assertThat(statistics.classes()).isEqualTo(rows.classes());
        assertThat(statistics.binary()).isEqualTo(rows.binary());
    }

    private static String sha256(Path file) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    @DisplayName("the validation gate judges the example's statistics, whole or in three shards in any order, as it"
            + " judges the rows: the same metrics, curves and checks, bit for bit")
    void validationFromStatisticsIsValidationFromRows() throws Exception {
        GateResult fromRows = new ValidationGate().evaluate(ValidationRequest.of(ws, policy, FixedClock.CLOCK));
        Path whole = statisticsOf(EXAMPLE.resolve("eval/predictions.csv"), policy.policy(), "whole");
        List<Path> three = shards(policy.policy(), "v", 0, 97, 211, 300);

        assertSameJudgement(validate(List.of(whole)), fromRows);
        GateResult fromShards = validate(three);
        assertSameJudgement(fromShards, fromRows);
        assertSameJudgement(validate(List.of(three.get(2), three.get(0), three.get(1))), fromRows);

        assertThat(fromShards.data().predictions()).isEqualTo(three.stream().map(ws::display)
                .reduce((a, b) -> a + ", " + b).orElseThrow());
        assertThat(fromShards.data().bytes()).isEqualTo(Files.size(three.get(0)) + Files.size(three.get(1))
                + Files.size(three.get(2)));
        List<Evidence.Input> inputs = fromShards.evidence().inputs();
        assertThat(inputs.subList(0, 3)).extracting(Evidence.Input::role).containsOnly("statistics");
        for (int i = 0; i < 3; i++) {
            assertThat(inputs.get(i).digest()).isEqualTo(sha256(three.get(i)));
            assertThat(inputs.get(i).file()).isEqualTo(ws.display(three.get(i)));
        }
        assertThat(inputs.subList(3, inputs.size())).isEqualTo(fromRows.evidence().inputs().subList(1,
                fromRows.evidence().inputs().size()));
        assertThat(fromShards.evidence().overrides()).isEqualTo(fromRows.evidence().overrides());
        assertThat(fromShards.checks()).filteredOn(c -> c.id().equals("data:rows")).singleElement()
                .satisfies(c -> assertThat(c.message()).startsWith("300 rows counted in statistics "));
    }

    @Test
    @DisplayName("judging statistics, the feature file data.current names is still checked against the schema, as"
            + " a read of the rows checks it")
    void theFeatureFileIsCheckedWhenStatisticsAreJudged() throws Exception {
        GateResult fromRows = new ValidationGate().evaluate(ValidationRequest.of(ws, policy, FixedClock.CLOCK));
        GateResult fromStatistics = validate(shards(policy.policy(), "f", 0, 300));

        List<CheckResult> schemaOfStatistics = fromStatistics.checks().stream()
                .filter(c -> c.id().startsWith("schema:")).toList();
        assertThat(schemaOfStatistics).isEqualTo(fromRows.checks().stream()
                .filter(c -> c.id().startsWith("schema:")).toList());
        assertThat(schemaOfStatistics).extracting(CheckResult::id).contains("schema:data")
                .doesNotContain("schema:inputs");
    }

    @Test
    @DisplayName("the ethics gate judges the example's statistics in two shards as it judges the rows, with the"
            + " policy's sensitive columns and with fewer than the statistics hold")
    void ethicsFromStatisticsIsEthicsFromRows() throws Exception {
        List<Path> two = shards(policy.policy(), "e", 0, 150, 300);
        assertSameJudgement(ethics(two, Optional.empty()), new EthicsGate().evaluate(EthicsRequest.of(ws, policy,
                FixedClock.CLOCK)));

        Optional<List<String>> sexOnly = Optional.of(List.of("sex"));
        GateResult rows = new EthicsGate().evaluate(new EthicsRequest(ws, policy, Optional.empty(), sexOnly,
                Map.of(), ProgressListener.NONE, FixedClock.CLOCK, NOT_READ, ColumnChoice.none()));
        GateResult statistics = ethics(two, sexOnly);
        assertSameJudgement(statistics, rows);
        assertThat(statistics.fairness().orElseThrow().attributes()).containsOnlyKeys("sex");
    }

    /** The example's policy with one change, as a policy of its own. */
    private static Policy variant(UnaryOperator<String> change) throws Exception {
        String yaml = Files.readString(EXAMPLE.resolve("mlgates.yaml"));
        String changed = change.apply(yaml);
        assertThat(changed).as("the variant changes the policy").isNotEqualTo(yaml);
        Path dir = Files.createTempDirectory(tmp, "variant");
        Path file = dir.resolve("mlgates.yaml");
        Files.writeString(file, changed);
        return new PolicyLoader().load(file, "mlgates.yaml", "credit-risk").policy();
    }

    private static Path statisticsUnder(UnaryOperator<String> change, String name) throws Exception {
        return statisticsOf(EXAMPLE.resolve("eval/predictions.csv"), variant(change), name);
    }

    @Test
    @DisplayName("statistics of another task are refused with the file, the pointer and what was expected")
    void anotherTaskIsRefused() throws Exception {
        Path file = tmp.resolve("regression.json");
        try (OutputStream o = Files.newOutputStream(file)) {
            RegressionAccumulator acc = new RegressionAccumulator();
            acc.add(1.0, 1.5, 1.0);
            Statistics.regression(acc, Map.of(), 0, 0).write(o);
        }
        assertThatThrownBy(() -> validate(List.of(file))).isInstanceOf(BadInputException.class)
                .hasMessageContaining(ws.display(file) + ":1:")
                .hasMessageContaining("at /task: expected a binary model's statistics, as the policy's task, got a"
                        + " regression model's");
    }

    @Test
    @DisplayName("statistics without a slice column the policy judges are refused, never judged without the slice")
    void missingSliceIsRefused() throws Exception {
        Path file = statisticsUnder(y -> y.replaceAll("(?s)\nslices:.*?\nbaseline:", "\nbaseline:"), "noslices");
        assertThatThrownBy(() -> validate(List.of(file))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at /slices: expected the slice column 'age_band' that the policy's slices"
                        + " judge, got no slice column");
    }

    @Test
    @DisplayName("statistics without a sensitive column or an intersection the policy judges are refused")
    void missingSensitiveColumnsAreRefused() throws Exception {
        Path none = statisticsUnder(y -> y.replace("sensitive: [sex, age_band]", "sensitive: []")
                .replace("      - [sex, age_band]\n", "").replace("intersections:", "intersections: []")
                .replaceAll("(?s)    reference:.*?      age_band: 25-39\n", ""), "nosensitive");
        assertThatThrownBy(() -> ethics(List.of(none), Optional.empty())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at /fairness: expected the groups of the sensitive columns the policy judges"
                        + " (sex, age_band, sex&age_band), got no fairness groups");

        Path noIntersection = statisticsUnder(y -> y.replace("      - [sex, age_band]\n", "")
                .replace("intersections:", "intersections: []"), "nointersection");
        assertThatThrownBy(() -> ethics(List.of(noIntersection), Optional.empty()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("at /fairness/attributes: expected the groups of 'sex&age_band', which the"
                        + " policy judges, got the attributes [sex, age_band]");
    }

    @Test
    @DisplayName("statistics without the rank summary that a limit on roc_auc needs are refused")
    void missingRankSummaryIsRefused() throws Exception {
        Path file = tmp.resolve("noranks.json");
        try (ScoreBudget budget = ScoreBudget.defaults(); OutputStream o = Files.newOutputStream(file)) {
            BinaryAccumulator acc = new BinaryAccumulator(true, false, 10, budget);
            acc.add(true, true, 0.9, 1);
            acc.add(false, false, 0.1, 1);
            Statistics.binary(List.of("bad", "good"), acc, Map.of(), Optional.empty(),
                    new Statistics.Decisions("bad", 0.5, Optional.of("prediction")), 0, 0).write(o);
        }
        assertThatThrownBy(() -> validate(List.of(file))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at /metrics/ranks: expected the rank summary that the policy's limits on rank"
                        + " metrics (roc_auc, average_precision) need, got statistics without one");
    }

    @Test
    @DisplayName("statistics built with other calibration bins, or another positive class, are refused")
    void otherShapesAreRefused() throws Exception {
        Path bins = statisticsUnder(y -> y.replace("metrics:\n  reported:", "metrics:\n  calibrationBins: 20\n"
                + "  reported:"), "bins20");
        assertThatThrownBy(() -> validate(List.of(bins))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at /metrics/calibrationBins: expected 10 calibration bins, as the policy's"
                        + " metrics.calibrationBins, got 20");
        Path positive = statisticsUnder(y -> y.replace("positive: bad", "positive: good")
                .replace("recall on", "recall on"), "positivegood");
        assertThatThrownBy(() -> ethics(List.of(positive), Optional.empty())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at /decisions: expected rows read as decisions as the policy reads them"
                        + " (positive 'bad', the decisions of column 'prediction' or else the score cut at 0.5), got"
                        + " positive 'good', the decisions of column 'prediction'");
    }

    @Test
    @DisplayName("statistics name no candidate: without the model's artefacts they are refused")
    void statisticsWithoutArtefactsAreRefused(@TempDir Path bare) throws Exception {
        Path whole = statisticsOf(EXAMPLE.resolve("eval/predictions.csv"), policy.policy(), "bare");
        Files.writeString(bare.resolve("mlgates.yaml"), "task: binary\npredictions:\n  positive: bad\n");
        Workspace elsewhere = Workspace.at(bare);
        LoadedPolicy defaults = new PolicyLoader().loadFromRepository(bare);
        assertThatThrownBy(() -> new ValidationGate().evaluate(new ValidationRequest(elsewhere, defaults,
                Optional.empty(), Optional.empty(), StageMetrics.unavailable("no registry"), ProgressListener.NONE,
                FixedClock.CLOCK, NOT_READ, ColumnChoice.none(), requested(List.of(whole)))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("statistics judge a model only beside its artefacts");
    }
}
