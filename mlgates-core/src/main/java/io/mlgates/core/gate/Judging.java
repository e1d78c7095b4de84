package io.mlgates.core.gate;

import java.util.List;

/**
 * A verdict that judged nothing is not a PASS: a gate whose policy states no rule that judges the model gets the
 * {@value #CHECK_ID} check, a WARN, so that a new repository sees WARN until its team states what good means. What
 * counts as a judging rule is each gate's to say (docs/policy.md, docs/ethics.md).
 */
final class Judging {
    static final String CHECK_ID = "policy:judged";

    private Judging() {
    }

    /** Nothing when the gate judges; else the WARN, saying which keys of the policy would make it judge. */
    static List<CheckResult> check(boolean judges, String howToJudge) {
        return judges ? List.of() : List.of(DocumentationChecks.simple(CHECK_ID, Status.WARN,
                "no limits: only the data was checked; " + howToJudge));
    }
}
