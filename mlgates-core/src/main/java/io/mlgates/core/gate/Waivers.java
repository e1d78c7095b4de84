package io.mlgates.core.gate;

import io.mlgates.core.policy.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Applies a policy's waivers to a gate's checks, the same way for every gate: a FAIL or WARN check whose id a valid
 * waiver matches becomes WAIVED, carrying the waiver; the first matching waiver wins. ERROR is not waived: a check
 * that could not be evaluated has nothing to excuse. Each waiver is also a check of its own ({@code waiver:<check>}):
 * FAIL when it has expired or names no approver (then it waives nothing), else PASS with how many checks it waived
 * (its observed value).
 */
final class Waivers {
    private Waivers() {
    }

    static List<CheckResult> apply(List<CheckResult> checks, List<Waiver> waivers, LocalDate today) {
        if (waivers.isEmpty()) {
            return checks;
        }
        int[] used = new int[waivers.size()];
        List<CheckResult> out = new ArrayList<>(checks.size() + waivers.size());
        for (CheckResult check : checks) {
            CheckResult result = check;
            if (check.status() == Status.FAIL || check.status() == Status.WARN) {
                for (int i = 0; i < waivers.size(); i++) {
                    Waiver w = waivers.get(i);
                    if (w.isValidOn(today) && w.matches(check.id())) {
                        result = check.waivedBy(new WaiverNote(w.check(), w.reason(), w.approver().orElseThrow(),
                                w.expires(), check.status()));
                        used[i]++;
                        break;
                    }
                }
            }
            out.add(result);
        }
        for (int i = 0; i < waivers.size(); i++) {
            out.add(own(waivers.get(i), i, used[i], today));
        }
        return out;
    }

    private static CheckResult own(Waiver w, int index, int used, LocalDate today) {
        String id = "waiver:" + w.check();
        String which = "waiver " + (index + 1) + " (" + w.check() + ")";
        Status status;
        String message;
        if (w.approver().isEmpty()) {
            status = Status.FAIL;
            message = which + " names no approver, so it waives nothing; add approver: <who approved it>";
        } else if (today.isAfter(w.expires())) {
            status = Status.FAIL;
            message = which + " expired on " + w.expires() + ", so it waives nothing; fix what it excused, or have"
                    + " it renewed with a new expiry date";
        } else {
            status = Status.PASS;
            message = which + " approved by " + w.approver().get() + ", valid until " + w.expires() + ", waives "
                    + used + " check" + (used == 1 ? "" : "s") + " of this gate";
        }
        // The count travels as the observed value, so that views can leave out a waiver that waived nothing here.
        return new CheckResult(id, status, Optional.empty(), OptionalDouble.of(used), Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), Optional.empty(), message);
    }
}
