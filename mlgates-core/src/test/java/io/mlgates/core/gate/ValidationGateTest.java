package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.metrics.Direction;
import io.mlgates.core.policy.Baseline;
import io.mlgates.core.policy.BaselineComparison;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.InvalidRows;
import io.mlgates.core.policy.Judge;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.MetricLimit;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.policy.Severity;
import io.mlgates.core.policy.SliceRule;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.workspace.Workspace;
import io.mlgates.core.testing.FixedClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationGateTest {
    private static final String EMPTY_DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path repo;

    @BeforeEach
    void modelAndPredictions() throws Exception {
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/m.bin"), "model");
        Files.createDirectories(repo.resolve("eval"));
        // 4 positives, 4 negatives; scores rank 15 of 16 pairs right: roc_auc 0.9375. Region a has 6 rows, b 2.
        Files.writeString(repo.resolve("eval/predictions.csv"), """
                label,score,region
                1,0.9,a
                1,0.8,a
                1,0.4,a
                1,0.7,b
                0,0.6,a
                0,0.3,a
                0,0.2,b
                0,0.1,a
                """);
    }

    private GateResult run(Policy policy) throws BadInputException {
        return new ValidationGate().evaluate(ValidationRequest.of(Workspace.at(repo),
                new LoadedPolicy(policy, EMPTY_DIGEST, Optional.empty()), FixedClock.CLOCK));
    }

    private static Policy with(List<MetricLimit> limits, Optional<Baseline> baseline, List<SliceRule> slices) {
        Policy d = Policy.defaults("m");
        return new Policy("m", d.artifacts(), TaskType.BINARY, d.predictions(), 0.95, 10, Optional.empty(), limits,
                baseline, slices, d.ethics(), List.of(), d.promotion());
    }

    private static MetricLimit min(String metric, double min, Severity severity, Judge judge) {
        return new MetricLimit(metric, OptionalDouble.of(min), OptionalDouble.empty(), severity, judge);
    }

    private static CheckResult check(GateResult r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("without limits the gate measures, checks that rows were read, and WARNs that it judged nothing")
    void defaultsJudgeNothingAndWarn() throws Exception {
        GateResult r = run(Policy.defaults("m"));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.checks()).extracting(CheckResult::id).containsExactly("data:rows", "policy:judged");
        assertThat(r.checks().get(1).status()).isEqualTo(Status.WARN);
        assertThat(r.checks().get(1).message()).startsWith("no limits: only the data was checked; ")
                .contains("limits, baseline.compare or slices");
        assertThat(r.metrics().get("roc_auc").value()).hasValue(0.9375);
        assertThat(r.data().rows()).isEqualTo(8);
        assertThat(r.candidate().fileCount()).isEqualTo(1);
        assertThat(r.policyDigest()).isEqualTo(EMPTY_DIGEST);
    }

    @Test
    @DisplayName("a broken fail limit fails the gate, a broken warn limit warns, a kept limit passes")
    void severities() throws Exception {
        GateResult r = run(with(List.of(min("roc_auc", 0.9, Severity.FAIL, Judge.ESTIMATE),
                min("accuracy", 0.9, Severity.WARN, Judge.ESTIMATE)), Optional.empty(), List.of()));
        assertThat(check(r, "limit:roc_auc:min").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "limit:accuracy:min").status()).isEqualTo(Status.WARN);
        assertThat(check(r, "limit:accuracy:min").message()).isEqualTo("accuracy = 0.75 breaks the limit >= 0.9");
        assertThat(r.status()).isEqualTo(Status.WARN);

        GateResult failing = run(with(List.of(min("roc_auc", 0.95, Severity.FAIL, Judge.ESTIMATE)),
                Optional.empty(), List.of()));
        assertThat(failing.status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("judging the bound compares the lower confidence bound, which 8 rows keep far below the estimate")
    void judgesTheBound() throws Exception {
        GateResult r = run(with(List.of(min("accuracy", 0.7, Severity.FAIL, Judge.BOUND)), Optional.empty(),
                List.of()));
        CheckResult c = check(r, "limit:accuracy:min");
        assertThat(c.status()).isEqualTo(Status.FAIL);
        assertThat(c.limit().orElseThrow().judged()).isEqualTo(Limit.Judged.LOWER_BOUND);
        assertThat(c.ci()).isPresent();
        assertThat(c.message()).startsWith("lower bound of accuracy = ");
    }

    @Test
    @DisplayName("two limits on one metric (warn and fail thresholds) are kept apart by their ids")
    void twoLimitsOnOneMetric() throws Exception {
        GateResult r = run(with(List.of(min("recall", 0.9, Severity.WARN, Judge.ESTIMATE),
                min("recall", 0.5, Severity.FAIL, Judge.ESTIMATE)), Optional.empty(), List.of()));
        assertThat(r.checks()).extracting(CheckResult::id).contains("limit:recall:min", "limit:recall:min#2");
        assertThat(r.status()).isEqualTo(Status.WARN);
    }

    @Test
    @DisplayName("a limit on an unknown metric is an ERROR that lists the known ones, never a pass")
    void unknownMetricIsError() throws Exception {
        GateResult r = run(with(List.of(min("auc", 0.5, Severity.FAIL, Judge.ESTIMATE)), Optional.empty(),
                List.of()));
        assertThat(check(r, "limit:auc:min").status()).isEqualTo(Status.ERROR);
        assertThat(check(r, "limit:auc:min").message()).contains("roc_auc");
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.status().isSuccessful()).isFalse();
    }

    @Test
    @DisplayName("a limit on a metric the data leaves undefined is an ERROR with the reason")
    void undefinedMetricIsError() throws Exception {
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,score\n0,0.2\n0,0.6\n");
        GateResult r = run(with(List.of(min("recall", 0.5, Severity.WARN, Judge.ESTIMATE)), Optional.empty(),
                List.of()));
        CheckResult c = check(r, "limit:recall:min");
        assertThat(c.status()).isEqualTo(Status.ERROR);
        assertThat(c.message()).startsWith("recall is undefined: ");
        assertThat(c.observed()).isEmpty();
    }

    @Test
    @DisplayName("a slice limit or a baseline comparison on a metric the data leaves undefined is an ERROR with the"
            + " reason, never WARN or PASS, whatever the severity")
    void undefinedMetricIsAnErrorInSlicesAndComparisons() throws Exception {
        // region b holds no negative label, so its specificity is 0/0; the whole file has no score column's rank
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,prediction,region\n1,1,a\n0,0,a\n1,0,b\n");
        Files.writeString(repo.resolve("baseline.json"), "{\"roc_auc\": 0.9}");
        SliceRule rule = new SliceRule("region", 1, List.of(min("specificity", 0.5, Severity.WARN, Judge.ESTIMATE)));
        BaselineComparison auc = new BaselineComparison("roc_auc", OptionalDouble.of(0.02), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Severity.WARN);
        GateResult r = run(with(List.of(), Optional.of(new Baseline("baseline.json", List.of(auc))), List.of(rule)));
        CheckResult slice = check(r, "slice:region=b:specificity:min");
        assertThat(slice.status()).isEqualTo(Status.ERROR);
        assertThat(slice.message()).isEqualTo("specificity in slice region=b is undefined: no negative labels:"
                + " specificity is 0/0");
        assertThat(check(r, "slice:region=a:specificity:min").status()).isEqualTo(Status.PASS);
        CheckResult compare = check(r, "baseline:roc_auc:compare");
        assertThat(compare.status()).isEqualTo(Status.ERROR);
        assertThat(compare.message()).startsWith("roc_auc of the candidate is undefined: ");
        assertThat(r.status()).isEqualTo(Status.ERROR);
    }

    @Test
    @DisplayName("baseline: absolute and relative drops are judged in the metric's direction")
    void baselineComparison() throws Exception {
        Files.writeString(repo.resolve("baseline.json"), "{\"roc_auc\": 0.95, \"log_loss\": 0.40}");
        BaselineComparison auc = new BaselineComparison("roc_auc", OptionalDouble.of(0.02), OptionalDouble.of(0.01),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Severity.FAIL);
        GateResult r = run(with(List.of(), Optional.of(new Baseline("baseline.json", List.of(auc))), List.of()));
        assertThat(check(r, "baseline:roc_auc:max_drop").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "baseline:roc_auc:max_relative_drop").status()).isEqualTo(Status.FAIL);
        assertThat(check(r, "baseline:roc_auc:max_drop").baseline()).hasValue(0.95);
        assertThat(check(r, "baseline:roc_auc:max_drop").limit().orElseThrow().value()).isEqualTo(0.93, within());
    }

    @Test
    @DisplayName("a relative gain on a negative baseline is taken on its magnitude, so a regression cannot pass")
    void negativeBaselineRelativeMargin() throws Exception {
        // A made-up reported score where higher is better and the baseline is negative: -1.0.
        Files.writeString(repo.resolve("reported.json"), "{\"utility\": -1.05}");
        Files.writeString(repo.resolve("baseline.json"), "{\"reported.utility\": -1.0}");
        BaselineComparison gain = new BaselineComparison("reported.utility", OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(0.1),
                Optional.of(Direction.HIGHER_IS_BETTER), Severity.FAIL);
        Policy d = with(List.of(), Optional.of(new Baseline("baseline.json", List.of(gain))), List.of());
        Policy p = new Policy("m", d.artifacts(), d.task(), d.predictions(), 0.95, 10, Optional.of("reported.json"),
                d.limits(), d.baseline(), d.slices(), d.ethics(), d.waivers(), d.promotion());
        CheckResult c = check(run(p), "baseline:reported.utility:min_relative_gain");
        // needs >= -1.0 + 0.1 * |-1.0| = -0.9; a naive r * baseline would demand only -1.1 and pass -1.05.
        assertThat(c.limit().orElseThrow().value()).isEqualTo(-0.9, within());
        assertThat(c.status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("a metric missing from the baseline, or of unknown direction, is an ERROR")
    void baselineMissingIsError() throws Exception {
        Files.writeString(repo.resolve("baseline.json"), "{\"accuracy\": 0.7, \"roc_auc\": null}");
        BaselineComparison auc = new BaselineComparison("roc_auc", OptionalDouble.of(0.02), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Severity.WARN);
        BaselineComparison f1 = new BaselineComparison("f1", OptionalDouble.of(0.02), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Severity.WARN);
        GateResult r = run(with(List.of(), Optional.of(new Baseline("baseline.json", List.of(auc, f1))), List.of()));
        assertThat(check(r, "baseline:roc_auc:compare").status()).isEqualTo(Status.ERROR);
        assertThat(check(r, "baseline:roc_auc:compare").message()).contains("undefined (null)");
        assertThat(check(r, "baseline:f1:compare").message()).contains("has no metric 'f1'");
        assertThat(r.status()).isEqualTo(Status.ERROR);
    }

    @Test
    @DisplayName("slices below minSize are SKIPPED with their size; the others are judged on their own rows")
    void slices() throws Exception {
        SliceRule rule = new SliceRule("region", 3, List.of(min("recall", 0.6, Severity.FAIL, Judge.ESTIMATE)));
        GateResult r = run(with(List.of(), Optional.empty(), List.of(rule)));
        CheckResult a = check(r, "slice:region=a:recall:min");
        assertThat(a.status()).isEqualTo(Status.PASS);
        assertThat(a.observed().getAsDouble()).isEqualTo(2.0 / 3, within()); // 0.9 and 0.8 of 0.9, 0.8, 0.4
        assertThat(a.slice()).hasValue("region=a");
        CheckResult b = check(r, "slice:region=b:recall");
        assertThat(b.status()).isEqualTo(Status.SKIPPED);
        assertThat(b.message()).isEqualTo("slice region=b has 2 rows, fewer than minSize 3: too few to judge");
        assertThat(r.status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("reported metrics are judged too, marked as reported")
    void reportedMetrics() throws Exception {
        Files.writeString(repo.resolve("reported.json"), "{\"val_auc\": 0.81, \"broken\": null}");
        Policy d = with(List.of(min("reported.val_auc", 0.85, Severity.WARN, Judge.ESTIMATE)), Optional.empty(),
                List.of());
        Policy p = new Policy("m", d.artifacts(), d.task(), d.predictions(), 0.95, 10, Optional.of("reported.json"),
                d.limits(), d.baseline(), d.slices(), d.ethics(), d.waivers(), d.promotion());
        GateResult r = run(p);
        assertThat(r.metrics().get("reported.val_auc").source()).isEqualTo(io.mlgates.core.metrics.MetricSource.REPORTED);
        assertThat(r.metrics().get("reported.broken").isDefined()).isFalse();
        assertThat(check(r, "limit:reported.val_auc:min").status()).isEqualTo(Status.WARN);
    }

    private static Policy dropping(double maxDroppedShare, List<MetricLimit> limits) {
        Policy d = Policy.defaults("m");
        PredictionSource s = d.predictions();
        PredictionSource dropping = new PredictionSource(s.path(), s.format(), s.delimiter(), s.label(), s.score(),
                s.prediction(), s.weight(), s.positive(), s.classes(), s.threshold(), InvalidRows.DROP,
                maxDroppedShare);
        return new Policy("m", d.artifacts(), d.task(), dropping, 0.95, 10, Optional.empty(), limits,
                Optional.empty(), List.of(), d.ethics(), d.waivers(), d.promotion());
    }

    @Test
    @DisplayName("dropped rows WARN within predictions.maxDroppedShare and FAIL above it")
    void droppedRowsCheck() throws Exception {
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,score\n1,0.9\n,0.5\n0,0.1\n0,0.2\n");
        GateResult allowed = run(dropping(0.25, List.of()));
        CheckResult c = check(allowed, "data:dropped_rows");
        assertThat(c.status()).isEqualTo(Status.WARN);
        assertThat(c.observed()).hasValue(1.0);
        assertThat(c.message()).contains("1 invalid rows dropped, 25.00% of 4 rows (within")
                .contains("predictions.csv:3");
        assertThat(allowed.data().rows()).isEqualTo(3);

        CheckResult above = check(run(dropping(PredictionSource.DEFAULT_MAX_DROPPED_SHARE, List.of())),
                "data:dropped_rows");
        assertThat(above.status()).isEqualTo(Status.FAIL);
        assertThat(above.message()).contains("(above predictions.maxDroppedShare 1.000%)");
    }

    @Test
    @DisplayName("a drop that removes every row of a class is an ERROR, whatever share it is")
    void dropEmptyingAClassIsError() throws Exception {
        // both positives have a weight that cannot be read: dropping them leaves only negatives
        Files.writeString(repo.resolve("eval/predictions.csv"),
                "label,score,weight\n1,0.9,x\n1,0.8,-1\n0,0.1,1\n0,0.2,1\n0,0.3,1\n0,0.4,1\n");
        GateResult r = run(dropping(1.0, List.of()));
        CheckResult c = check(r, "data:dropped_rows");
        assertThat(c.status()).isEqualTo(Status.ERROR);
        assertThat(c.message()).isEqualTo("2 invalid rows dropped, among them every row of class '1': no row of"
                + " that class is left to judge; fix these rows rather than drop them, first: eval/predictions.csv:2:"
                + " column 'weight': 'x' is not a number");
        assertThat(r.status()).isEqualTo(Status.ERROR);
    }

    @Test
    @DisplayName("columns chosen by the caller are read and recorded as overrides")
    void columnChoiceIsAnOverride() throws Exception {
        Files.writeString(repo.resolve("eval/predictions.csv"), "y_true,y_prob,label\n1,0.9,0\n0,0.1,1\n");
        Policy p = Policy.defaults("m");
        GateResult r = new ValidationGate().evaluate(new ValidationRequest(Workspace.at(repo),
                new LoadedPolicy(p, EMPTY_DIGEST, Optional.empty()), Optional.empty(), Optional.empty(),
                io.mlgates.core.data.ProgressListener.NONE, FixedClock.CLOCK, SeenChainHead.none(".mlgates/registry.db",
                "not read"), new ColumnChoice(Optional.of("y_true"), Optional.of("y_prob"), Optional.empty(),
                Optional.empty())));
        // read by y_true, every row is right; by the policy's label column, every row would be wrong
        assertThat(r.metrics().get("accuracy").value()).hasValue(1.0);
        assertThat(r.evidence().overrides()).containsExactly(java.util.Map.entry("columns.label", "y_true"),
                java.util.Map.entry("columns.score", "y_prob"));
    }

    @Test
    @DisplayName("a model that writes NaN on the rows it gets wrong does not reach accuracy 1.0 with invalidRows: drop")
    void nanOnTheWrongRows() throws Exception {
        // Six rows right, four (two of each class) answered with NaN where the model was wrong. Each failed row counts
        // as the other class with the worst score (0 for a positive, 1 for a negative): accuracy 6/10 = 0.6; ROC AUC
        // over positives {0.9, 0.8, 0.7, 0, 0} and negatives {0.1, 0.2, 0.3, 1, 1}: 9 of 25 pairs ranked right, 0.36.
        Files.writeString(repo.resolve("eval/predictions.csv"), """
                label,score
                1,0.9
                1,0.8
                1,0.7
                1,NaN
                1,NaN
                0,0.1
                0,0.2
                0,0.3
                0,NaN
                0,NaN
                """);
        GateResult r = run(dropping(PredictionSource.DEFAULT_MAX_DROPPED_SHARE,
                List.of(min("accuracy", 0.8, Severity.FAIL, Judge.ESTIMATE))));
        assertThat(r.metrics().get("accuracy").value()).hasValue(0.6);
        assertThat(r.metrics().get("roc_auc").value().getAsDouble()).isEqualTo(0.36, within());
        assertThat(r.data().rows()).isEqualTo(10);
        assertThat(r.data().droppedRows()).isZero();
        assertThat(r.data().failedPredictions()).isEqualTo(4);
        assertThat(check(r, "data:dropped_rows").status()).isEqualTo(Status.PASS);
        CheckResult failed = check(r, "data:failed_predictions");
        assertThat(failed.status()).isEqualTo(Status.WARN);
        assertThat(failed.message()).contains("4 rows have a label but no usable prediction")
                .contains("predictions.csv:5: column 'score': NaN is not a finite number");
        assertThat(check(r, "limit:accuracy:min").status()).isEqualTo(Status.FAIL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("a regression row without a usable prediction makes the gate err: there is no worst answer")
    void failedRegressionPredictionErrs() throws Exception {
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,prediction\n1.5,1.0\n2.0,NaN\n3.0,2.5\n");
        Policy d = dropping(PredictionSource.DEFAULT_MAX_DROPPED_SHARE, List.of());
        Policy regression = new Policy("m", d.artifacts(), TaskType.REGRESSION, d.predictions(), 0.95, 10,
                Optional.empty(), List.of(), Optional.empty(), List.of(), d.ethics(), d.waivers(), d.promotion());
        GateResult r = run(regression);
        assertThat(r.data().rows()).isEqualTo(2);
        assertThat(check(r, "data:failed_predictions").status()).isEqualTo(Status.ERROR);
        assertThat(r.status()).isEqualTo(Status.ERROR);
    }

    @Test
    @DisplayName("the result names the digest of each file read, the chain head given, and no override")
    void evidenceOfWhatWasRead() throws Exception {
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,score\n1,0.9\n0,0.1\n");
        Files.writeString(repo.resolve("eval/base.json"), "{}");
        Files.writeString(repo.resolve("eval/other.json"), "{}");
        Policy d = Policy.defaults("m");
        Policy p = new Policy("m", d.artifacts(), d.task(), d.predictions(), 0.95, 10, Optional.empty(), List.of(),
                Optional.of(new Baseline("eval/base.json", List.of())), List.of(), d.ethics(), d.waivers(),
                d.promotion());
        GateResult r = run(p);
        // printf 'label,score\n1,0.9\n0,0.1\n' | sha256sum; printf '{}' | sha256sum
        assertThat(r.evidence().inputs()).containsExactly(
                new Evidence.Input("predictions", "eval/predictions.csv",
                        "sha256:7e0c025afb57390ec9ec1927aaa918a35fed5c48c3f14c83abb648fc6fc45b1f"),
                new Evidence.Input("baseline", "eval/base.json",
                        "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"));
        assertThat(r.evidence().overrides()).isEmpty();
        assertThat(r.evidence().chainHead().reason()).hasValue("not read");

        GateResult overridden = new ValidationGate().evaluate(new ValidationRequest(Workspace.at(repo),
                new LoadedPolicy(p, EMPTY_DIGEST, Optional.of("lax.yaml")), Optional.of("eval/predictions.csv"),
                Optional.of("eval/./other.json"), io.mlgates.core.data.ProgressListener.NONE,
                java.time.Clock.systemUTC(), SeenChainHead.of(".mlgates/registry.db",
                new io.mlgates.core.audit.AuditHead(3, "ab".repeat(32))), ColumnChoice.none()));
        assertThat(overridden.evidence().overrides()).containsExactly(java.util.Map.entry("policy", "lax.yaml"),
                java.util.Map.entry("baseline", "eval/./other.json"));
        assertThat(overridden.evidence().chainHead().head()).hasValueSatisfying(h -> assertThat(h.seq()).isEqualTo(3));
    }

    @Test
    @DisplayName("a file with a header and no rows is an ERROR: there is nothing to judge")
    void noRowsIsError() throws Exception {
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,score\n");
        GateResult r = run(Policy.defaults("m"));
        assertThat(check(r, "data:rows").status()).isEqualTo(Status.ERROR);
        assertThat(r.metrics().get("accuracy").isDefined()).isFalse();
    }

    @Test
    @DisplayName("a prediction path outside the repository is refused before anything is read")
    void predictionsOutside() {
        Policy d = Policy.defaults("m");
        PredictionSource s = d.predictions();
        PredictionSource outside = new PredictionSource("../p.csv", s.format(), s.delimiter(), s.label(), s.score(),
                s.prediction(), s.weight(), s.positive(), s.classes(), s.threshold(), s.invalidRows(),
                s.maxDroppedShare());
        Policy p = new Policy("m", d.artifacts(), d.task(), outside, 0.95, 10, Optional.empty(), List.of(),
                Optional.empty(), List.of(), d.ethics(), d.waivers(), d.promotion());
        assertThatThrownBy(() -> run(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("leads outside the model repository");
    }

    @Test
    @DisplayName("a multiclass model is judged on its averages and per-class recall")
    void multiclass() throws Exception {
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,prediction\ncat,cat\ndog,cat\nbird,bird\ncat,cat\n");
        Policy d = Policy.defaults("m");
        Policy p = new Policy("m", d.artifacts(), TaskType.MULTICLASS, d.predictions(), 0.95, 10, Optional.empty(),
                List.of(min("recall[dog]", 0.5, Severity.FAIL, Judge.ESTIMATE),
                        min("accuracy", 0.7, Severity.FAIL, Judge.ESTIMATE)), Optional.empty(), List.of(),
                d.ethics(), d.waivers(), d.promotion());
        GateResult r = run(p);
        assertThat(r.data().classes()).containsExactly("cat", "dog", "bird");
        assertThat(r.metrics().get("accuracy").value()).hasValue(0.75);
        assertThat(check(r, "limit:recall[dog]:min").status()).isEqualTo(Status.FAIL);
        assertThat(check(r, "limit:accuracy:min").status()).isEqualTo(Status.PASS);
        assertThat(r.curves()).as("only a binary model with scores has curves").isEmpty();
    }

    @Test
    @DisplayName("a regression model is judged on its errors, lower being better")
    void regression() throws Exception {
        Files.writeString(repo.resolve("eval/predictions.csv"), "label,prediction\n1,1.5\n2,2\n3,2.5\n0,1\n");
        Policy d = Policy.defaults("m");
        Policy p = new Policy("m", d.artifacts(), TaskType.REGRESSION, d.predictions(), 0.95, 10, Optional.empty(),
                List.of(new MetricLimit("mae", OptionalDouble.empty(), OptionalDouble.of(0.4), Severity.WARN,
                        Judge.ESTIMATE)), Optional.empty(), List.of(),
                d.ethics(), d.waivers(), d.promotion());
        GateResult r = run(p);
        assertThat(r.metrics().get("mae").value()).hasValue(0.5);
        assertThat(r.metrics().get("mape_zero_targets").value()).hasValue(1.0);
        assertThat(check(r, "limit:mae:max").status()).isEqualTo(Status.WARN);
        assertThat(r.data().classes()).isEmpty();
        assertThat(r.curves()).isEmpty();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
