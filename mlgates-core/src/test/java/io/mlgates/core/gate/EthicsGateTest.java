package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the ethics gate, passing and failing, on a small repository written by the test. */
class EthicsGateTest {
    private static final SeenChainHead NOT_READ = SeenChainHead.none(".mlgates/registry.db", "not read");
    /** Waivers are judged on this day. */
    private static final Clock DAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private static final String CARD = """
            ---
            license: cc-by-4.0
            model-index:
              - name: m
                results:
                  - task: {type: tabular-classification}
                    metrics:
                      - type: accuracy
                        value: 0.53
            ---
            # Model card

            ## Intended use
            Ranks applications for a human reviewer.

            ## Out-of-scope uses
            Automatic rejection.

            ## Training data
            The training part of the data set.

            ## Evaluation data
            The held-out part.

            ## Metrics
            Accuracy 0.53 on the held-out part.

            ## Ethical considerations
            Groups by sex and age are compared by the ethics gate.

            ## Caveats and recommendations
            Small data set.

            ## Owner and contact
            Risk team, risk@example.com
            """;

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws IOException {
        write("model/m.bin", "model");
        write("model/features.json", "{\"features\": [{\"name\": \"income\"}, {\"name\": \"age\"}]}");
        // a: 100 rows, 60 predicted positive; b: 100 rows, 30 predicted positive; c: 10 rows.
        // Labels: every third row positive. Accuracy: see accuracy().
        StringBuilder csv = new StringBuilder("label,prediction,sex,age\n");
        rows(csv, "a", "young", 100, 60);
        rows(csv, "b", "old", 100, 30);
        rows(csv, "c", "old", 10, 5);
        write("eval/predictions.csv", csv.toString());
    }

    private static void rows(StringBuilder csv, String sex, String age, int n, int predictedPositive) {
        for (int i = 0; i < n; i++) {
            csv.append(i % 4 == 0 ? 1 : 0).append(',').append(i < predictedPositive ? 1 : 0).append(',')
                    .append(sex).append(',').append(age).append('\n');
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private GateResult run(String policy) throws Exception {
        return run(policy, Optional.empty());
    }

    private GateResult run(String policy, Optional<List<String>> sensitive) throws Exception {
        write("mlgates.yaml", policy);
        Workspace ws = Workspace.at(repo);
        return new EthicsGate().evaluate(new EthicsRequest(ws, new PolicyLoader().loadFromRepository(ws.root()),
                Optional.empty(), sensitive, ProgressListener.NONE, DAY, NOT_READ, ColumnChoice.none()));
    }

    private static CheckResult check(GateResult r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + r.checks().stream()
                        .map(CheckResult::id).toList()));
    }

    @Nested
    class Tiers {
        @Test
        @DisplayName("at tier minimal with nothing configured, every optional check is SKIPPED with its reason, and"
                + " the gate WARNs that it judged nothing")
        void minimalNeedsNothingButWarnsThatNothingWasJudged() throws Exception {
            GateResult r = run("task: binary\n");
            assertThat(r.gate()).isEqualTo("ethics");
            assertThat(r.status()).isEqualTo(Status.WARN);
            assertThat(r.checks()).filteredOn(c -> c.status() == Status.WARN).extracting(CheckResult::id)
                    .containsExactly("policy:judged");
            assertThat(check(r, "policy:judged").message()).startsWith("no limits: only the data was checked; ")
                    .contains("no sensitive column");
            assertThat(check(r, "docs:model_card").message()).isEqualTo(
                    "no model card at MODEL_CARD.md; not required at tier minimal");
            assertThat(check(r, "fairness:sensitive").status()).isEqualTo(Status.SKIPPED);
            assertThat(check(r, "docs:datasets").status()).isEqualTo(Status.SKIPPED);
            assertThat(check(r, "docs:explanation").status()).isEqualTo(Status.SKIPPED);
            assertThat(r.fairness()).isEmpty();
        }

