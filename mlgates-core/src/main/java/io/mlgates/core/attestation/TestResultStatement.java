package io.mlgates.core.attestation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.gate.WaiverNote;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A gate result as an in-toto Test Result (predicate type {@link #PREDICATE_TYPE}, attestation framework
 * spec/predicates/test-result.md, v0.1): {@code result}, {@code configuration} (the policy and the organisation
 * policy by digest), {@code url}, and the check ids as {@code passedTests}, {@code warnedTests}, {@code failedTests}.
 *
 * <p>The three-state result takes ML Gates' six statuses as docs/attestations.md tabulates: PASS is PASSED; WARN
 * and WAIVED are WARNED (a waived check is an accepted exception, not a pass); FAIL and ERROR are FAILED; a gate
 * whose every check was SKIPPED judged nothing and is WARNED. A WAIVED check is among {@code warnedTests} and its
 * waiver in the extension field {@link #WAIVERS}; a SKIPPED check is in none of the three lists but in
 * {@link #SKIPPED_TESTS}. Extension fields have URI names, as the framework's parsing rules ask.
 */
public final class TestResultStatement {
    public static final String PREDICATE_TYPE = "https://in-toto.io/attestation/test-result/v0.1";
    /** Extension: each waived check with its waiver. */
    public static final String WAIVERS = "https://mlgates.io/attestation/waivers";
    /** Extension: the ids of the checks that did not apply, each said why in the result. */
    public static final String SKIPPED_TESTS = "https://mlgates.io/attestation/skippedTests";
    /** Extension: the gate, its own status, the model, the candidate's digest, when and by which engine. */
    public static final String GATE = "https://mlgates.io/attestation/gate";
    /** Extension: the data files the gate read, by digest. */
    public static final String INPUTS = "https://mlgates.io/attestation/inputs";
    /** The name of the policy in {@code configuration} when the repository has no policy file. */
    public static final String DEFAULT_POLICY_NAME = "(defaults: no policy file)";

    private TestResultStatement() {
    }

    /**
     * The Statement of {@code result}.
     *
     * @param subjects the candidate's subjects, {@link CandidateSubjects#of}
     * @param url the result's page (a Jenkins build's result page), when there is one
     */
    public static Statement of(GateResult result, List<ResourceDescriptor> subjects, Optional<String> url) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(url, "url");
        ObjectNode predicate = JsonNodeFactory.instance.objectNode();
        predicate.put("result", result(result.status()));
        ArrayNode configuration = predicate.putArray("configuration");
        configuration.add(ResourceDescriptor.ofDigest(result.policyFile().orElse(DEFAULT_POLICY_NAME),
                result.policyDigest()).toJson());
        result.organisationPolicy().ifPresent(org -> configuration.add(ResourceDescriptor.ofDigest(org.file(),
                org.digest()).toJson()));
        url.ifPresent(u -> predicate.put("url", u));
        ArrayNode passed = predicate.putArray("passedTests");
        ArrayNode warned = predicate.putArray("warnedTests");
        ArrayNode failed = predicate.putArray("failedTests");
        ArrayNode waivers = JsonNodeFactory.instance.arrayNode();
        ArrayNode skipped = JsonNodeFactory.instance.arrayNode();
        for (CheckResult check : result.checks()) {
            switch (check.status()) {
                case PASS -> passed.add(check.id());
                case WARN -> warned.add(check.id());
                case WAIVED -> {
                    warned.add(check.id());
                    WaiverNote note = check.waiver().orElseThrow();
                    ObjectNode w = waivers.addObject();
                    w.put("check", check.id());
                    w.put("was", note.was().name());
                    w.put("waiver", note.pattern());
                    w.put("reason", note.reason());
                    w.put("approver", note.approver());
                    w.put("expires", note.expires().toString());
                }
                case FAIL, ERROR -> failed.add(check.id());
                case SKIPPED -> skipped.add(check.id());
                default -> throw new IllegalStateException("a status without a mapping: " + check.status());
            }
        }
        predicate.set(WAIVERS, waivers);
        predicate.set(SKIPPED_TESTS, skipped);
        ObjectNode gate = predicate.putObject(GATE);
        gate.put("name", result.gate());
        gate.put("status", result.status().name());
        gate.put("model", result.modelName());
        gate.put("candidate", result.candidate().digest());
        gate.put("candidateKind", result.candidate().kind().id());
        gate.put("evaluatedAt", result.evaluatedAt().toString());
        gate.put("engineVersion", result.engineVersion());
        ArrayNode inputs = predicate.putArray(INPUTS);
        for (Evidence.Input input : result.evidence().inputs()) {
            ObjectNode i = ResourceDescriptor.ofDigest(input.file(), input.digest()).toJson();
            i.putObject("annotations").put("role", input.role());
            inputs.add(i);
        }
        return new Statement(subjects, PREDICATE_TYPE, predicate);
    }

    /** The Test Result's three-state {@code result} of an ML Gates status, as the class comment tabulates. */
    public static String result(Status status) {
        return switch (status) {
            case PASS -> "PASSED";
            case WARN, WAIVED, SKIPPED -> "WARNED";
            case FAIL, ERROR -> "FAILED";
        };
    }
}
