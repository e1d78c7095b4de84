package io.mlgates.core.report.html;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.report.Format;
import io.mlgates.core.report.ShownChecks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verdict box on top of every page: the status, each check that failed, erred or warned with why in one line,
 * what was waived, whether the candidate was promoted (only when the report was told), and the next step.
 */
final class Verdicts {
    /** Lines per gate in the box; the rest are counted, and every check is in the gate's page. */
    static final int LINES_PER_GATE = 8;
    static final String UNKNOWN_PROMOTION = "Promotion: not known to this report.";

    private Verdicts() {
    }

    /**
     * The box for {@code results} (the latest result of each gate shown): one gate on its own page, or every gate on
     * the index, where each line names its gate. With {@code tellsPromotion} the box says what became of the
     * candidate ({@code promotion}, or that the report does not know); without it, nothing.
     */
    static Views.Verdict of(List<GateResult> results, boolean nameGates, boolean tellsPromotion,
                            Optional<PromotionNote> promotion) {
        Status worst = Status.worstOf(results.stream().map(GateResult::status).toList());
        List<Views.VerdictLine> lines = new ArrayList<>();
        long more = 0;
        long waived = 0;
        List<String> perGate = new ArrayList<>();
        for (GateResult r : results) {
            List<CheckResult> notPassed = r.checks().stream()
                    .filter(c -> c.status() == Status.FAIL || c.status() == Status.ERROR || c.status() == Status.WARN)
                    .sorted(Comparator.comparing(CheckResult::status, Status.WORST_FIRST)).toList();
            notPassed.stream().limit(LINES_PER_GATE).forEach(c -> lines.add(new Views.VerdictLine(
                    StatusLook.of(c.status()), nameGates ? r.gate() : "", c.id(), why(c))));
            more += Math.max(0, notPassed.size() - LINES_PER_GATE);
            waived += r.count(Status.WAIVED);
            perGate.add(r.gate() + " " + r.status() + " (" + tally(r) + ")");
        }
        String headline = nameGates ? String.join("; ", perGate) : tally(results.get(0));
        String waivers = waived == 0 ? "" : waived + (waived == 1 ? " check was" : " checks were")
                + " waived: each waiver, its reason, approver and expiry are listed in the Waivers section"
                + (nameGates ? " of its gate's page." : " below.");
        return new Views.Verdict(StatusLook.of(worst), headline, lines, more, waivers,
                tellsPromotion ? Optional.of(promotion.map(PromotionNote::text).orElse(UNKNOWN_PROMOTION))
                        : Optional.empty(), next(worst, promotion));
    }

    /** The next step, for the worst status and what became of the candidate. */
    static String next(Status worst, Optional<PromotionNote> promotion) {
        boolean promoted = promotion.map(PromotionNote::promoted).orElse(false);
        return switch (worst) {
            case ERROR -> "Next: fix the input each ERROR names, then run the gates again; nothing is judged until then.";
            case FAIL -> "Next: fix what failed (or waive it, with a reason, an approver and an expiry date), then run"
                    + " the gates again; a failed gate is not promoted.";
            case WARN -> promoted
                    ? "Next: review each warning before asking for the next stage (mlgates promote --to STAGE)."
                    : "Next: review each warning; a stage that accepts WARN may take this candidate"
                    + " (mlgates promote --to STAGE).";
            case PASS, WAIVED, SKIPPED -> promoted
                    ? "Next: ask for the next stage when its approvals are in (mlgates promote --to STAGE)."
                    : "Next: promote the candidate (mlgates promote --to STAGE).";
        };
    }

    /** "1 warned, 10 passed, 1 skipped", worst first. */
    static String tally(GateResult r) {
        List<String> parts = new ArrayList<>();
        List<Status> order = new ArrayList<>(List.of(Status.values()));
        order.sort(Status.WORST_FIRST);
        for (Status s : order) {
            long n = ShownChecks.count(r, s);
            if (n > 0) {
                parts.add(n + " " + past(s));
            }
        }
        return String.join(", ", parts);
    }

    private static String past(Status s) {
        return switch (s) {
            case PASS -> "passed";
            case WARN -> "warned";
            case FAIL -> "failed";
            case ERROR -> "erred";
            case WAIVED -> "waived";
            case SKIPPED -> "skipped";
        };
    }

    /**
     * Why a check did not pass, in one line. A limit judged on the whole interval says whether the interval
     * straddles the limit (the message spells out every group; the line needs only the figures); any other check
     * says it in its own message.
     */
    static String why(CheckResult c) {
        if (c.metric().isEmpty() || c.observed().isEmpty() || c.limit().isEmpty() || c.ci().isEmpty()
                || c.limit().get().judged() != Limit.Judged.INTERVAL) {
            return c.message();
        }
        Limit l = c.limit().get();
        Interval ci = c.ci().get();
        boolean lowKeeps = l.isKeptBy(ci.low());
        boolean highKeeps = l.isKeptBy(ci.high());
        String limit = "the limit " + l.comparison().symbol() + " " + Format.number(l.value());
        String verdict = lowKeeps && highKeeps ? "keeps " + limit : !lowKeeps && !highKeeps ? "breaks " + limit
                : "straddles " + limit + ": the data cannot tell";
        // The check's id names the metric; the interval's method is in the checks table.
        return Format.number(c.observed().getAsDouble()) + ", interval [" + Format.number(ci.low()) + ", "
                + Format.number(ci.high()) + "] " + verdict;
    }
}
