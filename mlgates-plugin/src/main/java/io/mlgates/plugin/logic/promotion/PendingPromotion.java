package io.mlgates.plugin.logic.promotion;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A promotion as the build keeps it while it waits: which candidate, to which stage, on which evidence and policy, for
 * whom, and the approvers the controller verified. Small and plain (no result, no policy text: references to the
 * files the controller stored), so build.xml stays small and a restart restores it whole.
 */
public final class PendingPromotion implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String stage;
    private final String candidate;
    private final ArrayList<EvidenceRef> evidence;
    private final EvidenceRef policy;
    private final String actor;
    private final String author;
    private final String starter;
    private final String source;
    private final String buildUrl;
    private final String emergencyReason;
    private final VerifiedApprovers approvers;

    /**
     * @param id the promotion's id in its build, a URL segment: the stage's name, or {@code production-2} for a second
     * @param candidate the candidate's digest
     * @param evidence the gate results, one per gate the stage needs that has one
     * @param policy the result whose kept policy file holds the rules (its digest is the policy's)
     * @param actor who promotes, as the audit chain records it
     * @param author the candidate's declared author
     * @param starter the id of the user who started the build, or null when no user did
     * @param source where the artefacts are, or null for the policy's {@code model.artifacts}
     * @param buildUrl the build's URL, recorded with the candidate and every decision
     * @param emergencyReason the written reason for the emergency path, or null
     */
    public PendingPromotion(String id, String stage, String candidate, List<EvidenceRef> evidence, EvidenceRef policy,
                            String actor, String author, String starter, String source, String buildUrl,
                            String emergencyReason, VerifiedApprovers approvers) {
        this.id = Objects.requireNonNull(id, "id");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.evidence = new ArrayList<>(evidence);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.author = Objects.requireNonNull(author, "author");
        this.starter = starter;
        this.source = source;
        this.buildUrl = Objects.requireNonNull(buildUrl, "buildUrl");
        this.emergencyReason = emergencyReason;
        this.approvers = Objects.requireNonNull(approvers, "approvers");
        if (emergencyReason != null && emergencyReason.isBlank()) {
            throw new IllegalArgumentException("the emergency path needs a written reason");
        }
    }

    /** The same promotion, with one more user verified as a member of a group. */
    public PendingPromotion withApprover(String user, String group) {
        return new PendingPromotion(id, stage, candidate, evidence, policy, actor, author, starter, source, buildUrl,
                emergencyReason, approvers.with(user, group));
    }

    public String id() {
        return id;
    }

    public String stage() {
        return stage;
    }

    public String candidate() {
        return candidate;
    }

    public List<EvidenceRef> evidence() {
        return List.copyOf(evidence);
    }

    public EvidenceRef policy() {
        return policy;
    }

    public String actor() {
        return actor;
    }

    public String author() {
        return author;
    }

    public Optional<String> starter() {
        return Optional.ofNullable(starter);
    }

    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    public String buildUrl() {
        return buildUrl;
    }

    public Optional<String> emergencyReason() {
        return Optional.ofNullable(emergencyReason);
    }

    public VerifiedApprovers approvers() {
        return approvers;
    }
}
