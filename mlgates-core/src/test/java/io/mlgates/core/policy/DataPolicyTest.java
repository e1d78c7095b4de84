package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlgates.core.BadInputException;
import io.mlgates.core.drift.DriftMethod;
import io.mlgates.core.drift.DriftPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy's {@code data} and {@code drift} keys: defaults, values, and the problems a user can act on. */
class DataPolicyTest {
    @TempDir
    Path repository;

    private LoadedPolicy load(String yaml) throws IOException, BadInputException {
        Files.writeString(repository.resolve("mlgates.yaml"), yaml);
        return new PolicyLoader().loadFromRepository(repository);
    }

    private List<PolicyProblem> problems(String yaml) throws IOException {
        Files.writeString(repository.resolve("mlgates.yaml"), yaml);
        return catchThrowableOfType(PolicyException.class,
                () -> new PolicyLoader().loadFromRepository(repository)).problems();
    }

    @Test
    void withoutDataKeysNoDataIsJudged() throws Exception {
        DataPolicy data = load("task: binary\n").policy().data();

        assertThat(data).isEqualTo(DataPolicy.none());
        assertThat(data.judged()).isFalse();
        assertThat(data.drift().share()).isEqualTo(0.5);
        assertThat(data.severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void everyKeyIsRead() throws Exception {
        DataPolicy data = load("""
                data:
                  profile: data/reference-profile.json
                  current: eval/features.csv
                  columns: [age, income]
                drift:
                  share: 0.3
                  severity: fail
                  overrides:
                    income: {method: psi, threshold: 0.2}
                    age: {method: kl_div}
                """).policy().data();

        assertThat(data.judged()).isTrue();
        assertThat(data.reference()).isEmpty();
        assertThat(data.profile()).contains("data/reference-profile.json");
        assertThat(data.current()).contains("eval/features.csv");
        assertThat(data.columns()).containsExactly("age", "income");
        assertThat(data.severity()).isEqualTo(Severity.FAIL);
        assertThat(data.drift()).isEqualTo(new DriftPolicy(0.3, Map.of(
                "income", new DriftPolicy.ColumnRequest(Optional.of(DriftMethod.PSI), OptionalDouble.of(0.2)),
                "age", new DriftPolicy.ColumnRequest(Optional.of(DriftMethod.KL_DIVERGENCE), OptionalDouble.empty()))));
    }

    @Test
    void referenceRowsOrAProfileNotBoth() throws Exception {
        assertThat(problems("""
                data:
                  reference: data/train.csv
                  profile: data/profile.json
                """)).containsExactly(new PolicyProblem(3, 3, "data: has both reference and profile; expected one"
                + " of them (a profile is the reference rows summarised by 'mlgates profile')"));
    }

    @Test
    void currentDataAndDriftSettingsNeedAReference() throws Exception {
        assertThat(problems("""
                data:
                  current: eval/features.csv
                drift:
                  share: 0.4
                """)).containsExactly(
                new PolicyProblem(2, 3, "data.current: no reference is named; expected data.reference (the reference"
                        + " rows) or data.profile (a saved reference profile) to judge drift against"),
                new PolicyProblem(3, 1, "drift: no reference is named; expected data.reference (the reference rows)"
                        + " or data.profile (a saved reference profile) to judge drift against"));
    }

    @Test
    void pathsStayInsideTheRepository() throws Exception {
        assertThat(problems("data:\n  reference: ../elsewhere/train.csv\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).startsWith("data.reference: ");
                });
    }

    @Test
    void columnsAreDistinct() throws Exception {
        assertThat(problems("data:\n  profile: p.json\n  columns: [age, income, age]\n")).containsExactly(
                new PolicyProblem(3, 26, "data.columns: column 'age' is listed twice (also at data.columns[0]); the"
                        + " columns must be distinct"));
    }

    @Test
    void aMethodOutsideEvidentlysNamesIsRefused() throws Exception {
        assertThat(problems("data:\n  profile: p.json\ndrift:\n  overrides:\n    age: {method: t_test}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.message()).contains("drift.overrides.age.method").contains("psi")
                            .contains("t_test");
                });
    }

    @Test
    void aPValueTestsThresholdIsAProbability() throws Exception {
        assertThat(problems("data:\n  profile: p.json\ndrift:\n  overrides:\n    age: {method: ks, threshold: 2}\n"))
                .containsExactly(new PolicyProblem(5, 34, "drift.overrides.age.threshold: 2 is no p-value threshold;"
                        + " ks gives a p-value and drift is p <= threshold, so expected a number in (0, 1)"));
    }

    @Test
    void aShareOutsideItsRangeIsRefused() throws Exception {
        assertThat(problems("data:\n  profile: p.json\ndrift:\n  share: 0\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("drift.share: expected a number"));
    }
}
