package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ethics section, waivers and the organisation policy, as loaded from files. */
class EthicsPolicyLoaderTest {
    @TempDir
    Path dir;

    private Path repo() throws Exception {
        return Files.createDirectories(dir.resolve("repo"));
    }

    private Policy load(String yaml) throws Exception {
        Files.writeString(repo().resolve("mlgates.yaml"), yaml);
        return new PolicyLoader().loadFromRepository(repo()).policy();
    }

    private PolicyException rejected(String yaml) throws Exception {
        Files.writeString(repo().resolve("mlgates.yaml"), yaml);
        return (PolicyException) catchThrowable(
                () -> new PolicyLoader().loadFromRepository(repo()));
    }

    @Test
    @DisplayName("every ethics key and a waiver end up in the records")
    void everyKey() throws Exception {
        Policy p = load("""
                ethics:
                  riskTier: high
                  fairness:
                    sensitive: [sex, age_band]
                    intersections: [[sex, age_band]]
                    favourable: negative
                    minGroupSize: 50
                    missing: exclude
                    reference: {sex: male, "sex&age_band": male&25-39}
                    limits:
                      - metric: demographic_parity_ratio
                        min: 0.8
                        judge: interval
                        severity: warn
                        attributes: [sex]
                  documentation:
                    modelCard: docs/card.md
                    features: model/features.json
                    explanation: explain/attributions.json
                  protectedAttributes: [age, personal_status]
                  datasets:
                    - name: german-credit
                      licence: CC-BY-4.0
                      datasheet: data/DATASHEET.md
                  licences:
                    allow: [CC-BY-4.0, CC0-1.0]
                    deny: [CC-BY-NC-4.0]
                waivers:
                  - check: "fairness:sex:*"
                    reason: reviewed
                    approver: Jane Doe
                    expires: 2027-01-31
                """);
        assertThat(p.ethics()).isEqualTo(new EthicsPolicy(RiskTier.HIGH,
                new FairnessPolicy(List.of("sex", "age_band"), List.of(List.of("sex", "age_band")),
                        Favourable.NEGATIVE, 50, Map.of("sex", "male", "sex&age_band", "male&25-39"),
                        List.of(new FairnessLimit("demographic_parity_ratio", List.of("sex"), OptionalDouble.of(0.8),
                                OptionalDouble.empty(), Severity.WARN, FairnessJudge.INTERVAL)), MissingValues.EXCLUDE),
                new DocumentationPolicy(Optional.of("docs/card.md"), Optional.of("model/features.json"),
                        Optional.of("explain/attributions.json")),
                List.of("age", "personal_status"),
                List.of(new Dataset("german-credit", "CC-BY-4.0", Optional.of("data/DATASHEET.md"))),
                new LicencePolicy(Optional.of(List.of("CC-BY-4.0", "CC0-1.0")), List.of("CC-BY-NC-4.0"))));
        assertThat(p.waivers()).containsExactly(new Waiver("fairness:sex:*", "reviewed", Optional.of("Jane Doe"),
                LocalDate.of(2027, 1, 31)));
        assertThat(p.waivers().get(0).matches("fairness:sex:four_fifths:female")).isTrue();
        assertThat(p.waivers().get(0).matches("fairness:age:four_fifths:x")).isFalse();
    }

    @Test
    @DisplayName("a misspelt ethics key and a misspelt tier get suggestions at their line and column")
    void nearMisses() throws Exception {
        PolicyException e = rejected("ethics:\n  riskTeir: high\n  fairness:\n    minGroupSize: 0\n"
                + "  documentation:\n    modelCard: ../card.md\n");
        assertThat(e.getMessage()).startsWith("mlgates.yaml:2:3: unknown key 'riskTeir' in ethics; did you mean"
                + " 'riskTier'?")
                .contains("mlgates.yaml:4:19: ethics.fairness.minGroupSize: expected an integer in [1, 2147483647], got 0")
                .contains("mlgates.yaml:6:16: ethics.documentation.modelCard: '../card.md' leads out of the model"
                        + " repository");
        assertThat(rejected("ethics:\n  riskTier: hihg\n").getMessage()).isEqualTo("mlgates.yaml:2:13:"
                + " ethics.riskTier: expected one of 'minimal', 'limited', 'high', got 'hihg'; did you mean 'high'?");
    }

    @Test
    @DisplayName("an unknown fairness metric is refused with a suggestion, at its line and column")
    void unknownMetric() throws Exception {
        PolicyException e = rejected("""
                ethics:
                  fairness:
                    sensitive: [sex]
                    limits:
                      - metric: demographic_parity_ration
                        min: 0.8
                """);
        assertThat(e.getMessage()).startsWith("mlgates.yaml:5:17: ethics.fairness.limits[0].metric: expected one of")
                .endsWith("did you mean 'demographic_parity_ratio'?");
    }

    @Test
    @DisplayName("an intersection of an unlisted column, an unknown attribute in a limit, a bad date: each at its place")
    void rulesBeyondTheSchema() throws Exception {
        PolicyException e = rejected("""
                ethics:
                  fairness:
                    sensitive: [sex]
                    intersections: [[sex, age]]
                    limits:
                      - metric: theil_index
                        max: 0.2
                        attributes: [sexx]
                waivers:
                  - check: x
                    reason: r
                    expires: 2027-02-30
                """);
        assertThat(e.getMessage()).contains("mlgates.yaml:4:27: ethics.fairness.intersections[0]: 'age' is not one"
                + " of the sensitive columns 'sex'; list it under sensitive")
                .contains("mlgates.yaml:8:22: ethics.fairness.limits[0].attributes: 'sexx' is not a judged"
                        + " attribute; did you mean 'sex'? Judged attributes: 'sex', 'sex&age'")
                .contains("mlgates.yaml:12:14: waivers[0].expires: '2027-02-30' is not a date; expected YYYY-MM-DD");
    }