        @Test
        @DisplayName("tier limited requires a model card with intended use, out-of-scope uses, caveats, owner")
        void limitedRequiresACard() throws Exception {
            GateResult r = run("ethics:\n  riskTier: limited\n");
            assertThat(check(r, "docs:model_card").status()).isEqualTo(Status.FAIL);
            assertThat(check(r, "docs:model_card").message()).contains("MODEL_CARD.md: not found")
                    .contains("tier limited requires a model card");
            assertThat(check(r, "docs:datasets").message()).contains("tier limited requires them");
            assertThat(check(r, "docs:explanation").status()).isEqualTo(Status.SKIPPED);
        }

        @Test
        @DisplayName("tier high requires sensitive columns, protected attributes and an explanation too")
        void highRequiresEverything() throws Exception {
            write("MODEL_CARD.md", CARD);
            GateResult r = run("ethics:\n  riskTier: high\n");
            assertThat(check(r, "fairness:sensitive").status()).isEqualTo(Status.FAIL);
            assertThat(check(r, "fairness:sensitive").message()).contains("tier high requires fairness");
            assertThat(check(r, "docs:protected_attributes").status()).isEqualTo(Status.FAIL);
            assertThat(check(r, "docs:explanation").status()).isEqualTo(Status.FAIL);
            assertThat(check(r, "docs:explanation").message()).contains("tier high requires feature attributions");
            assertThat(r.checks()).filteredOn(c -> c.id().startsWith("docs:model_card:"))
                    .extracting(CheckResult::status).containsOnly(Status.PASS);
            assertThat(r.checks()).filteredOn(c -> c.id().startsWith("docs:model_card:") && !c.id().contains(":metric:"))
                    .hasSize(8);
        }
    }

    @Nested
    class ModelCards {
        @Test
        @DisplayName("a section that holds only the template's placeholder or a comment does not count")
        void placeholderDoesNotCount() throws Exception {
            write("MODEL_CARD.md", CARD.replace("Automatic rejection.", "[More Information Needed]")
                    .replace("Small data set.", "<!-- fill in -->"));
            GateResult r = run("ethics:\n  riskTier: limited\n");
            assertThat(check(r, "docs:model_card:out_of_scope_uses").status()).isEqualTo(Status.FAIL);
            assertThat(check(r, "docs:model_card:out_of_scope_uses").message()).isEqualTo(
                    "the model card has no out-of-scope uses section with content, which tier limited requires (a"
                            + " heading such as '## Out-of-scope uses' followed by text)");
            assertThat(check(r, "docs:model_card:caveats").status()).isEqualTo(Status.FAIL);
            assertThat(check(r, "docs:model_card:intended_use").status()).isEqualTo(Status.PASS);
        }

        @Test
        @DisplayName("a YAML model card names its sections by id")
        void yamlCard() throws Exception {
            write("card.yaml", """
                    intended_use: Ranks applications.
                    out_of_scope_uses: [Automatic rejection]
                    caveats: Small data.
                    owner_contact: ""
                    """);
            GateResult r = run("ethics:\n  riskTier: limited\n  documentation:\n    modelCard: card.yaml\n");
            assertThat(check(r, "docs:model_card:out_of_scope_uses").status()).isEqualTo(Status.PASS);
            assertThat(check(r, "docs:model_card:owner_contact").status()).isEqualTo(Status.FAIL);
        }

        @Test
        @DisplayName("a declared metric equal to the measured one within its written rounding passes")
        void declaredMetricMatches() throws Exception {
            write("MODEL_CARD.md", CARD);
            GateResult r = run("task: binary\n");
            // every fourth row positive; right: a 15 + 30, b 8 + 53, c 2 + 4 of 210 rows: 112 / 210 = 0.5333
            assertThat(r.metrics().get("accuracy").value()).hasValue(112.0 / 210);
            CheckResult claim = check(r, "docs:model_card:metric:accuracy");
            assertThat(claim.status()).isEqualTo(Status.PASS);
            assertThat(claim.message()).isEqualTo("the model card declares accuracy = 0.53; measured 0.5333, which"
                    + " rounds to it");
        }

