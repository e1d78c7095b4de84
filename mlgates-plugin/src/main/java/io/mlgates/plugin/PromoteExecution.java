package io.mlgates.plugin;

import hudson.AbortException;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.OrganisationPolicy;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.plugin.logic.ResultIds;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.StepLog;
import io.mlgates.plugin.logic.TrendIndex;
import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import io.mlgates.plugin.logic.attest.Signing;
import io.mlgates.plugin.logic.board.WaitingPromotion;
import io.mlgates.plugin.logic.board.WaitingPromotions;
import io.mlgates.plugin.logic.promotion.PendingPromotion;
import io.mlgates.plugin.logic.promotion.PromotionFlow;
import io.mlgates.plugin.logic.promotion.PromotionInputs;
import io.mlgates.plugin.logic.promotion.PromotionWait;
import io.mlgates.plugin.logic.promotion.PromotionView;
import io.mlgates.plugin.logic.OrganisationText;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * {@code mlPromote}'s execution, which waits as {@code input}'s does: {@code start()} records the promotion with the
 * build and returns false, holding no thread and no executor. The promotion is judged on Jenkins' timer when it
 * starts, after each decision on its page, at the train's next departure, and after a restart; it ends the step when
 * it is promoted, refused or rejected. Only its id and {@code failOnError} travel with the Pipeline program; the rest
 * is in build.xml ({@link PromotionsAction}).
 */
