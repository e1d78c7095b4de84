package io.mlgates.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one stage asks of a candidate.
 *
 * @param name the stage's name: lower-case letters, digits and dashes, starting with a letter
 * @param gates the gates whose results must count as passed for the candidate's exact digest
 * @param acceptWarn whether a gate result of WARN counts as passed (PASS always does)
 * @param acceptWaived whether a gate result of WAIVED counts as passed
 * @param approvals the approvals the stage needs, when it needs any
 * @param train whether promotions to this stage ride the release train
 * @param verifiedIdentity whether only verified approvals count ({@code identity: verified}): signed by the approver
 *     with a key the organisation's allowed signers list for that name
 * @param acceptOverrides whether a gate result that a caller's override shaped (another policy file, prediction or
 *     baseline file, other sensitive columns) may count; false by default, so a stage judges only what the
 *     repository's policy names
 */
public record StagePolicy(String name, List<String> gates, boolean acceptWarn, boolean acceptWaived,
                          Optional<ApprovalRule> approvals, boolean train, boolean verifiedIdentity,
                          boolean acceptOverrides) {
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    /** The gates a policy may require; each writes {@code <gate>.json} into the results folder. */
    public static final List<String> KNOWN_GATES = List.of("validate", "ethics");

    public StagePolicy {
        Objects.requireNonNull(name, "name");
        gates = List.copyOf(gates);
        Objects.requireNonNull(approvals, "approvals");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("stage name must be lower-case letters, digits and dashes: " + name);
        }
        for (String gate : gates) {
            if (!KNOWN_GATES.contains(gate)) {
                throw new IllegalArgumentException("unknown gate '" + gate + "'; known: " + KNOWN_GATES);
            }
        }
    }

    /** A stage whose approvals may be declared and whose evidence must have no override. */
    public StagePolicy(String name, List<String> gates, boolean acceptWarn, boolean acceptWaived,
                       Optional<ApprovalRule> approvals, boolean train) {
        this(name, gates, acceptWarn, acceptWaived, approvals, train, false, false);
    }

    /** A stage by convention: the validation gate must have passed (PASS, WARN or WAIVED); nothing else. */
    public static StagePolicy of(String name) {
        return new StagePolicy(name, List.of("validate"), true, true, Optional.empty(), false, false, false);
    }
}
