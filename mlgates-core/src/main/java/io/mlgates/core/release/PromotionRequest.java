package io.mlgates.core.release;

import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.PromotionPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A candidate to promote to a stage, with everything the rules judge.
 *
 * @param model the model's name
 * @param candidate the candidate, by the digest of its artefacts as they are now
 * @param policy the promotion rules
 * @param stage the stage to promote to
 * @param results gate name to the result found in the results folder (see {@link EvidenceFiles})
 * @param actor who promotes
 * @param author who authored the candidate, recorded when it is registered; the four-eyes rule bars this user from
 *     approving it
 * @param source where its artefacts are, as recorded at registration
 * @param buildLink the build that produced it, when known
 * @param emergencyReason the written reason for taking the emergency path, when taking it
 * @param currentPolicy the repository's policy now, which each gate result must have been judged under
 */
public record PromotionRequest(String model, Candidate candidate, PromotionPolicy policy, String stage,
                               Map<String, GateResult> results, String actor, String author, String source,
                               Optional<String> buildLink, Optional<String> emergencyReason,
                               CurrentPolicy currentPolicy) {
    public PromotionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(stage, "stage");
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(buildLink, "buildLink");
        Objects.requireNonNull(emergencyReason, "emergencyReason");
        Objects.requireNonNull(currentPolicy, "currentPolicy");
        if (actor.isBlank() || author.isBlank()) {
            throw new IllegalArgumentException("a promotion names who promotes and who authored the candidate");
        }
    }

    public String digest() {
        return candidate.digest();
    }
}