final class PromoteExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(PromoteExecution.class.getName());

    /** Only for {@link #start}; not kept over a restart. */
    private final transient MlPromoteStep step;
    private String id;
    private boolean failOnError = true;
    private transient ScheduledFuture<?> departure;
    private transient Instant departureAt;

    PromoteExecution(StepContext context, MlPromoteStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        if (step.getTo() == null) {
            throw new AbortException(MlPromoteStep.FUNCTION_NAME + ": to: the stage to promote to is required");
        }
        Run<?, ?> run = getContext().get(Run.class);
        PromotionsAction action = PromotionsAction.of(run);
        String wanted = step.getId() == null ? step.getTo() : step.getId();
        // The id names the promotion's page and the files kept with the build: as plain as a result's id.
        String problem = ResultIds.problem(wanted);
        if (problem != null) {
            throw new AbortException(MlPromoteStep.FUNCTION_NAME + ": " + problem);
        }
        id = action.reserve(wanted);
        failOnError = step.isFailOnError();
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        Optional<String> starter = Optional.ofNullable(cause == null ? null : cause.getUserId());
        String actor = starter.orElse("jenkins");
        PromotionInputs.Ask ask = new PromotionInputs.Ask(id, step.getTo(), actor,
                step.getAuthor() == null ? actor : step.getAuthor(), starter, Optional.ofNullable(step.getSource()),
                buildUrl(run), Optional.ofNullable(step.getEmergency()));
        List<ResultSummary> results = run.getActions(GateResultAction.class).stream()
                .map(GateResultAction::getSummary).toList();
        Runnable judge;
        try {
            PromotionInputs inputs = inputs(run);
            PendingPromotion pending = inputs.gather(ask, run.getNumber(), results,
                    TrendIndex.in(run.getParent().getBuildDir().toPath()).recent(Integer.MAX_VALUE));
            action.waiting(pending, this);
            recordWaiting(run, pending);
            judge = this::judge;
        } catch (BadInputException e) {
            throw new AbortException(MlPromoteStep.FUNCTION_NAME + ": " + e.getMessage());
        }
        run.save();
        log().say("promotion '" + id + "' to " + step.getTo() + ": judging against the team registry; decisions at "
                + run.getUrl() + PromotionsAction.URL_NAME + "/" + id + "/");
        Timer.get().submit(judge);
        return false;
    }

    /** The build's address, as the registry records it with the candidate and every decision. */
    private static String buildUrl(Run<?, ?> run) {
        String root = Jenkins.get().getRootUrl();
        return (root == null ? "" : root) + run.getUrl();
    }

    private StepLog log() throws IOException, InterruptedException {
        TaskListener listener = getContext().get(TaskListener.class);
        return listener.getLogger()::println;
    }

    static PromotionInputs inputs(Run<?, ?> run) throws BadInputException {
        Optional<OrganisationText> text = OrganisationConfiguration.get().organisation();
        Optional<OrganisationPolicy> organisation = text.isPresent() ? Optional.of(text.get().load())
                : Optional.empty();
        return new PromotionInputs(run.getParent().getBuildDir().toPath(), organisation);
    }

    private PromotionFlow flow(Run<?, ?> run) throws BadInputException {
        return new PromotionFlow(TeamRegistryConfiguration.get().registry(), inputs(run), Clock.systemUTC(),
                JenkinsIds.ofRealm());
    }

    /** A decision from the promotion's page; when recorded, the promotion is judged again on the timer. */
    PromotionFlow.Reply decide(PromotionFlow.Ask ask) throws IOException, InterruptedException {
        Run<?, ?> run = getContext().get(Run.class);
        PromotionsAction action = PromotionsAction.of(run);
        PromotionFlow.Reply reply;
        synchronized (action) {
            PendingPromotion pending = action.pending(id);
            if (pending == null) {
                return PromotionFlow.Reply.refused(409, "waiting", "promotion " + id + " no longer waits");
            }
            try {
                reply = flow(run).decide(pending, ask);
            } catch (BadInputException | RegistryException e) {
                return PromotionFlow.Reply.refused(409, "registry", e.getMessage());
            }
            if (reply.recorded()) {
                action.update(reply.pending().get());
                run.save();
            }
        }
        if (reply.recorded()) {
            log().say(ask.user().get().id() + " " + (ask.decision().action().equals("approve") ? "approved"
                    : "rejected") + " promotion '" + id + "': " + ask.reason());
            Timer.get().submit(this::judge);
        }
        return reply;
    }

    /** Judges the promotion and ends the step when it no longer waits. Runs on Jenkins' timer, never the CPS thread. */
    private void judge() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            PromotionsAction action = PromotionsAction.of(run);
            PromotionWait.Build build = new PromotionWait.Build() {
                @Override
                public Optional<PendingPromotion> pending(String promotion) {
                    return Optional.ofNullable(action.pending(promotion));
                }

                @Override
                public boolean show(String promotion, PromotionView view) {
                    return action.show(promotion, view);
                }

                @Override
                public void done(String promotion) {
                    action.done(promotion);
                    cancelDeparture();
                    forgetWaiting(run);
                }

                @Override
                public void promoted(PromotionView view) {
                    run.addAction(new PromotedBadge(view.getModel(), view.getStage(), view.getVersion()));
                }

                @Override
                public void keepAttestation(String promotion, SignedEnvelope summary) throws IOException {
                    action.keepAttestation(promotion, Attestations.write(
                            Attestations.ofPromotion(run.getRootDir().toPath(), promotion), summary));
                }

                @Override
                public void save() throws IOException {
                    run.save();
                }
            };
            PromotionWait.Step end = new PromotionWait.Step() {
                @Override
                public void succeed(java.util.Map<String, Object> value) {
                    getContext().onSuccess(value);
                }

                @Override
                public void fail(String message) {
                    getContext().onFailure(new AbortException(message));
                }

                @Override
                public void reject(String approver, String reason) {
                    getContext().onFailure(new FlowInterruptedException(Result.ABORTED, true,
                            new Rejection(approver, reason)));
                }

                @Override
                public void wakeAt(Instant at) {
                    scheduleDeparture(at);
                }
            };
            synchronized (action) {
                Signing signing = new Signing(SigningConfiguration.get().keys(),
                        Optional.ofNullable(Jenkins.get().getRootUrl()));
                new PromotionWait(flow(run), Clock.systemUTC(), signing).judge(id, failOnError, build, end, log());
            }
        } catch (BadInputException e) {
            fail(new AbortException(MlPromoteStep.FUNCTION_NAME + ": " + e.getMessage()));
        } catch (Exception e) {
            fail(e);
        }
    }

    private void fail(Throwable cause) {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            PromotionsAction.of(run).done(id);
            forgetWaiting(run);
            run.save();
        } catch (IOException | InterruptedException e) {
            cause.addSuppressed(e);
        }
        cancelDeparture();
        getContext().onFailure(cause);
    }

    /** Judges again at the departure; a freeze moves the next departure, and the judgement then schedules that one. */
    private synchronized void scheduleDeparture(Instant next) {
        if (next.equals(departureAt)) {
            return;
        }
        cancelDeparture();
        departureAt = next;
        long delay = Math.max(0, Duration.between(Instant.now(), departureAt).toMillis());
        departure = Timer.get().schedule(this::judge, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void cancelDeparture() {
        if (departure != null) {
            departure.cancel(false);
            departure = null;
            departureAt = null;
        }
    }

    /** Stopped (the build aborted): off the CPS thread, the promotion waits no more and the step ends. */
    @Override
    public void stop(Throwable cause) {
        Timer.get().submit(() -> fail(cause));
    }

    /** After a restart: the promotion is found again in build.xml, registered with its page and judged. */
    @Override
    public void onResume() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            claim(run);
            // a controller that stopped between build.xml and the job's record: the record follows build.xml
            PendingPromotion pending = PromotionsAction.of(run).pending(id);
            if (pending == null) {
                forgetWaiting(run);
            } else {
                recordWaiting(run, pending);
            }
        } catch (IOException | InterruptedException e) {
            getContext().onFailure(e);
            return;
        }
        Timer.get().submit(this::judge);
    }

    /**
     * Writes the job's record of this promotion for the board, unless it is there already (then its time is kept):
     * the model is the one of the build's newest gate result, whose candidate the promotion promotes.
     */
    private void recordWaiting(Run<?, ?> run, PendingPromotion pending) throws IOException {
        WaitingPromotions records = WaitingPromotions.in(run.getParent().getBuildDir().toPath());
        List<GateResultAction> results = run.getActions(GateResultAction.class);
        if (results.isEmpty() || records.find(run.getNumber(), id).isPresent()) {
            return;
        }
        records.add(new WaitingPromotion(run.getNumber(), id, results.get(results.size() - 1).getSummary()
                .getModel(), pending.stage(), pending.candidate(), Instant.now()));
    }

    /** Deletes the job's record of this promotion: it waits no more. A record left behind names a page that says so. */
    private void forgetWaiting(Run<?, ?> run) {
        try {
            WaitingPromotions.in(run.getParent().getBuildDir().toPath()).remove(run.getNumber(), id);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot delete the board's record of promotion " + id + " of " + run, e);
        }
    }

    /** Registers with the action of its build, when that is {@code run}. */
    void claim(Run<?, ?> run) {
        try {
            if (getContext().get(Run.class) == run) {
                PromotionsAction.of(run).register(id, this);
            }
        } catch (IOException | InterruptedException e) {
            // a build that cannot be reached has no page to serve
        }
    }
}
