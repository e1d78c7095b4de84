package io.mlgates.plugin.logic.promotion;

import static io.mlgates.plugin.logic.promotion.Road.at;
import static io.mlgates.plugin.logic.promotion.Road.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.gate.Status;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.release.Refusal;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.TeamRegistry;
import io.mlgates.plugin.logic.TrendIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval handler's logic: who may decide, how, and what the audit chain records. */
class PromotionFlowTest {
    static final JenkinsUser ALICE = new JenkinsUser("alice", List.of("authenticated"));
    static final JenkinsUser BOB = new JenkinsUser("bob", List.of("authenticated", "release-managers"));

    @TempDir
    Path tmp;
    TeamRegistry team;
    PromotionFlow flow;
    PendingPromotion production;

    @BeforeEach
    void waitingForApprovals() throws Exception {
        Kept kept = new Kept(tmp.resolve("builds"));
        ResultSummary ethics = kept.store(42, "ethics", result("ethics", 1, Status.PASS, Kept.POLICY_DIGEST));
        ResultSummary validate = kept.store(42, "validate", result("validate", 1, Status.PASS, Kept.POLICY_DIGEST));
        // opened only for a model, as an MLflow team registry is (one audit chain per model): the flow must say which
        team = new TeamRegistry() {
            @Override
            public ModelRegistry open() throws RegistryException {
                throw new RegistryException("this registry is opened for a model");
            }

            @Override
            public ModelRegistry open(String model) throws RegistryException {
                assertThat(model).isEqualTo(Road.MODEL);
                return SqliteRegistry.open(tmp.resolve("registry.db"), "team registry", at(Road.BUILT));
            }
        };
        PromotionInputs inputs = new PromotionInputs(kept.builds(), Optional.empty());
        flow = new PromotionFlow(team, inputs, at(Road.FRIDAY), EligibilityTest.CASE_INSENSITIVE);
        List<io.mlgates.plugin.logic.TrendEntry> index = TrendIndex.in(kept.builds()).recent(100);
        // bob started the build (and is its declared author): he promotes to staging, which needs nobody
        assertThat(flow.judge(inputs.gather(PromotionInputsTest.ask("staging"), 42, List.of(validate), index))
                .state().kind()).isEqualTo(PromotionState.Kind.PROMOTED);
        production = inputs.gather(PromotionInputsTest.ask("production"), 42, List.of(ethics, validate), index);
        assertThat(flow.judge(production).state().refusals()).extracting(Refusal::rule).containsExactly("approvals.quorum", "train.departure");
        assertThat(flow.judge(production).state().kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_APPROVALS);
    }

    private static PromotionFlow.Ask post(JenkinsUser user, Approval.Decision decision, String reason) {
        return new PromotionFlow.Ask("POST", Optional.of(user), true, decision, reason);
    }

    private List<Approval> recorded() throws Exception {
        try (ModelRegistry registry = team.open(Road.MODEL)) {
            return registry.approvals(Road.MODEL, Road.digest(1), "production");
        }
    }

    @Test
    void aGetIsRefusedAndRecordsNothing() throws Exception {
        PromotionFlow.Reply reply = flow.decide(production, new PromotionFlow.Ask("GET", Optional.of(ALICE), true,
                Approval.Decision.APPROVE, "looks good"));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(recorded()).isEmpty();
    }

    @Test
    void aPostWithoutPermissionOrAnonymousIsRefused() throws Exception {
        assertThat(flow.decide(production, new PromotionFlow.Ask("POST", Optional.of(ALICE), false,
                Approval.Decision.APPROVE, "looks good")).status()).isEqualTo(403);
        assertThat(flow.decide(production, new PromotionFlow.Ask("POST", Optional.empty(), true,
                Approval.Decision.APPROVE, "looks good")).status()).isEqualTo(403);
        assertThat(recorded()).isEmpty();
    }

    @Test
    void theBuilderCannotApproveTheirOwnBuildEvenThroughAnApproverGroup() throws Exception {
        PromotionFlow.Reply reply = flow.decide(production, post(BOB, Approval.Decision.APPROVE, "ship it"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.refusals()).extracting(Refusal::rule).containsOnly("approvals.fourEyes");
        assertThat(recorded()).isEmpty();
    }

    @Test
    void aDecisionNeedsAReason() throws Exception {
        assertThat(flow.decide(production, post(ALICE, Approval.Decision.APPROVE, "  ")).status()).isEqualTo(400);
    }

    @Test
    void approvingTwiceCountsOnce() throws Exception {
        PromotionFlow.Reply first = flow.decide(production, post(ALICE, Approval.Decision.APPROVE, "recall is fine"));
        PromotionFlow.Reply second = flow.decide(first.pending().orElseThrow(),
                post(ALICE, Approval.Decision.APPROVE, "still fine"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        PromotionState state = flow.judge(second.pending().orElseThrow()).state();
        assertThat(state.counted()).extracting(Approval::approver).containsExactly("alice");
        assertThat(state.stillNeeded()).isEqualTo(1);
        assertThat(second.pending().orElseThrow().approvers().entries()).hasSize(1);
    }

    @Test
    void aMemberThroughAJenkinsGroupCountsAndEachDecisionIsAnAuditEntryNamingTheUserAndTheBuild() throws Exception {
        JenkinsUser mallory = new JenkinsUser("mallory", List.of("Release-Managers"));
        PendingPromotion p = flow.decide(production, post(ALICE, Approval.Decision.APPROVE, "recall is fine"))
                .pending().orElseThrow();
        p = flow.decide(p, post(mallory, Approval.Decision.APPROVE, "release manager")).pending().orElseThrow();

        assertThat(flow.judge(p).state().kind()).isEqualTo(PromotionState.Kind.WAITING_FOR_DEPARTURE);
        try (ModelRegistry registry = team.open(Road.MODEL)) {
            List<AuditEntry> log = registry.auditLog();
            assertThat(log.stream().map(AuditEntry::toString).filter(e -> e.contains("mallory")).toList())
                    .singleElement().asString().contains("Jenkins user mallory, build job/credit-risk/42/");
            assertThat(registry.verifyAudit().intact()).isTrue();
        }
    }

    @Test
    void aRejectionEndsThePromotion() throws Exception {
        PromotionFlow.Reply reply = flow.decide(production, post(ALICE, Approval.Decision.REJECT,
                "the disparity needs a second look"));

        PromotionState state = flow.judge(reply.pending().orElseThrow()).state();

        assertThat(state.kind()).isEqualTo(PromotionState.Kind.REJECTED);
        assertThat(state.rejection().orElseThrow().approver()).isEqualTo("alice");
    }
}
