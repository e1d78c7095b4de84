package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlgates.core.drift.ColumnDrift;
import io.mlgates.core.drift.DriftMethod;
import io.mlgates.core.drift.DriftReport;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation gate's drift checks on a small repository: 200 reference rows, and 100 held-out rows whose ages are
 * 15 years older. Expected statistics from scipy, by tools/drift_gate_expected.py.
 */
class DataDriftGateTest {
    /** scipy.stats.ks_2samp of the ages (tools/drift_gate_expected.py). */
    private static final double AGE_KS = 0.365;
    private static final double AGE_P = 2.4702345059774793e-08;

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws IOException {
        StringBuilder reference = new StringBuilder("age,purpose,score,income\n");
        for (int i = 0; i < 200; i++) {
            reference.append(20 + (i * 7) % 41).append(',').append(i % 2 == 0 ? "car" : "radio").append(',')
                    .append(score(i)).append(',').append(1000 + i).append('\n');
        }
        StringBuilder predictions = new StringBuilder("label,score,age,purpose\n");
        StringBuilder features = new StringBuilder("age,purpose\n");
        for (int i = 0; i < 100; i++) {
            String inputs = (35 + (i * 7) % 41) + "," + (i % 2 == 0 ? "car" : "radio");
            predictions.append(i % 2).append(',').append(score(i)).append(',').append(inputs).append('\n');
            features.append(inputs).append('\n');
        }
        Files.createDirectories(repo.resolve("eval"));
        Files.createDirectories(repo.resolve("data"));
        Files.writeString(repo.resolve("data/reference.csv"), reference);
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions);
        Files.writeString(repo.resolve("eval/features.csv"), features);
    }

    private static String score(int i) {
        return Double.toString(((i * 37) % 100 + 0.5) / 100);
    }

    private GateResult judge(String policy) throws Exception {
        Files.writeString(repo.resolve("mlgates.yaml"), policy);
        Workspace ws = Workspace.at(repo);
        LoadedPolicy loaded = new PolicyLoader().loadFromRepository(repo);
        return new ValidationGate().evaluate(ValidationRequest.of(ws, loaded, FixedClock.CLOCK));
    }

    private static CheckResult check(GateResult r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no check " + id + " in " + r.checks()));
    }

    @Test
    @DisplayName("a shifted column drifts: WARN by default, with the method, its p-value and the threshold")
    void shiftedColumnWarns() throws Exception {
        GateResult r = judge("data:\n  reference: data/reference.csv\n");

        DriftReport drift = r.drift().orElseThrow();
        assertThat(drift.columns()).containsOnlyKeys("age", "purpose", "score", "prediction");
        ColumnDrift age = drift.columns().get("age");
        assertThat(age.method()).isEqualTo(DriftMethod.KS);
        assertThat(age.statistic().value().getAsDouble()).isCloseTo(AGE_KS, within(1e-12));
        assertThat(age.pValue().orElseThrow().value().getAsDouble()).isCloseTo(AGE_P, within(AGE_P * 1e-6));
        assertThat(age.drifted()).contains(true);
        assertThat(age.referenceRows()).isEqualTo(200);
        assertThat(age.currentRows()).isEqualTo(100);
        CheckResult ageCheck = check(r, "drift:age");
        assertThat(ageCheck.status()).isEqualTo(Status.WARN);
        assertThat(ageCheck.message()).isEqualTo("drift in 'age': ks p-value "
                + String.format(Locale.ROOT, "%.2e", AGE_P) + " <= 0.05 (200 reference, 100 current values)");
        assertThat(r.status()).isEqualTo(Status.WARN);
    }

    @Test
    @DisplayName("unshifted columns and the model's output do not drift; the data set does not at 1 of 4 columns")
    void unshiftedColumnsPass() throws Exception {
        GateResult r = judge("data:\n  reference: data/reference.csv\n");

        assertThat(check(r, "drift:purpose").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "drift:purpose").message()).startsWith("no drift in 'purpose': z p-value 1 >= 0.05");
        assertThat(r.drift().orElseThrow().columns().get("score").statistic().value().getAsDouble()).isZero();
        assertThat(check(r, "drift:score").status()).isEqualTo(Status.PASS);
        // reference: 100 of 200 scores >= 0.5; held out: 50 of 100 predicted positive
        assertThat(check(r, "drift:prediction").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "drift:dataset").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "drift:dataset").message()).isEqualTo("no data set drift: 1 of 4 columns drifted (0.25"
                + " < 0.5, drift.share)");
        assertThat(r.drift().orElseThrow().dataset().share().value().getAsDouble()).isEqualTo(0.25);
    }

    @Test
    @DisplayName("a saved profile of the reference gives the same drift as its rows; severity fail fails")
    void savedProfileAndSeverity() throws Exception {
        GateResult fromRows = judge("data:\n  reference: data/reference.csv\n");
        var profiled = io.mlgates.core.profile.DataFiles.profile(repo.resolve("data/reference.csv"), "reference.csv",
                ',', java.util.List.of());
        Files.write(repo.resolve("data/profile.json"), io.mlgates.core.stats.ProfileFiles.write(profiled.profile(),
                java.util.Optional.empty()));

        GateResult fromProfile = judge("data:\n  profile: data/profile.json\ndrift:\n  severity: fail\n  share: 0.25\n");

        assertThat(fromProfile.drift()).isEqualTo(fromRows.drift().map(d -> new DriftReport(d.columns(),
                new io.mlgates.core.drift.DatasetDrift(d.dataset().share(), java.util.Optional.of(true),
                        d.dataset().columns(), d.dataset().driftedColumns(), d.dataset().undefinedColumns(), 0.25))));
        assertThat(check(fromProfile, "drift:age").status()).isEqualTo(Status.FAIL);
        assertThat(check(fromProfile, "drift:dataset").status()).isEqualTo(Status.FAIL);
        assertThat(fromProfile.evidence().inputs()).anySatisfy(i -> {
            assertThat(i.role()).isEqualTo("reference");
            assertThat(i.file()).isEqualTo("data/profile.json");
        });
    }

    @Test
    @DisplayName("a feature file with the same rows gives the input columns; listed columns one side lacks are skipped")
    void featureFileAndMissingColumn() throws Exception {
        GateResult r = judge("data:\n  reference: data/reference.csv\n  current: eval/features.csv\n"
                + "  columns: [age, purpose, income, debt]\n");

        assertThat(check(r, "drift:age").status()).isEqualTo(Status.WARN);
        CheckResult income = check(r, "drift:income");
        assertThat(income.status()).isEqualTo(Status.SKIPPED);
        assertThat(income.message()).startsWith("drift of 'income' is not judged: the column is absent from the"
                + " current data");
        assertThat(check(r, "drift:debt").message()).isEqualTo("drift of 'debt' is not judged: neither the reference"
                + " nor the current data has the column");
        assertThat(r.drift().orElseThrow().columns().get("income").drifted()).isEmpty();
        assertThat(r.evidence().inputs()).extracting(Evidence.Input::role)
                .containsExactly("predictions", "reference", "current");
    }

    @Test
    @DisplayName("validate.json carries the drift map and the data set, undefined values as null with the reason")
    void resultJson() throws Exception {
        GateResult r = judge("data:\n  reference: data/reference.csv\n  columns: [age, income]\n");
        GateResultJson json = new GateResultJson();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        json.write(r, out);
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(text).contains("\"drift\" : {").contains("\"dataset\" : {");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes).get("drift");
        assertThat(tree.get("columns").get("age").get("method").asText()).isEqualTo("ks");
        assertThat(tree.get("columns").get("age").get("drifted").asBoolean()).isTrue();
        assertThat(tree.get("columns").get("income").get("statistic").isNull()).isTrue();
        assertThat(tree.get("columns").get("income").get("drifted").isNull()).isTrue();
        assertThat(tree.get("columns").get("income").get("reason").asText()).contains("absent from the current data");
        assertThat(json.read(bytes, "validate.json")).isEqualTo(r);
    }

    @Test
    @DisplayName("an override naming a column that is not judged is an ERROR")
    void overrideOfAColumnNotJudged() throws Exception {
        GateResult r = judge("data:\n  reference: data/reference.csv\ndrift:\n  overrides:\n    incme: {method: psi}\n");

        assertThat(check(r, "drift:incme").status()).isEqualTo(Status.ERROR);
        assertThat(check(r, "drift:incme").message()).startsWith("drift.overrides names column 'incme', which is"
                + " not judged");
    }
}