    @Test
    @DisplayName("a waiver needs a reason and an expiry date; a licence must look like an SPDX identifier")
    void requiredWaiverKeys() throws Exception {
        PolicyException e = rejected("""
                ethics:
                  datasets:
                    - name: d
                      licence: "CC BY 4.0"
                waivers:
                  - check: x
                """);
        assertThat(e.getMessage()).contains("missing required key 'reason'").contains("missing required key"
                + " 'expires'").contains("ethics.datasets[0].licence");
    }

    @Nested
    class Organisation {
        private OrganisationPolicy org(String yaml) throws Exception {
            Path file = Files.writeString(dir.resolve("org-policy.yaml"), yaml);
            return new PolicyLoader().loadOrganisation(file, "org-policy.yaml");
        }

        private static final String FLOOR = """
                ethics:
                  riskTier: limited
                  fairness:
                    sensitive: [sex]
                    minGroupSize: 30
                    limits:
                      - metric: demographic_parity_ratio
                        min: 0.8
                  protectedAttributes: [sex]
                  licences:
                    allow: [CC-BY-4.0, CC0-1.0]
                    deny: [CC-BY-NC-4.0]
                """;

        private Policy loadWith(OrganisationPolicy org, String yaml) throws Exception {
            Files.writeString(repo().resolve("mlgates.yaml"), yaml);
            return new PolicyLoader(org).loadFromRepository(repo()).policy();
        }

        private PolicyException rejectedWith(OrganisationPolicy floor, String yaml) throws Exception {
            Files.writeString(repo().resolve("mlgates.yaml"), yaml);
            return (PolicyException) catchThrowable(
                    () -> new PolicyLoader(floor).loadFromRepository(repo()));
        }

        @Test
        @DisplayName("what a model policy leaves out it inherits from the organisation")
        void inherits() throws Exception {
            Policy p = loadWith(org(FLOOR), "task: binary\n");
            assertThat(p.ethics().riskTier()).isEqualTo(RiskTier.LIMITED);
            assertThat(p.ethics().fairness().sensitive()).containsExactly("sex");
            assertThat(p.ethics().fairness().limits()).hasSize(1);
            assertThat(p.ethics().protectedAttributes()).containsExactly("sex");
            assertThat(p.ethics().licences().allow()).contains(List.of("CC-BY-4.0", "CC0-1.0"));
            Files.delete(repo().resolve("mlgates.yaml"));
            assertThat(new PolicyLoader(org(FLOOR)).loadFromRepository(repo()).policy().ethics().riskTier())
                    .isEqualTo(RiskTier.LIMITED);
        }

        @Test
        @DisplayName("a model policy may tighten: a higher tier, more columns, a stricter limit, fewer licences")
        void tightens() throws Exception {
            Policy p = loadWith(org(FLOOR), """
                    ethics:
                      riskTier: high
                      fairness:
                        sensitive: [age]
                        minGroupSize: 20
                        limits:
                          - metric: demographic_parity_ratio
                            min: 0.9
                      protectedAttributes: [sex, age]
                      licences:
                        allow: [CC0-1.0]
                        deny: [CC-BY-SA-4.0]
                    """);
            assertThat(p.ethics().riskTier()).isEqualTo(RiskTier.HIGH);
            assertThat(p.ethics().fairness().limits()).extracting(l -> l.min().getAsDouble()).containsExactly(0.9);
            assertThat(p.ethics().licences().deny()).containsExactly("CC-BY-SA-4.0", "CC-BY-NC-4.0");
            assertThat(p.ethics().fairness().sensitive()).containsExactly("age", "sex");
            assertThat(p.ethics().fairness().minGroupSize()).isEqualTo(20);
        }

        @Test
        @DisplayName("a loosening is an error at the model's key that names the organisation file, line and column")
        void loosensNamingBothFiles() throws Exception {
            PolicyException e = rejectedWith(org(FLOOR), """
                    ethics:
                      riskTier: minimal
                      fairness:
                        sensitive: [age]
                        minGroupSize: 100
                        limits:
                          - metric: demographic_parity_ratio
                            min: 0.7
                      licences:
                        allow: [CC-BY-4.0, CC-BY-NC-4.0]
                    """);
            assertThat(e.getMessage()).startsWith("mlgates.yaml:2:13: ethics.riskTier 'minimal' is lower than"
                    + " 'limited', which loosens the organisation policy org-policy.yaml:2:13; a model policy may"
                    + " tighten the organisation policy, never loosen it")
                    .contains("mlgates.yaml:5:19: ethics.fairness.minGroupSize 100 is larger than 30")
                    .contains("mlgates.yaml:7:9: ethics.fairness.limits[0] on demographic_parity_ratio has min 0.7,"
                            + " below 0.8, which loosens the organisation policy org-policy.yaml:7:9")
                    .contains("mlgates.yaml:10:24: ethics.licences.allow adds 'CC-BY-NC-4.0', which loosens the organisation policy org-policy.yaml:11:12");
        }

        @Test
        @DisplayName("an organisation policy sets only ethics, and no data sets")
        void organisationSetsOnlyEthics() throws Exception {
            assertThatThrownBy(() -> org("limits:\n  - metric: recall\n    min: 0.5\nethics:\n  datasets: []\n"))
                    .isInstanceOf(PolicyException.class)
                    .hasMessageContaining("org-policy.yaml:1:1: an organisation policy sets only 'ethics'; 'limits'"
                            + " belongs in each model's mlgates.yaml")
                    .hasMessageContaining("org-policy.yaml:5:3: an organisation policy cannot name data sets");
        }
    }
}
