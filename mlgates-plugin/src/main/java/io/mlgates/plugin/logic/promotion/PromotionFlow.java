package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.release.ApprovalDesk;
import io.mlgates.core.release.DecisionOutcome;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.core.release.Refusal;
import io.mlgates.plugin.logic.TeamRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A waiting promotion's two moves, on the controller: judge it against the team registry (when the step starts, when
 * the train departs, after each decision), and take a decision from a Jenkins user on the build's page. Each opens the
 * registry for the move and closes it after.
 */
public final class PromotionFlow {
    private final TeamRegistry team;
    private final PromotionInputs inputs;
    private final Clock clock;
    private final IdComparison ids;

    public PromotionFlow(TeamRegistry team, PromotionInputs inputs, Clock clock, IdComparison ids) {
        this.team = Objects.requireNonNull(team, "team");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * A judgement, the registry it was made against and the request it judged.
     *
     * @param registry the registry's location, as the script and the page name it
     * @param request the request as judged: the stored results read again and checked, the policy they name
     */
    public record Judged(PromotionState state, String registry, PromotionRequest request) {
        public Judged {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(request, "request");
        }
    }

    /** Judges the promotion as the registry stands now; promotes it when every rule holds. */
    public Judged judge(PendingPromotion pending) throws BadInputException, RegistryException {
        PromotionRequest request = inputs.load(pending);
        try (ModelRegistry registry = team.open(request.model())) {
            return new Judged(new PromotionJudge(registry, clock).judge(request, pending.approvers()),
                    registry.location(), request);
        }
    }

    /**
     * A decision as the page's form sends it.
     *
     * @param method the HTTP method: only POST decides (the form carries Jenkins' crumb, a GET could be forged)
     * @param user the logged-in user; empty when anonymous
     * @param mayRead whether the user may see the build
     * @param reason the reason typed in the form
     */
    public record Ask(String method, Optional<JenkinsUser> user, boolean mayRead, Approval.Decision decision,
                      String reason) {
        public Ask {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(decision, "decision");
            reason = reason == null ? "" : reason.strip();
        }
    }

    /**
     * What became of a decision.
     *
     * @param status the HTTP status to answer: 200 recorded, 400 no reason, 403 not allowed, 405 not a POST, 409
     *     refused by the record (not registered yet, a tampered log...)
     * @param refusals why not, empty when recorded
     * @param pending the promotion with the approver verified, when recorded
     */
    public record Reply(int status, List<Refusal> refusals, Optional<PendingPromotion> pending) {
        public Reply {
            refusals = List.copyOf(refusals);
            Objects.requireNonNull(pending, "pending");
        }

        /** A decision refused for one reason. */
        public static Reply refused(int status, String rule, String message) {
            return new Reply(status, List.of(new Refusal(rule, message)), Optional.empty());
        }

        public boolean recorded() {
            return pending.isPresent();
        }
    }

    /**
     * Takes a decision: the approver is the logged-in user, eligible by the policy's groups, not the build's starter
     * nor the candidate's author; the decision is an entry of the registry's audit chain, naming the user and the build.
     * Approving twice records twice and counts once (the latest decision of each approver counts).
     */
    public Reply decide(PendingPromotion pending, Ask ask) throws BadInputException, RegistryException {
        if (!ask.method().equals("POST")) {
            return Reply.refused(405, "http.post", "a decision is a POST from the promotion page's form, with"
                    + " Jenkins' crumb");
        }
        if (ask.user().isEmpty()) {
            return Reply.refused(403, "approvals.anonymous", "log in to Jenkins to decide: the approver is the"
                    + " logged-in user");
        }
        if (!ask.mayRead()) {
            return Reply.refused(403, "approvals.permission", ask.user().get().id() + " may not see this build");
        }
        if (ask.reason().isEmpty()) {
            return Reply.refused(400, "approvals.reason", "a decision needs a reason");
        }
        JenkinsUser user = ask.user().get();
        PromotionRequest request = inputs.load(pending);
        PromotionPolicy policy = request.policy();
        StagePolicy stage = policy.stage(pending.stage()).orElseThrow();
        Eligibility eligibility = Eligibility.of(policy, stage, pending.emergencyReason().isPresent(), user,
                pending.starter(), pending.author(), ids);
        if (!eligibility.eligible()) {
            return new Reply(403, eligibility.refusals(), Optional.empty());
        }
        PendingPromotion verified = pending.withApprover(user.id(), eligibility.group().get());
        try (ModelRegistry registry = team.open(request.model())) {
            Optional<ModelVersion> version = registry.versionByDigest(request.model(), request.digest());
            if (version.isEmpty()) {
                return Reply.refused(409, "registered", request.model() + " " + request.digest() + " is not in the"
                        + " registry yet: promote it to " + policy.stages().get(0).name() + " first, which"
                        + " registers it");
            }
            DecisionOutcome outcome = new ApprovalDesk(registry, clock).decide(version.get(),
                    verified.approvers().widen(policy), stage.name(), user.id(), ask.decision(),
                    ask.reason() + " [Jenkins user " + user.id() + ", build " + pending.buildUrl() + "]");
            if (outcome.recorded().isEmpty()) {
                return new Reply(409, outcome.refusals(), Optional.empty());
            }
        }
        return new Reply(200, List.of(), Optional.of(verified));
    }
}
