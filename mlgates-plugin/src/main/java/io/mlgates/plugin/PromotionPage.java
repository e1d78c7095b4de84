package io.mlgates.plugin;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.SecurityRealm;
import io.mlgates.core.registry.Approval;
import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.KeptAttestation;
import io.mlgates.plugin.logic.promotion.JenkinsUser;
import io.mlgates.plugin.logic.promotion.PromotionFlow;
import io.mlgates.plugin.logic.promotion.PromotionHtml;
import io.mlgates.plugin.logic.promotion.PromotionView;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.springframework.security.core.GrantedAuthority;

/**
 * One promotion's page: the candidate, its evidence, the approvals given and still needed, the next departure; and,
 * while it waits, the Approve and Reject forms. Each is a POST with Jenkins' crumb; the handler checks the method
 * again, the user, the permission and the policy ({@link PromotionFlow#decide}) before anything is recorded.
 */
public final class PromotionPage {
    /** From {@code job/x/42/mlgates-promotion/<id>/} up to the job. */
    static final String JOB_FROM_PAGE = "../../../";

    private final PromotionsAction action;
    private final String id;

    PromotionPage(PromotionsAction action, String id) {
        this.action = action;
        this.id = id;
    }

    public String getId() {
        return id;
    }

    /** The promotion as of its last judgement; null before the first. */
    public PromotionView getView() {
        return action.view(id);
    }

    /**
     * The renderer's fragment of the promotion (escaped there: the view writes it as it is), its evidence linked
     * relative to this page; empty before the first judgement.
     */
    public String getPageHtml() {
        PromotionView view = getView();
        return view == null ? "" : PromotionHtml.page(view, JOB_FROM_PAGE);
    }

    /**
     * The promotion's signed Verification Summary as build.xml keeps it (the key that signed it, the file's digest),
     * served at {@code …/mlgates-promotion/<id>/attestation}; null when none was signed.
     */
    public KeptAttestation getAttestation() {
        return action.attestation(id);
    }

    /** {@code …/mlgates-promotion/<id>/attestation}: the DSSE envelope, as the file {@code <id>.vsa.intoto.jsonl}. */
    public void doAttestation(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        Run<?, ?> run = action.getObject();
        AttestationDownload.serve(response, run == null ? null : getAttestation(),
                run == null ? null : Attestations.ofPromotion(run.getRootDir().toPath(), id),
                Messages.get("Attestation.ofPromotion", id));
    }

    public boolean isWaiting() {
        return action.pending(id) != null;
    }

    /** The build, for {@code l:run-subpage}. */
    public Run<?, ?> getObject() {
        return action.getObject();
    }

    public String getDisplayName() {
        return action.getDisplayName() + " " + id;
    }

    /** Approve: POST only (Stapler refuses a GET before this runs; {@link PromotionFlow#decide} checks again). */
    @RequirePOST
    public void doApprove(StaplerRequest2 request, StaplerResponse2 response) throws IOException,
            InterruptedException {
        decide(request, response, Approval.Decision.APPROVE);
    }

    /** Reject: POST only, as {@link #doApprove}. */
    @RequirePOST
    public void doReject(StaplerRequest2 request, StaplerResponse2 response) throws IOException,
            InterruptedException {
        decide(request, response, Approval.Decision.REJECT);
    }

    private void decide(StaplerRequest2 request, StaplerResponse2 response, Approval.Decision decision)
            throws IOException, InterruptedException {
        Run<?, ?> run = action.getObject();
        User user = User.current();
        PromotionFlow.Ask ask = new PromotionFlow.Ask(request.getMethod(), user == null ? Optional.empty()
                : Optional.of(new JenkinsUser(user.getId(), groups())), run.hasPermission(Item.READ),
                decision, request.getParameter("reason"));
        PromoteExecution execution = action.execution(id);
        if (execution == null) {
            response.sendError(409, "promotion " + id + " no longer waits");
            return;
        }
        PromotionFlow.Reply reply = execution.decide(ask);
        if (!reply.recorded()) {
            StringBuilder text = new StringBuilder();
            reply.refusals().forEach(r -> text.append(text.isEmpty() ? "" : "; ").append(r.message()));
            response.sendError(reply.status(), text.toString());
            return;
        }
        response.sendRedirect(".");
    }

    /**
     * The groups the realm granted the logged-in user, from the request's authentication. Not
     * {@code User.getAuthorities()}: that answers an empty list to anyone but an administrator.
     */
    static List<String> groups() {
        return Jenkins.getAuthentication2().getAuthorities().stream()
                .filter(a -> !a.equals(SecurityRealm.AUTHENTICATED_AUTHORITY2))
                .map(GrantedAuthority::getAuthority).filter(Objects::nonNull).toList();
    }
}
