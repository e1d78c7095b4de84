package io.mlgates.plugin;

import hudson.model.Action;
import hudson.model.Run;
import io.mlgates.plugin.logic.ResultIds;
import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.KeptAttestation;
import io.mlgates.plugin.logic.board.Links;
import io.mlgates.plugin.logic.promotion.PendingPromotion;
import io.mlgates.plugin.logic.promotion.PromotionHtml;
import io.mlgates.plugin.logic.promotion.PromotionView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * A build's promotions, as the {@code input} step's action keeps its inputs: build.xml holds only the waiting
 * promotions (small, plain: {@link PendingPromotion}) and each promotion's last view; the executions are found again
 * after a restart ({@link PromoteExecution#onResume}, or {@link StepExecution#acceptAll} when a page asks first).
 * While one waits, the build's side panel links to its page at {@code …/<build>/mlgates-promotion/<id>/}.
 */
public final class PromotionsAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    static final String URL_NAME = Links.PROMOTIONS;

    private final LinkedHashMap<String, PendingPromotion> pending = new LinkedHashMap<>();
    private final LinkedHashMap<String, PromotionView> views = new LinkedHashMap<>();
    /** Ids handed out, including those of calls not yet judged. */
    private final HashSet<String> ids = new HashSet<>();
    /** The signed Verification Summary of each promotion the controller signed; null in builds kept before. */
    private LinkedHashMap<String, KeptAttestation> attestations;

    private transient Run<?, ?> run;
    private transient Map<String, PromoteExecution> executions;

    /** The build's instance, added on first use. */
    static PromotionsAction of(Run<?, ?> run) {
        return BuildActions.once(run, PromotionsAction.class, PromotionsAction::new);
    }

    synchronized String reserve(String wanted) {
        String id = ResultIds.unique(wanted, ids);
        ids.add(id);
        return id;
    }

    /** Records a promotion that waits, before its first judgement. */
    synchronized void waiting(PendingPromotion promotion, PromoteExecution execution) {
        pending.put(promotion.id(), promotion);
        executions().put(promotion.id(), execution);
    }

    /** The promotion's state as the build keeps it; null when it no longer waits. */
    synchronized PendingPromotion pending(String id) {
        return pending.get(id);
    }

    /** Keeps a promotion updated by a decision. */
    synchronized void update(PendingPromotion promotion) {
        if (pending.containsKey(promotion.id())) {
            pending.put(promotion.id(), promotion);
        }
    }

    /** Keeps the last view; true when it differs from the one before (worth a line in the log). */
    synchronized boolean show(String id, PromotionView view) {
        PromotionView before = views.put(id, view);
        return before == null || !before.getKind().equals(view.getKind())
                || before.getStillNeeded() != view.getStillNeeded()
                || !String.valueOf(before.getNextDeparture()).equals(String.valueOf(view.getNextDeparture()));
    }

    /** Records the promotion's signed Verification Summary, kept in {@link Attestations#ofPromotion}. */
    synchronized void keepAttestation(String id, KeptAttestation kept) {
        if (attestations == null) {
            attestations = new LinkedHashMap<>();
        }
        attestations.put(id, kept);
    }

    /** What the build keeps of the promotion's signed Verification Summary; null when none was signed. */
    synchronized KeptAttestation attestation(String id) {
        return attestations == null ? null : attestations.get(id);
    }

    /** The promotion ended: it waits no more; its last view stays as the record. */
    synchronized void done(String id) {
        pending.remove(id);
        executions().remove(id);
    }

    synchronized void register(String id, PromoteExecution execution) {
        if (pending.containsKey(id)) {
            executions().put(id, execution);
        }
    }

    private Map<String, PromoteExecution> executions() {
        if (executions == null) {
            executions = new ConcurrentHashMap<>();
        }
        return executions;
    }

    /** The execution of a waiting promotion, loading running executions when a restart has not yet brought it. */
    PromoteExecution execution(String id) throws InterruptedException {
        PromoteExecution execution = executions().get(id);
        if (execution == null && pending(id) != null) {
            try {
                StepExecution.acceptAll(PromoteExecution.class, e -> e.claim(run)).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot load the build's running promotions", e);
            }
            execution = executions().get(id);
        }
        return execution;
    }

    /** {@code …/mlgates-promotion/<id>}: that promotion's page. */
    public Object getDynamic(String id, StaplerRequest2 request, StaplerResponse2 response) {
        synchronized (this) {
            return views.containsKey(id) || pending.containsKey(id) ? new PromotionPage(this, id) : null;
        }
    }

    synchronized PromotionView view(String id) {
        return views.get(id);
    }

    /** Every promotion's last view, in the order they started. */
    public synchronized List<PromotionView> getViews() {
        return new ArrayList<>(views.values());
    }

    /** The renderer's summary of every promotion, linked relative to the build page; escaped there. */
    public String getSummaryHtml() {
        return PromotionHtml.summary(getViews(), URL_NAME);
    }

    public synchronized boolean isWaiting() {
        return !pending.isEmpty();
    }

    /** The job page shows the registry's stages of the models this build promoted or tried to. */
    @Override
    public Collection<? extends Action> getProjectActions() {
        List<String> models = getViews().stream().map(PromotionView::getModel).distinct().toList();
        return models.isEmpty() ? List.of() : List.of(new ModelStagesAction(models));
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The build: {@code l:run-subpage} lays the page out around it ({@code it.object}). */
    public Run<?, ?> getObject() {
        return run;
    }

    /** In the side panel only while a promotion waits for people or the train. */
    @Override
    public String getIconFileName() {
        return isWaiting() ? Icons.GATE : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.get("PromotionsAction.displayName");
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