        @Test
        @DisplayName("a card that claims a value the model does not reach fails, saying both values")
        void declaredMetricDiffers() throws Exception {
            write("MODEL_CARD.md", CARD.replace("value: 0.53", "value: 0.95"));
            CheckResult claim = check(run("task: binary\n"), "docs:model_card:metric:accuracy");
            assertThat(claim.status()).isEqualTo(Status.FAIL);
            assertThat(claim.message()).startsWith("the model card declares accuracy = 0.95; measured ")
                    .endsWith("which is not within the card's rounding (±0.005): update the card or the model");
        }

        @Test
        @DisplayName("a card that declares a rank metric gets it measured exactly; an unknown metric is an ERROR")
        void rankAndUnknownMetrics() throws Exception {
            write("MODEL_CARD.md", CARD.replace("- type: accuracy", "- type: roc_auc")
                    .replace("value: 0.53", "value: 0.5\n          - type: bleu\n            value: 1"));
            GateResult r = run("task: binary\n");
            assertThat(r.metrics()).containsKey("roc_auc");
            assertThat(check(r, "docs:model_card:metric:bleu").status()).isEqualTo(Status.ERROR);
            assertThat(check(r, "docs:model_card:metric:bleu").message())
                    .contains("a metric this run does not measure");
        }

        @Test
        @DisplayName("a declared metric that the data leaves undefined is an ERROR with the reason, never a verdict")
        void declaredMetricUndefinedIsAnError() throws Exception {
            write("MODEL_CARD.md", CARD.replace("- type: accuracy", "- type: roc_auc"));
            CheckResult claim = check(run("task: binary\n"), "docs:model_card:metric:roc_auc");
            assertThat(claim.status()).isEqualTo(Status.ERROR);
            assertThat(claim.message()).isEqualTo("the model card declares roc_auc = 0.53 but on these predictions"
                    + " it is undefined: no score column");
            assertThat(claim.observed()).isEmpty();
        }

        @Test
        @DisplayName("a section that still holds init's TODO: text counts as missing: FAIL where the tier requires it,"
                + " WARN where not, each naming the section")
        void templateTextCountsAsMissing() throws Exception {
            write("MODEL_CARD.md", CARD.replace("Automatic rejection.", "TODO: Uses the model was not built for.")
                    .replace("Small data set.", "TODO: Known limitations."));
            GateResult limited = run("ethics:\n  riskTier: limited\n");
            assertThat(check(limited, "docs:model_card:out_of_scope_uses").status()).isEqualTo(Status.FAIL);
            assertThat(check(limited, "docs:model_card:out_of_scope_uses").message()).isEqualTo("the model card's"
                    + " out-of-scope uses section still holds the template's TODO: text, so it counts as missing;"
                    + " tier limited requires it");
            assertThat(check(limited, "docs:model_card:caveats").status()).isEqualTo(Status.FAIL);
            assertThat(check(limited, "docs:model_card:intended_use").status()).isEqualTo(Status.PASS);

            GateResult minimal = run("task: binary\n");
            assertThat(minimal.checks()).filteredOn(c -> c.id().startsWith("docs:model_card:")
                    && !c.id().contains(":metric:")).extracting(CheckResult::id, CheckResult::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("docs:model_card:out_of_scope_uses",
                            Status.WARN), org.assertj.core.groups.Tuple.tuple("docs:model_card:caveats", Status.WARN));
            assertThat(check(minimal, "docs:model_card:caveats").message()).isEqualTo("the model card's caveats"
                    + " section still holds the template's TODO: text, so it counts as missing: fill it in, or delete"
                    + " the section (not required at tier minimal)");
        }

