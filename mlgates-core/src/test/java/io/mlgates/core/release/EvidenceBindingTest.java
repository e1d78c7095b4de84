package io.mlgates.core.release;

import static io.mlgates.core.release.ReleaseFixtures.CURRENT;
import static io.mlgates.core.release.ReleaseFixtures.MODEL;
import static io.mlgates.core.release.ReleaseFixtures.digest;
import static io.mlgates.core.release.ReleaseFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.policy.OrganisationRef;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.release.PromotionOutcome.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate result counts only when it was judged under the repository's current rules, on the policy's own inputs. */
class EvidenceBindingTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final String STRICT = "sha256:" + "cd".repeat(32);
    static final String LAX = "sha256:" + "11".repeat(32);
    static final OrganisationRef ORG = new OrganisationRef("org.yaml", "sha256:" + "0e".repeat(32));
    static final OrganisationRef OLD_ORG = new OrganisationRef("org.yaml", "sha256:" + "0d".repeat(32));

    @TempDir
    Path tmp;
    SqliteRegistry registry;

    @BeforeEach
    void openRegistry() throws Exception {
        registry = SqliteRegistry.open(tmp.resolve("registry.db"), "registry.db", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeRegistry() throws Exception {
        registry.close();
    }

    /** A PASS for candidate 1 as judged under the given policy, organisation policy and overrides. */
    private static GateResult judged(String policyDigest, Optional<String> policyFile,
                                     Optional<OrganisationRef> organisation, Map<String, String> overrides) {
        GateResult r = result("validate", Status.PASS, digest(1), NOW);
        return new GateResult(r.gate(), r.status(), r.modelName(), r.candidate(), policyDigest, policyFile,
                organisation, r.data(), r.metrics(), r.checks(), r.curves(), r.evaluatedAt(), r.engineVersion(),
                r.fairness(), new Evidence(r.evidence().inputs(), r.evidence().chainHead(), overrides));
    }

    private PromotionOutcome promote(GateResult validate, CurrentPolicy current, boolean acceptOverrides)
            throws Exception {
        PromotionPolicy policy = new PromotionPolicy(List.of(new StagePolicy("staging", List.of("validate"), true,
                true, Optional.empty(), false, false, acceptOverrides)), false, true, Map.of(), Optional.empty(),
                Optional.empty(), PromotionPolicy.DEFAULT_REGISTRY, PromotionPolicy.DEFAULT_RESULTS);
        return new Promoter(registry, Clock.fixed(NOW, ZoneOffset.UTC)).promote(new PromotionRequest(MODEL,
                ReleaseFixtures.candidate(1), policy, "staging", Map.of("validate", validate), "ci", "alice", "model",
                Optional.empty(), Optional.empty(), current));
    }

    @Test
    @DisplayName("validate --policy lax.yaml, then promote under the repository's strict mlgates.yaml: refused, both"
            + " files and digests named")
    void judgedUnderAnotherPolicy() throws Exception {
        PromotionOutcome outcome = promote(judged(LAX, Optional.of("lax.yaml"), Optional.empty(),
                Map.of("policy", "lax.yaml")), CURRENT, true);
        assertThat(outcome.result()).isEqualTo(Result.REFUSED);
        assertThat(outcome.refusals()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("evidence.policy");
            assertThat(r.message()).isEqualTo("validate.json was judged under the policy lax.yaml (" + LAX
                    + "), not under the repository's current mlgates.yaml (" + STRICT + "); run the gate again"
                    + " under the current policy");
        });
        assertThat(registry.versions(MODEL)).isEmpty();
    }

    @Test
    @DisplayName("judged under another organisation policy, or without the one in force, or with one no longer"
            + " given: refused, the difference named")
    void judgedUnderAnotherOrganisationPolicy() throws Exception {
        PromotionOutcome older = promote(judged(STRICT, Optional.of("mlgates.yaml"), Optional.of(OLD_ORG), Map.of()),
                new CurrentPolicy("mlgates.yaml", STRICT, Optional.of(ORG)), false);
        assertThat(older.refusals()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("evidence.organisation");
            assertThat(r.message()).contains("under the organisation policy org.yaml (" + OLD_ORG.digest() + ")")
                    .contains("the organisation policy now is org.yaml (" + ORG.digest() + ")");
        });
        PromotionOutcome without = promote(judged(STRICT, Optional.of("mlgates.yaml"), Optional.empty(), Map.of()),
                new CurrentPolicy("mlgates.yaml", STRICT, Optional.of(ORG)), false);
        assertThat(without.refusals()).singleElement().satisfies(r -> assertThat(r.message())
                .contains("was judged without an organisation policy"));
        PromotionOutcome notGiven = promote(judged(STRICT, Optional.of("mlgates.yaml"), Optional.of(ORG), Map.of()),
                CURRENT, false);
        assertThat(notGiven.refusals()).singleElement().satisfies(r -> assertThat(r.message())
                .contains("no organisation policy is given now (--org-policy or MLGATES_ORG_POLICY)"));
        assertThat(promote(judged(STRICT, Optional.of("mlgates.yaml"), Optional.of(ORG), Map.of()),
                new CurrentPolicy("mlgates.yaml", STRICT, Optional.of(ORG)), false).result())
                .isEqualTo(Result.PROMOTED);
    }

    @Test
    @DisplayName("ethics --sensitive sex (or any override): refused by a stage that does not accept overrides,"
            + " counted by one that does")
    void overrides() throws Exception {
        GateResult overridden = judged(STRICT, Optional.of("mlgates.yaml"), Optional.empty(),
                Map.of("sensitive", "sex"));
        PromotionOutcome refused = promote(overridden, CURRENT, false);
        assertThat(refused.refusals()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("evidence.overrides");
            assertThat(r.message()).isEqualTo("validate.json was judged with inputs other than the policy names"
                    + " (sensitive 'sex'); stage staging does not accept overrides (acceptOverrides is false): run"
                    + " the gate on the policy's own inputs");
        });
        assertThat(promote(overridden, CURRENT, true).result()).isEqualTo(Result.PROMOTED);
    }
}
