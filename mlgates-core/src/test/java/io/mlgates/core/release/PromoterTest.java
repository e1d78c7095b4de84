package io.mlgates.core.release;

import static io.mlgates.core.release.ReleaseFixtures.MODEL;
import static io.mlgates.core.release.ReleaseFixtures.digest;
import static io.mlgates.core.release.ReleaseFixtures.emergency;
import static io.mlgates.core.release.ReleaseFixtures.passed;
import static io.mlgates.core.release.ReleaseFixtures.request;
import static io.mlgates.core.release.ReleaseFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.gate.Status;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.release.PromotionOutcome.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoterTest {
    /** Thursday 26 November 2026: the candidate is built, judged and promoted to staging. */
    static final Instant BUILT = Instant.parse("2026-11-26T10:00:00Z");
    /** Friday: two risk officers approve. */
    static final Instant APPROVED = Instant.parse("2026-11-27T09:00:00Z");
    /** Tuesday 1 December, 14:30 in Berlin: the departure of 14:00 is open. */
    static final Instant DEPARTING = Instant.parse("2026-12-01T13:30:00Z");

    @TempDir
    Path tmp;
    SqliteRegistry registry;

    @BeforeEach
    void openRegistry() throws Exception {
        registry = SqliteRegistry.open(tmp.resolve("registry.db"), "registry.db", Clock.fixed(BUILT, ZoneOffset.UTC));
    }

    @AfterEach
    void closeRegistry() throws Exception {
        registry.close();
    }

    private PromotionOutcome promoteAt(Instant now, PromotionRequest request) throws Exception {
        return new Promoter(registry, Clock.fixed(now, ZoneOffset.UTC)).promote(request);
    }

    private void decide(String approver, Approval.Decision decision, Instant at) throws Exception {
        registry.decide(new Approval(MODEL, digest(1), "production", approver, decision, "reviewed the report", at));
    }

    /** Candidate 1 built, judged PASS and promoted to staging on Thursday. */
    private ModelVersion inStaging() throws Exception {
        assertThat(promoteAt(BUILT, request(1, "staging", passed(1, BUILT))).result()).isEqualTo(Result.PROMOTED);
        return registry.versionByDigest(MODEL, digest(1)).orElseThrow();
    }

    private PromotionOutcome toProduction(Instant now) throws Exception {
        return promoteAt(now, request(1, "production", passed(1, BUILT)));
    }

    @Test
    @DisplayName("allowed when everything holds: evidence for this digest, two approvals before the cut-off, an open"
            + " departure; the move, its evidence and the audit chain are recorded")
    void allowedWhenEverythingHolds() throws Exception {
        inStaging();
        decide("carol", Approval.Decision.APPROVE, APPROVED);
        decide("dave", Approval.Decision.APPROVE, APPROVED.plusSeconds(60));

        PromotionOutcome outcome = toProduction(DEPARTING);

        assertThat(outcome.result()).isEqualTo(Result.PROMOTED);
        assertThat(outcome.version()).hasValue(1);
        assertThat(outcome.from()).isEmpty();
        assertThat(registry.current(MODEL, "production")).hasValue(1);
        AuditEntry last = registry.auditLog().get(registry.auditLog().size() - 1);
        assertThat(last.record().action()).isEqualTo("promote");
        assertThat(last.record().actor()).isEqualTo("jenkins");
        assertThat(last.record().digest()).isEqualTo(digest(1));
        var evidence = CanonicalJson.parse(last.record().evidence()).path("evidence");
        assertThat(evidence.path("approvals")).extracting(a -> a.path("approver").asText())
                .containsExactly("carol", "dave");
        assertThat(evidence.path("departure").asText()).isEqualTo("2026-12-01T14:00+01:00");
        assertThat(evidence.path("gates").get(0).path("candidateDigest").asText()).isEqualTo(digest(1));
        assertThat(registry.verifyAudit().intact()).isTrue();
        assertThat(outcome.head()).as("the anchor is the move's own entry")
                .contains(new io.mlgates.core.audit.AuditHead(last.seq(), last.hash()));
    }

    @Test
    @DisplayName("the first promotion registers the candidate with its author, evidence and metrics")
    void firstPromotionRegisters() throws Exception {
        ModelVersion v = inStaging();
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.author()).isEqualTo("alice");
        AuditEntry register = registry.auditLog().get(0);
        assertThat(register.record().action()).isEqualTo("register");
        assertThat(register.record().actor()).as("who ran it").isEqualTo("jenkins");
        assertThat(CanonicalJson.parse(register.record().evidence()).path("author").asText()).isEqualTo("alice");
        assertThat(v.registration().evidence()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(Status.PASS));
        assertThat(v.registration().metrics()).containsEntry("roc_auc", 0.81);
        assertThat(v.registration().buildLink()).contains("https://ci.example/job/credit-risk/1");
        assertThat(promoteAt(BUILT, request(1, "staging", passed(1, BUILT))).result()).isEqualTo(Result.UNCHANGED);
    }

    @Nested
    @DisplayName("refused")
    class Refused {
        @Test
        @DisplayName("without evidence: no result file of a required gate")
        void withoutEvidence() throws Exception {
            PromotionOutcome outcome = promoteAt(BUILT, request(1, "staging", Map.of()));
            assertThat(outcome.result()).isEqualTo(Result.REFUSED);
            assertThat(outcome.refusals()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo("evidence.missing");
                assertThat(r.message()).contains("no result of the validate gate (validate.json)");
            });
            assertThat(registry.versions(MODEL)).as("nothing registered").isEmpty();
            assertThat(registry.auditLog()).isEmpty();
        }

        @Test
        @DisplayName("with a failed gate")
        void withAFailedGate() throws Exception {
            PromotionOutcome outcome = promoteAt(BUILT, request(1, "staging",
                    Map.of("validate", result("validate", Status.FAIL, digest(1), BUILT))));
            assertThat(outcome.refusals()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo("evidence.status");
                assertThat(r.message()).isEqualTo("the validate gate's status is FAIL; stage staging accepts PASS,"
                        + " WARN, WAIVED");
            });
        }

        @Test
        @DisplayName("with a WARN where the stage accepts PASS only")
        void withAWarnWherePassIsRequired() throws Exception {
            var strict = new io.mlgates.core.policy.PromotionPolicy(List.of(new io.mlgates.core.policy.StagePolicy(
                    "staging", List.of("validate"), false, false, java.util.Optional.empty(), false, false, false)), false, true,
                    Map.of(), java.util.Optional.empty(), java.util.Optional.empty(), "r.db", "results");
            PromotionRequest r = request(1, "staging", Map.of("validate", result("validate", Status.WARN, digest(1),
                    BUILT)));
            PromotionOutcome outcome = promoteAt(BUILT, new PromotionRequest(r.model(), r.candidate(), strict,
                    r.stage(), r.results(), r.actor(), r.author(), r.source(), r.buildLink(), r.emergencyReason(),
                    r.currentPolicy()));
            assertThat(outcome.rules()).containsExactly("evidence.status");
            assertThat(outcome.refusals().get(0).message()).endsWith("accepts PASS");
        }

        @Test
        @DisplayName("with a waiver that held when the gate ran but has expired since")
        void withAWaiverExpiredSinceTheGateRan() throws Exception {
            io.mlgates.core.gate.GateResult ran = result("ethics", Status.PASS, digest(1), BUILT);
            io.mlgates.core.gate.WaiverNote note = new io.mlgates.core.gate.WaiverNote("fairness:*", "accepted",
                    "Head of Risk", java.time.LocalDate.parse("2026-11-26"), Status.FAIL);
            io.mlgates.core.gate.GateResult waived = new io.mlgates.core.gate.GateResult(ran.gate(), Status.WAIVED,
                    ran.modelName(), ran.candidate(), ran.policyDigest(), ran.policyFile(), ran.organisationPolicy(),
                    ran.data(), ran.metrics(), List.of(new io.mlgates.core.gate.CheckResult("fairness:sex:four_fifths:f",
                            Status.WAIVED, java.util.Optional.empty(), java.util.OptionalDouble.empty(),
                            java.util.Optional.empty(), java.util.Optional.empty(), java.util.OptionalDouble.empty(),
                            java.util.Optional.empty(), "waived (was FAIL)", java.util.Optional.of(note))),
                    ran.curves(), ran.evaluatedAt(), ran.engineVersion(), ran.fairness(), ran.evidence());
            var both = new io.mlgates.core.policy.PromotionPolicy(List.of(new io.mlgates.core.policy.StagePolicy(
                    "staging", List.of("validate", "ethics"), true, true, java.util.Optional.empty(), false, false, false)), false,
                    true, Map.of(), java.util.Optional.empty(), java.util.Optional.empty(), "r.db", "results");
            PromotionRequest r = request(1, "staging", Map.of("validate", result("validate", Status.PASS, digest(1),
                    BUILT), "ethics", waived));
            PromotionRequest withBoth = new PromotionRequest(r.model(), r.candidate(), both, r.stage(), r.results(),
                    r.actor(), r.author(), r.source(), r.buildLink(), r.emergencyReason(), r.currentPolicy());
            assertThat(promoteAt(BUILT, withBoth).result()).isEqualTo(Result.PROMOTED);
            PromotionRequest next = request(2, "staging", Map.of("validate", result("validate", Status.PASS,
                    digest(2), BUILT), "ethics", new io.mlgates.core.gate.GateResult(waived.gate(), waived.status(),
                    waived.modelName(), new io.mlgates.core.candidate.Candidate(digest(2), "model", 2, 1024),
                    waived.policyDigest(), waived.policyFile(), waived.organisationPolicy(), waived.data(),
                    waived.metrics(), waived.checks(), waived.curves(), waived.evaluatedAt(), waived.engineVersion(),
                    waived.fairness(), waived.evidence())));
            PromotionOutcome outcome = promoteAt(Instant.parse("2026-11-27T09:00:00Z"), new PromotionRequest(
                    next.model(), next.candidate(), both, next.stage(), next.results(), next.actor(), next.author(),
                    next.source(), next.buildLink(), next.emergencyReason(), next.currentPolicy()));
            assertThat(outcome.refusals()).singleElement().satisfies(refusal -> {
                assertThat(refusal.rule()).isEqualTo("evidence.waiver");
                assertThat(refusal.message()).contains("fairness:sex:four_fifths:f (waived until 2026-11-26)");
            });
        }

        @Test
        @DisplayName("with evidence for another digest: the artefacts changed after the gate ran")
        void withEvidenceForAnotherDigest() throws Exception {
            PromotionOutcome outcome = promoteAt(BUILT, request(1, "staging", passed(2, BUILT)));
            assertThat(outcome.refusals()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo("evidence.digest");
                assertThat(r.message()).contains("judged candidate " + digest(2) + ", not " + digest(1));
            });
        }

        @Test
        @DisplayName("when it skips a stage")
        void whenItSkipsAStage() throws Exception {
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            decide("dave", Approval.Decision.APPROVE, APPROVED);
            PromotionOutcome outcome = toProduction(DEPARTING);
            assertThat(outcome.rules()).containsExactly("order");
            assertThat(outcome.refusals().get(0).message()).startsWith("the candidate has not been in staging");
        }

        @Test
        @DisplayName("with too few approvals")
        void withTooFewApprovals() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            PromotionOutcome outcome = toProduction(DEPARTING);
            assertThat(outcome.refusals()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo("approvals.quorum");
                assertThat(r.message()).isEqualTo("needs 2 approvals from group risk, has 1 (carol)");
            });
            assertThat(registry.current(MODEL, "production")).isEmpty();
        }

        @Test
        @DisplayName("with a self-approval: the author's approval does not count (four-eyes rule)")
        void withASelfApproval() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            decide("alice", Approval.Decision.APPROVE, APPROVED);
            PromotionOutcome outcome = toProduction(DEPARTING);
            assertThat(outcome.rules()).containsExactly("approvals.quorum");
            assertThat(outcome.refusals().get(0).message()).contains("has 1 (carol)")
                    .contains("alice's approval does not count: alice authored the candidate (four-eyes rule)");
        }

        // Gate waivers arrive with the ethics gate (issue 3); until then the expiry rule is shown on approvals,
        // and an expired waiver will be a test beside this one.
        @Test
        @DisplayName("with an expired approval")
        void withAnExpiredApproval() throws Exception {
            inStaging();
            decide("dave", Approval.Decision.APPROVE, APPROVED);
            decide("carol", Approval.Decision.APPROVE, Instant.parse("2026-12-14T09:00:00Z"));
            // the departure of Tuesday 15 December, two weeks later
            PromotionOutcome outcome = toProduction(DEPARTING.plus(java.time.Duration.ofDays(14)));
            assertThat(outcome.rules()).containsExactly("approvals.quorum");
            assertThat(outcome.refusals().get(0).message()).contains("dave's approval of 2026-11-27T09:00:00Z"
                    + " expired at 2026-12-04T09:00:00Z (decisions last 7d)");
        }

        @Test
        @DisplayName("approvals for an earlier build do not carry over to a rebuilt candidate")
        void approvalsAreBoundToTheDigest() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            decide("dave", Approval.Decision.APPROVE, APPROVED);
            assertThat(promoteAt(APPROVED.plusSeconds(3600), request(2, "staging", passed(2, BUILT))).result())
                    .isEqualTo(Result.PROMOTED);
            PromotionOutcome outcome = promoteAt(DEPARTING, request(2, "production", passed(2, BUILT)));
            assertThat(outcome.rules()).containsExactly("approvals.quorum");
        }

        @Test
        @DisplayName("when a group member's rejection stands")
        void whenARejectionStands() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            decide("dave", Approval.Decision.APPROVE, APPROVED);
            decide("erin", Approval.Decision.REJECT, APPROVED.plusSeconds(5));
            assertThat(toProduction(DEPARTING).rules()).containsExactly("approvals.rejected");
            decide("erin", Approval.Decision.APPROVE, APPROVED.plusSeconds(10));
            assertThat(toProduction(DEPARTING).result()).as("her later approval replaces her rejection")
                    .isEqualTo(Result.PROMOTED);
        }

        @Test
        @DisplayName("outside a departure: it is ready and waits, and the refusal says for when")
        void outsideADeparture() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            decide("dave", Approval.Decision.APPROVE, APPROVED);
            PromotionOutcome outcome = toProduction(Instant.parse("2026-12-01T15:00:00Z"));
            assertThat(outcome.rules()).containsExactly("train.departure");
            assertThat(outcome.waitsForTrain()).as("refused only by the train: it waits").isTrue();
            assertThat(outcome.refusals().get(0).message()).isEqualTo("stage production rides the release train and"
                    + " no departure is open now; the candidate is ready and waits: the next departure is Tuesday"
                    + " 2026-12-15 14:00 Europe/Berlin (cut-off Tuesday 2026-12-15 12:00 Europe/Berlin)");
            assertThat(outcome.nextDeparture()).contains(ZonedDateTime.parse("2026-12-15T14:00+01:00[Europe/Berlin]"));
        }

        @Test
        @DisplayName("after the cut-off: the quorum was reached too late for this departure")
        void afterTheCutOff() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            decide("dave", Approval.Decision.APPROVE, Instant.parse("2026-12-01T12:30:00Z"));
            PromotionOutcome outcome = toProduction(DEPARTING);
            assertThat(outcome.rules()).containsExactly("train.cutoff");
            assertThat(outcome.waitsForTrain()).as("the next departure takes it").isTrue();
            assertThat(outcome.refusals().get(0).message()).startsWith("the quorum was reached after this"
                    + " departure's cut-off Tuesday 2026-12-01 12:00 Europe/Berlin");
        }

        @Test
        @DisplayName("during a freeze, even at the hour a train would depart")
        void duringAFreeze() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, Instant.parse("2026-12-07T09:00:00Z"));
            decide("dave", Approval.Decision.APPROVE, Instant.parse("2026-12-07T09:00:00Z"));
            PromotionOutcome outcome = toProduction(Instant.parse("2026-12-08T13:30:00Z"));
            assertThat(outcome.rules()).containsExactly("train.freeze");
            assertThat(outcome.waitsForTrain()).as("the first departure after the freeze takes it").isTrue();
            assertThat(outcome.refusals().get(0).message()).isEqualTo("no train departs during the freeze 'payments"
                    + " migration' until Thursday 2026-12-10 00:00 Europe/Berlin; the next departure is Tuesday"
                    + " 2026-12-15 14:00 Europe/Berlin (cut-off Tuesday 2026-12-15 12:00 Europe/Berlin)");
        }

        @Test
        @DisplayName("when another promotion moved the stage since it was judged")
        void whenTheStageMovedSinceJudged() throws Exception {
            inStaging();
            assertThat(promoteAt(BUILT, request(2, "staging", passed(2, BUILT))).result())
                    .isEqualTo(Result.PROMOTED);
            PromotionOutcome stale = new Promoter(registry, Clock.fixed(BUILT, ZoneOffset.UTC))
                    .promote(request(3, "staging", passed(3, BUILT)), OptionalInt.of(1));
            assertThat(stale.rules()).containsExactly("stage.conflict");
            assertThat(stale.waitsForTrain()).isFalse();
            assertThat(stale.from()).hasValue(2);
            assertThat(registry.current(MODEL, "staging")).hasValue(2);
        }

        @Test
        @DisplayName("every broken rule is listed, not only the first")
        void everyRuleIsListed() throws Exception {
            PromotionOutcome outcome = toProduction(Instant.parse("2026-12-02T10:00:00Z"));
            assertThat(outcome.rules()).containsExactly("order", "approvals.quorum", "train.departure");
            assertThat(outcome.waitsForTrain()).as("other rules refuse it too: refused, not waiting").isFalse();
            assertThat(outcome.refusals().get(2).message()).doesNotContain("ready");
        }
    }

    @Nested
    @DisplayName("the emergency path")
    class Emergency {
        private final Instant wednesday = Instant.parse("2026-12-02T10:00:00Z");

        @Test
        @DisplayName("with its quorum and a reason: promoted outside any departure, recorded as an emergency")
        void withItsQuorum() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            decide("dave", Approval.Decision.APPROVE, APPROVED);
            decide("erin", Approval.Decision.APPROVE, wednesday.minusSeconds(600));
            PromotionOutcome outcome = promoteAt(wednesday, emergency(1, "production", passed(1, BUILT),
                    "fraud spike: the current model lets through card-testing attacks"));
            assertThat(outcome.result()).isEqualTo(Result.PROMOTED);
            assertThat(outcome.emergency()).isTrue();
            var move = registry.history(MODEL).get(1);
            assertThat(move.request().emergency()).isTrue();
            assertThat(move.request().reason()).startsWith("fraud spike");
        }

        @Test
        @DisplayName("without its quorum: refused, although the ordinary quorum is there")
        void withoutItsQuorum() throws Exception {
            inStaging();
            decide("carol", Approval.Decision.APPROVE, APPROVED);
            decide("dave", Approval.Decision.APPROVE, APPROVED);
            PromotionOutcome outcome = promoteAt(wednesday, emergency(1, "production", passed(1, BUILT), "fraud"));
            assertThat(outcome.rules()).containsExactly("emergency.quorum");
            assertThat(outcome.refusals().get(0).message()).startsWith("the emergency path needs 3 approvals from"
                    + " group risk, has 2");
        }

        @Test
        @DisplayName("never skips the evidence")
        void neverSkipsEvidence() throws Exception {
            inStaging();
            PromotionOutcome outcome = promoteAt(wednesday, emergency(1, "production",
                    Map.of("validate", result("validate", Status.FAIL, digest(1), BUILT)), "fraud"));
            assertThat(outcome.rules()).containsExactly("evidence.status", "emergency.quorum");
        }

        @Test
        @DisplayName("without a written reason it is bad input")
        void withoutAReason() throws Exception {
            inStaging();
            assertThatThrownBy(() -> promoteAt(wednesday, emergency(1, "production", passed(1, BUILT), " ")))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("needs a written reason");
        }
    }

    @Test
    @DisplayName("an unknown stage is bad input that lists the stages")
    void unknownStage() {
        assertThatThrownBy(() -> promoteAt(BUILT, request(1, "prod", passed(1, BUILT))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("promotion.stages: no stage 'prod'; the stages are staging, production");
    }
}