        @Test
        @DisplayName("malformed front matter fails the card check at its line")
        void malformedFrontMatter() throws Exception {
            write("MODEL_CARD.md", "---\nlicense: [unclosed\n---\n# Card\n");
            CheckResult card = check(run("ethics:\n  riskTier: limited\n"), "docs:model_card");
            assertThat(card.status()).isEqualTo(Status.FAIL);
            assertThat(card.message()).startsWith("MODEL_CARD.md:").contains("not valid YAML");
        }
    }

    @Nested
    class DataSets {
        private static final String DATASHEET = """
                # Datasheet
                ## Motivation
                Why.
                ## Composition
                What.
                ## Collection process
                How.
                ## Preprocessing, cleaning, labelling
                None.
                ## Uses
                Credit.
                ## Distribution
                UCI.
                ## Maintenance
                Nobody.
                """;

        private String policy(String licence, String extra) {
            return "ethics:\n  riskTier: high\n  datasets:\n    - name: credit\n      licence: " + licence
                    + "\n      datasheet: data/DATASHEET.md\n" + extra;
        }

        @Test
        @DisplayName("an open SPDX licence on the built-in allow list passes; case does not matter")
        void allowedLicence() throws Exception {
            write("data/DATASHEET.md", DATASHEET);
            GateResult r = run(policy("cc-by-4.0", ""));
            assertThat(check(r, "licence:credit").status()).isEqualTo(Status.PASS);
            assertThat(check(r, "licence:credit").message()).isEqualTo("data set 'credit': licence CC-BY-4.0 is"
                    + " allowed");
            assertThat(check(r, "docs:datasheet:credit").status()).isEqualTo(Status.PASS);
        }

        @Test
        @DisplayName("a non-commercial licence is not on the built-in allow list; a denied one fails even if allowed")
        void refusedLicences() throws Exception {
            write("data/DATASHEET.md", DATASHEET);
            assertThat(check(run(policy("CC-BY-NC-4.0", "")), "licence:credit").message())
                    .startsWith("data set 'credit': CC-BY-NC-4.0 is not on the built-in allow list (CC0-1.0,");
            CheckResult denied = check(run(policy("CC-BY-4.0",
                    "  licences:\n    allow: [CC-BY-4.0]\n    deny: [CC-BY-4.0]\n")), "licence:credit");
            assertThat(denied.status()).isEqualTo(Status.FAIL);
            assertThat(denied.message()).isEqualTo("data set 'credit': CC-BY-4.0 is on the deny list");
        }

        @Test
        @DisplayName("proprietary data: NOASSERTION, a made-up id, or a LicenseRef not allowed by name all fail")
        void proprietaryData() throws Exception {
            write("data/DATASHEET.md", DATASHEET);
            assertThat(check(run(policy("NOASSERTION", "")), "licence:credit").message())
                    .contains("states no licence");
            assertThat(check(run(policy("Proprietary", "")), "licence:credit").message())
                    .contains("'Proprietary' is not an SPDX licence identifier");
            assertThat(check(run(policy("LicenseRef-Paywalled", "")), "licence:credit").message())
                    .contains("a LicenseRef- licence passes only when allowed by name");
            assertThat(check(run(policy("LicenseRef-Internal", "  licences:\n    allow: [LicenseRef-Internal]\n")),
                    "licence:credit").status()).isEqualTo(Status.PASS);
        }

        @Test
        @DisplayName("a datasheet is required from tier limited; at tier high it needs every section of the paper")
        void datasheets() throws Exception {
            GateResult none = run("ethics:\n  riskTier: limited\n  datasets:\n    - name: credit\n"
                    + "      licence: CC0-1.0\n");
            assertThat(check(none, "docs:datasheet:credit").message()).isEqualTo("data set 'credit' has no"
                    + " datasheet (datasheet: in ethics.datasets); tier limited requires one");
            write("data/DATASHEET.md", "# Datasheet\n## Motivation\nWhy.\n");
            CheckResult partial = check(run(policy("CC0-1.0", "")), "docs:datasheet:credit");
            assertThat(partial.status()).isEqualTo(Status.FAIL);
            assertThat(partial.message()).isEqualTo("datasheet data/DATASHEET.md has no composition, collection,"
                    + " preprocessing, uses, distribution, maintenance sections, which tier high requires");
            write("data/DATASHEET.md", "<!-- nothing yet -->\n");
            assertThat(check(run(policy("CC0-1.0", "")), "docs:datasheet:credit").message())
                    .contains("is empty");
        }
    }

