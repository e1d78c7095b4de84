package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.BadInputException;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.plugin.logic.StepLog;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import io.mlgates.plugin.logic.attest.Signer;
import io.mlgates.plugin.logic.attest.Signing;
import io.mlgates.plugin.logic.attest.UnusableKey;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One judgement of a waiting promotion, and what it does to the step: still waiting (the view kept, a line in the log
 * when something changed, the next departure scheduled), or ended: promoted (a badge, the script's value), refused
 * (the build fails, or the refusal returns to the script), rejected (the step ends as a rejected input does). Written
 * against the plugin's own small interfaces, so the waiting is tested with plain objects; the execution adapts them.
 */
public final class PromotionWait {
    private final PromotionFlow flow;
    private final Clock clock;
    private final Signing signing;

    /** @param signing the key that signs a promotion's Verification Summary, as Manage Jenkins sets it */
    public PromotionWait(PromotionFlow flow, Clock clock, Signing signing) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signing = Objects.requireNonNull(signing, "signing");
    }

    /** The build a promotion waits in. */
    public interface Build {
        /** The promotion as the build keeps it; empty once it no longer waits. */
        Optional<PendingPromotion> pending(String id);

        /** Keeps the promotion's view; true when it differs from the one before. */
        boolean show(String id, PromotionView view);

        /** The promotion waits no more. */
        void done(String id);

        /** Marks the build as having promoted, with a badge naming the stage. */
        void promoted(PromotionView view);

        /**
         * Keeps the promotion's signed Verification Summary Attestation with the build
         * ({@link io.mlgates.plugin.logic.attest.Attestations#ofPromotion}), named in build.xml with its key and
         * digest.
         */
        void keepAttestation(String id, SignedEnvelope summary) throws IOException;

        /** Writes build.xml. */
        void save() throws IOException;
    }

    /** How the step ends, or is woken again. */
    public interface Step {
        void succeed(Map<String, Object> value);

        /** Fails the step, and with it the build. */
        void fail(String message);

        /** Ends the step as a rejected input does: the build aborted, naming who and why. */
        void reject(String approver, String reason);

        /** Judges again at that moment: the train's departure. */
        void wakeAt(Instant at);
    }

    /**
     * Judges the promotion with this id, if it still waits.
     *
     * @param failOnError whether a refusal fails the build or returns to the script
     */
    public void judge(String id, boolean failOnError, Build build, Step step, StepLog log) throws IOException {
        Optional<PendingPromotion> pending = build.pending(id);
        if (pending.isEmpty()) {
            return;
        }
        Optional<Signer> signer;
        try {
            // Before anything is promoted: with a key set, no promotion goes without its signed summary.
            signer = signing.signer();
        } catch (UnusableKey e) {
            build.done(id);
            build.save();
            step.fail("mlPromote: the signing key set in Manage Jenkins cannot sign: " + e.getMessage()
                    + "; nothing was promoted. Set a usable key there, or none to keep promotions unsigned");
            return;
        }
        PromotionFlow.Judged judged;
        try {
            judged = flow.judge(pending.get());
        } catch (BadInputException | RegistryException e) {
            build.done(id);
            build.save();
            step.fail("mlPromote: " + e.getMessage());
            return;
        }
        PromotionState state = judged.state();
        PromotionView view = PromotionView.of(pending.get(), state, clock.instant());
        boolean changed = build.show(id, view);
        if (state.kind().waiting()) {
            build.save();
            if (changed) {
                log.say(waiting(view));
            }
            state.nextDeparture().ifPresent(d -> step.wakeAt(d.toInstant()));
            return;
        }
        build.done(id);
        if (state.kind() == PromotionState.Kind.PROMOTED) {
            build.promoted(view);
            if (signer.isPresent()) {
                SignedEnvelope summary = signer.get().promotion(judged.request(), state.outcome(),
                        clock.instant());
                build.keepAttestation(id, summary);
                log.say("signed the promotion's Verification Summary Attestation with the key " + summary.keyId());
            }
        }
        build.save();
        switch (state.kind()) {
            case PROMOTED -> {
                log.say("promoted " + view.getModel() + " version " + view.getVersion() + " to " + view.getStage()
                        + " in " + judged.registry() + state.outcome().head().map(h -> "; chain head " + h)
                        .orElse(""));
                step.succeed(view.toScript(judged.registry()));
            }
            case REJECTED -> {
                Approval rejection = state.rejection().orElseThrow();
                log.say("promotion '" + id + "' rejected by " + rejection.approver() + ": " + rejection.reason());
                step.reject(rejection.approver(), rejection.reason());
            }
            default -> {
                String message = "refused: " + view.getModel() + " to " + view.getStage() + ": " + view.refusalText();
                log.say(message);
                if (failOnError) {
                    step.fail("mlPromote: " + message + " (failOnError: false returns the refusal to the script)");
                } else {
                    step.succeed(view.toScript(judged.registry()));
                }
            }
        }
    }

    static String waiting(PromotionView view) {
        StringBuilder line = new StringBuilder("promotion '" + view.getId() + "' of " + view.getModel() + " to "
                + view.getStage() + " waits");
        if (view.getStillNeeded() > 0) {
            line.append(" for ").append(view.getStillNeeded()).append(" more approval")
                    .append(view.getStillNeeded() == 1 ? "" : "s").append(" from ").append(view.getGroup());
        }
        if (view.getNextDeparture() != null) {
            line.append("; next departure ").append(view.getNextDeparture());
        }
        return line.append(": ").append(view.refusalText()).toString();
    }
}