    @Nested
    class ProtectedAttributesAndExplanations {
        @Test
        @DisplayName("a protected attribute among the model's declared inputs fails, naming it; others pass")
        void protectedAttributes() throws Exception {
            GateResult r = run("ethics:\n  protectedAttributes: [Age, sex]\n");
            assertThat(check(r, "docs:protected_attribute:Age").status()).isEqualTo(Status.FAIL);
            assertThat(check(r, "docs:protected_attribute:Age").message()).isEqualTo("protected attribute 'Age' is"
                    + " an input of the model (feature 'age' in model/features.json)");
            assertThat(check(r, "docs:protected_attribute:sex").status()).isEqualTo(Status.PASS);
        }

        @Test
        @DisplayName("without a readable feature list the protected attributes cannot be checked: ERROR")
        void noFeatureList() throws Exception {
            Files.delete(repo.resolve("model/features.json"));
            CheckResult c = check(run("ethics:\n  protectedAttributes: [sex]\n"), "docs:protected_attributes");
            assertThat(c.status()).isEqualTo(Status.ERROR);
            assertThat(c.message()).contains("model/features.json: not found");
        }

        @Test
        @DisplayName("an explanation must cover every input feature: attributions or reason codes")
        void explanationCoverage() throws Exception {
            write("explain.json", "{\"attributions\": {\"income\": 0.4}}");
            String policy = "ethics:\n  documentation:\n    explanation: explain.json\n";
            CheckResult partial = check(run(policy), "docs:explanation");
            assertThat(partial.status()).isEqualTo(Status.FAIL);
            assertThat(partial.message()).isEqualTo("explain.json does not explain 1 of the 2 inputs: age");
            write("explain.json", "{\"decisions\": [{\"id\": 1, \"reasons\": [\"income\"]},"
                    + " {\"id\": 2, \"reasons\": [{\"feature\": \"age\"}]}]}");
            assertThat(check(run(policy), "docs:explanation").status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class Fairness {
        private static final String GROUPS = """
                predictions:
                  columns: {prediction: prediction}
                ethics:
                  fairness:
                    sensitive: [sex, age]
                    intersections: [[sex, age]]
                    minGroupSize: 30
                    reference: {sex: a}
                """;

        @Test
        @DisplayName("groups, intersections and disparities are computed; a small group is SKIPPED with its size")
        void groupsAndSmallGroups() throws Exception {
            GateResult r = run(GROUPS);
            assertThat(r.fairness().orElseThrow().attributes()).containsOnlyKeys("sex", "age", "sex&age");
            CheckResult small = check(r, "fairness:sex=c:size");
            assertThat(small.status()).isEqualTo(Status.SKIPPED);
            assertThat(small.message()).isEqualTo("group sex=c has 10 rows, fewer than minGroupSize 30: reported,"
                    + " and counted in the reported disparities of sex, but not judged");
            AttributeFairness sex = r.fairness().get().attributes().get("sex");
            // over every group, c (0.5) included: a 0.6 - b 0.3; judged over a and b only
            assertThat(sex.disparities().get("demographic_parity_difference").value()).hasValue(0.3);
            assertThat(sex.judged().value("demographic_parity_difference").value()).hasValue(0.3);
            assertThat(sex.judged().groups()).containsExactly("a", "b");
            assertThat(sex.judged().leftOut()).containsExactly("c");
        }

        @Test
        @DisplayName("an attribute with no limit and no reference gets the four-fifths rule against its most favoured group, saying it is the default")
        void defaultFourFifths() throws Exception {
            StringBuilder csv = new StringBuilder("label,prediction,sex,age\n");
            rows(csv, "a", "<25", 100, 11);
            rows(csv, "b", "25-39", 100, 60);
            write("eval/predictions.csv", csv.toString());
            GateResult r = run(GROUPS, Optional.of(List.of("age")));
            CheckResult c = check(r, "fairness:age:four_fifths:<25");
            assertThat(c.status()).isEqualTo(Status.FAIL);
            assertThat(c.message()).startsWith("default rule, no fairness limit applies to age: favourable rate of"
                    + " age=<25 is 0.1833 times that of the most favoured group 25-39, under four fifths, and the"
                    + " difference is significant (fisher-exact p = ");
            assertThat(r.status()).isEqualTo(Status.FAIL);
        }

        @Test
        @DisplayName("the default rule with fewer than two groups large enough WARNs that it could not be judged")
        void defaultFourFifthsUnjudged() throws Exception {
            StringBuilder csv = new StringBuilder("label,prediction,sex,age\n");
            rows(csv, "a", "<25", 8, 1);
            rows(csv, "b", "25-39", 6, 4);
            write("eval/predictions.csv", csv.toString());
            CheckResult c = check(run(GROUPS, Optional.of(List.of("age"))), "fairness:age:four_fifths");
            assertThat(c.status()).isEqualTo(Status.WARN);
            assertThat(c.message()).isEqualTo("default rule, no fairness limit applies to age: the four-fifths rule"
                    + " on age could not be judged: fewer than two groups have at least minGroupSize 30 rows"
                    + " (2 groups present)");
        }

        @Test
        @DisplayName("a limit on groups too small to judge WARNs with the value over all groups, never PASSes")
        void limitOnSmallGroups() throws Exception {
            StringBuilder csv = new StringBuilder("label,prediction,sex,age\n");
            rows(csv, "a", "<25", 8, 2);
            rows(csv, "b", "25-39", 6, 3);
            write("eval/predictions.csv", csv.toString());
            CheckResult c = check(run(GROUPS + "    limits:\n      - metric: demographic_parity_difference\n"
                    + "        max: 0.5\n", Optional.of(List.of("age"))), "fairness:age:demographic_parity_difference:max");
            assertThat(c.status()).isEqualTo(Status.WARN);
            assertThat(c.message()).isEqualTo("demographic_parity_difference of age = 0.25 over all 2 groups, but no"
                    + " group has at least minGroupSize 30 rows: the groups are too small to judge the limit <= 0.5");
        }

        @Test
        @DisplayName("empty sensitive values form the group (missing); missing: exclude leaves them out with a WARN")
        void missingValues() throws Exception {
            StringBuilder csv = new StringBuilder("label,prediction,sex,age\n");
            rows(csv, "a", "young", 100, 60);
            rows(csv, "b", "old", 100, 30);
            rows(csv, "", "old", 40, 20);
            write("eval/predictions.csv", csv.toString());
            GateResult grouped = run(GROUPS);
            assertThat(grouped.fairness().orElseThrow().attributes().get("sex").groups().get("(missing)").count())
                    .isEqualTo(40);
            assertThat(grouped.checks()).noneMatch(c -> c.id().equals("fairness:sex:missing"));
            GateResult excluded = run(GROUPS.replace("minGroupSize: 30", "minGroupSize: 30\n    missing: exclude"));
            CheckResult c = check(excluded, "fairness:sex:missing");
            assertThat(c.status()).isEqualTo(Status.WARN);
            assertThat(c.message()).isEqualTo("40 rows have no value of sex and are left out of its groups"
                    + " (ethics.fairness.missing: exclude)");
            assertThat(excluded.fairness().orElseThrow().attributes().get("sex").groups()).containsOnlyKeys("a", "b");
        }

        @Test
        @DisplayName("four-fifths: a ratio under 0.8 with a significant difference FAILs as adverse impact")
        void fourFifthsSignificant() throws Exception {
            CheckResult c = check(run(GROUPS), "fairness:sex:four_fifths:b");
            assertThat(c.status()).isEqualTo(Status.FAIL);
            assertThat(c.message()).startsWith("favourable rate of sex=b is 0.5 times that of reference a, under four"
                    + " fifths, and the difference is significant (fisher-exact p = ");
        }

        @Test
        @DisplayName("four-fifths: the same ratio on a handful of rows WARNs: adverse impact not proven")
        void fourFifthsNotSignificant() throws Exception {
            StringBuilder csv = new StringBuilder("label,prediction,sex,age\n");
            rows(csv, "a", "young", 4, 2);
            rows(csv, "b", "old", 4, 1);
            write("eval/predictions.csv", csv.toString());
            CheckResult c = check(run(GROUPS.replace("minGroupSize: 30", "minGroupSize: 1")),
                    "fairness:sex:four_fifths:b");
            assertThat(c.status()).isEqualTo(Status.WARN);
            assertThat(c.message()).contains("adverse impact is not proven on these rows");
        }

        @Test
        @DisplayName("judge: interval FAILs only when the whole interval is beyond the limit, WARNs when it straddles")
        void intervalJudgement() throws Exception {
            String limit = GROUPS + "    limits:\n      - metric: demographic_parity_difference\n        max: %s\n"
                    + "        judge: interval\n        attributes: [sex]\n";
            // difference 0.3 between a (0.6 of 100) and b (0.3 of 100); Newcombe's interval is about [0.16, 0.42]
            assertThat(check(run(limit.formatted("0.1")), "fairness:sex:demographic_parity_difference:max").status())
                    .isEqualTo(Status.FAIL);
            CheckResult straddles = check(run(limit.formatted("0.3")),
                    "fairness:sex:demographic_parity_difference:max");
            assertThat(straddles.status()).isEqualTo(Status.WARN);
            assertThat(straddles.message()).contains("straddles the limit <= 0.3");
            assertThat(check(run(limit.formatted("0.5")), "fairness:sex:demographic_parity_difference:max").status())
                    .isEqualTo(Status.PASS);
            assertThat(check(run(limit.formatted("0.3").replace("judge: interval", "judge: estimate")),
                    "fairness:sex:demographic_parity_difference:max").status()).isEqualTo(Status.PASS);
        }

        @Test
        @DisplayName("a limit on an undefined disparity is an ERROR with the reason, never a pass")
        void undefinedDisparityIsAnError() throws Exception {
            CheckResult c = check(run(GROUPS + "    limits:\n      - metric: disparate_impact\n        min: 0.8\n"
                    + "        attributes: [age]\n"), "fairness:age:disparate_impact:min");
            assertThat(c.status()).isEqualTo(Status.ERROR);
            assertThat(c.message()).isEqualTo("disparate_impact of age is undefined: no reference group is declared"
                    + " for 'age'");
        }

        @Test
        @DisplayName("--sensitive replaces the policy's columns and drops intersections of other columns")
        void sensitiveOverride() throws Exception {
            GateResult r = run(GROUPS.replace("reference: {sex: a}", "reference: {}"), Optional.of(List.of("age")));
            assertThat(r.fairness().orElseThrow().attributes()).containsOnlyKeys("age");
        }

        @Test
        @DisplayName("a sensitive column missing from the predictions is bad input naming the file")
        void missingColumn() {
            assertThatThrownBy(() -> run(GROUPS.replace("[sex, age]", "[sex, region]")
                    .replace("[[sex, region]]", "[]")))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("no column 'region'");
        }
    }

    @Nested
    class Waivers {
        private static final String PROTECTED = "ethics:\n  protectedAttributes: [age]\nwaivers:\n";

        @Test
        @DisplayName("a valid waiver turns the FAIL it matches into WAIVED, with its reason on the check")
        void waived() throws Exception {
            GateResult r = run(PROTECTED + "  - check: docs:protected_attribute:*\n    reason: retraining without age"
                    + " is planned\n    approver: Risk Officer\n    expires: 2026-12-31\n");
            CheckResult c = check(r, "docs:protected_attribute:age");
            assertThat(c.status()).isEqualTo(Status.WAIVED);
            assertThat(c.message()).startsWith("waived (was FAIL) by Risk Officer until 2026-12-31: retraining"
                    + " without age is planned | protected attribute 'age' is an input");
            assertThat(c.waiver().orElseThrow().was()).isEqualTo(Status.FAIL);
            assertThat(check(r, "waiver:docs:protected_attribute:*").status()).isEqualTo(Status.PASS);
            assertThat(r.status()).isEqualTo(Status.WAIVED);
        }

        @Test
        @DisplayName("an expired waiver waives nothing and is itself a FAIL")
        void expired() throws Exception {
            GateResult r = run(PROTECTED + "  - check: docs:protected_attribute:age\n    reason: r\n"
                    + "    approver: Risk Officer\n    expires: 2026-11-25\n");
            assertThat(check(r, "docs:protected_attribute:age").status()).isEqualTo(Status.FAIL);
            CheckResult waiver = check(r, "waiver:docs:protected_attribute:age");
            assertThat(waiver.status()).isEqualTo(Status.FAIL);
            assertThat(waiver.message()).isEqualTo("waiver 1 (docs:protected_attribute:age) expired on 2026-11-25,"
                    + " so it waives nothing; fix what it excused, or have it renewed with a new expiry date");
        }

        @Test
        @DisplayName("a waiver on its last day still applies")
        void lastDay() throws Exception {
            GateResult r = run(PROTECTED + "  - check: docs:protected_attribute:age\n    reason: r\n"
                    + "    approver: Risk Officer\n    expires: 2026-11-26\n");
            assertThat(check(r, "docs:protected_attribute:age").status()).isEqualTo(Status.WAIVED);
        }

        @Test
        @DisplayName("a waiver without an approver waives nothing and is itself a FAIL")
        void noApprover() throws Exception {
            GateResult r = run(PROTECTED + "  - check: docs:protected_attribute:age\n    reason: r\n"
                    + "    expires: 2027-01-31\n");
            assertThat(check(r, "docs:protected_attribute:age").status()).isEqualTo(Status.FAIL);
            assertThat(check(r, "waiver:docs:protected_attribute:age").message()).contains("names no approver");
        }

        @Test
        @DisplayName("an ERROR is not waived: a check that could not be evaluated has nothing to excuse")
        void errorsAreNotWaived() throws Exception {
            Files.delete(repo.resolve("model/features.json"));
            GateResult r = run(PROTECTED + "  - check: \"*\"\n    reason: r\n    approver: a\n"
                    + "    expires: 2027-01-31\n");
            assertThat(check(r, "docs:protected_attributes").status()).isEqualTo(Status.ERROR);
        }

        @Test
        @DisplayName("the validation gate applies the same waivers")
        void validateGateToo() throws Exception {
            write("mlgates.yaml", """
                    predictions:
                      columns: {prediction: prediction}
                    limits:
                      - metric: accuracy
                        min: 0.99
                    waivers:
                      - check: limit:accuracy:*
                        reason: known weak model, replaced next quarter
                        approver: Head of Risk
                        expires: 2027-03-31
                    """);
            Workspace ws = Workspace.at(repo);
            GateResult r = new ValidationGate().evaluate(new ValidationRequest(ws,
                    new PolicyLoader().loadFromRepository(ws.root()), Optional.empty(), Optional.empty(),
                    ProgressListener.NONE, DAY, NOT_READ, ColumnChoice.none()));
            assertThat(check(r, "limit:accuracy:min").status()).isEqualTo(Status.WAIVED);
            assertThat(check(r, "limit:accuracy:min").message()).contains("known weak model");
            assertThat(check(r, "waiver:limit:accuracy:*").message()).endsWith("waives 1 check of this gate");
            assertThat(r.status()).isEqualTo(Status.WAIVED);
            assertThat(r.status().isSuccessful()).isTrue();
        }
    }
}
