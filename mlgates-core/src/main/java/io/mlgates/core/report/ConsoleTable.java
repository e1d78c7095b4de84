package io.mlgates.core.report;

import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A gate result as a table for a terminal or a build log; control characters from user files are neutralised. */
public final class ConsoleTable {
    public String render(GateResult r) {
        return render(r, Optional.empty());
    }

    /**
     * {@code r}, after {@code above} was shown: the metrics {@code above} already showed for the same candidate and
     * data, with the same value and interval, are named on one line instead of repeated (a run's ethics gate
     * computes the validation metrics again).
     */
    public String render(GateResult r, Optional<GateResult> above) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s gate: %s   model %s%n", r.gate(), r.status(), safe(r.modelName())));
        out.append(String.format(Locale.ROOT, "candidate %s (%s)%n", r.candidate().digest(),
                r.candidate().describe()));
        out.append(String.format(Locale.ROOT, "policy    %s (%s)%n", r.policyDigest(),
                safe(r.policyFile().orElse("defaults, no mlgates.yaml"))));
        r.organisationPolicy().ifPresent(org -> out.append(String.format(Locale.ROOT,
                "org       %s (%s, the organisation's floor)%n", org.digest(), safe(org.file()))));
        out.append(String.format(Locale.ROOT, "data      %s: %d rows%s%n%n", safe(r.data().described()),
                r.data().rows(), r.data().droppedRows() > 0 ? ", " + r.data().droppedRows() + " dropped" : ""));

        List<String[]> metricRows = new ArrayList<>();
        metricRows.add(new String[] {"METRIC", "VALUE", "INTERVAL"});
        List<String> repeated = new ArrayList<>();
        boolean sameInput = above.filter(a -> a.candidate().digest().equals(r.candidate().digest())
                && a.data().equals(r.data())).isPresent();
        for (MetricValue m : r.metrics().values()) {
            if (sameInput && m.equals(above.get().metrics().get(m.name()))) {
                repeated.add(safe(m.name()));
                continue;
            }
            metricRows.add(new String[] {safe(m.name()),
                    m.isDefined() ? number(m.value().getAsDouble()) : "undefined",
                    m.isDefined() ? m.ci().map(ConsoleTable::interval).orElse("")
                            : safe(m.undefinedReason().orElseThrow())});
        }
        if (!repeated.isEmpty()) {
            out.append("as in the ").append(safe(above.get().gate())).append(" gate above: ")
                    .append(String.join(", ", repeated)).append('\n');
        }
        if (metricRows.size() > 1) {
            table(out, metricRows);
        }
        out.append('\n');
        r.fairness().ifPresent(f -> fairness(out, f));

        List<String[]> checkRows = new ArrayList<>();
        checkRows.add(new String[] {"STATUS", "CHECK", "MESSAGE"});
        List<CheckResult> shown = ShownChecks.of(r);
        for (int i = 0; i < shown.size(); i++) {
            CheckResult c = shown.get(i);
            int end = smallGroupsEnd(shown, i);
            if (end - i > 1) {
                checkRows.add(smallGroupsRow(shown.subList(i, end)));
                i = end - 1;
            } else {
                checkRows.add(new String[] {c.status().name(), safe(c.id()), safe(c.message())});
            }
        }
        table(out, checkRows);
        out.append('\n');
        out.append("verdict: ").append(r.status());
        List<String> counts = new ArrayList<>();
        for (Status s : Status.values()) {
            long n = ShownChecks.count(r, s);
            if (n > 0) {
                counts.add(n + " " + s.name().toLowerCase(Locale.ROOT));
            }
        }
        out.append(" (").append(String.join(", ", counts)).append(")\n");
        return out.toString();
    }

    /**
     * The end (exclusive) of the run of checks from {@code from} that say groups of one attribute are too small to
     * judge ({@code SKIPPED}, with the same id before the {@code =}, and each with the group's rows as its value).
     */
    private static int smallGroupsEnd(List<CheckResult> checks, int from) {
        String family = smallGroupFamily(checks.get(from));
        int end = from;
        while (end < checks.size() && family != null && family.equals(smallGroupFamily(checks.get(end)))) {
            end++;
        }
        return Math.max(end, from + 1);
    }

    /** "fairness:sex&age_band=*:size" for a SKIPPED check on one group's size; null for any other check. */
    private static String smallGroupFamily(CheckResult c) {
        if (c.status() != Status.SKIPPED || c.slice().isEmpty() || c.observed().isEmpty() || c.metric().isPresent()) {
            return null;
        }
        String slice = c.slice().get();
        int eq = slice.indexOf('=');
        int at = c.id().indexOf(slice);
        if (eq < 0 || at < 0) {
            return null;
        }
        return c.id().substring(0, at) + slice.substring(0, eq + 1) + "*" + c.id().substring(at + slice.length());
    }

    /** Several groups too small to judge, as one row: their family of ids, then each group with its rows. */
    private static String[] smallGroupsRow(List<CheckResult> run) {
        List<String> groups = new ArrayList<>();
        for (CheckResult c : run) {
            String slice = c.slice().orElseThrow();
            groups.add(slice.substring(slice.indexOf('=') + 1) + " (" + (long) c.observed().getAsDouble() + " rows)");
        }
        return new String[] {Status.SKIPPED.name(), safe(smallGroupFamily(run.get(0))), safe(run.size()
                + " groups too small to judge, reported but not judged: " + String.join(", ", groups))};
    }

    /** The main forms only; the JSON result has every disparity, the to-overall forms included. */
    private static final List<String> SHOWN_DISPARITIES = List.of("demographic_parity_difference",
            "demographic_parity_ratio", "equalized_odds_difference", "equalized_odds_ratio",
            "equal_opportunity_difference", "average_odds_difference", "predictive_parity_difference",
            "disparate_impact", "theil_index", "between_group_theil_index");
    private static final List<String> SHOWN_RATES = List.of("selection_rate", "tpr", "fpr", "ppv", "accuracy");

    private static void fairness(StringBuilder out, FairnessResult f) {
        for (AttributeFairness a : f.attributes().values()) {
            out.append("fairness of ").append(safe(a.attribute()))
                    .append(a.reference().map(ref -> " (reference group " + safe(ref) + ")").orElse(""))
                    .append('\n');
            List<String[]> groupRows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("GROUP", "COUNT"));
            SHOWN_RATES.forEach(rate -> header.add(rate.toUpperCase(Locale.ROOT)));
            groupRows.add(header.toArray(String[]::new));
            List<String> small = new ArrayList<>();
            List<String> why = new ArrayList<>();
            a.groups().forEach((value, g) -> {
                if (g.excluded().isPresent()) { // folded into one line under the table; the JSON has their rates
                    small.add(safe(value) + " (" + g.count() + " rows)");
                    why.add(safe(g.excluded().get().replaceFirst("^\\d+ rows, ", "")));
                    return;
                }
                List<String> row = new ArrayList<>(List.of(safe(value), String.valueOf(g.count())));
                SHOWN_RATES.forEach(rate -> row.add(g.rate(rate).isDefined()
                        ? number(g.rate(rate).value().getAsDouble()) : "undefined"));
                groupRows.add(row.toArray(String[]::new));
            });
            if (groupRows.size() > 1) {
                table(out, groupRows);
            }
            if (!small.isEmpty()) {
                // one reason for all ("fewer than minGroupSize 30") is said once
                String reason = why.stream().distinct().count() == 1 ? why.get(0) : String.join("; ", why);
                out.append("not judged, ").append(reason).append(" rows: ").append(String.join(", ", small))
                        .append('\n');
            }
            List<String[]> disparityRows = new ArrayList<>();
            // the value over every group present, then the judged value (groups with minGroupSize rows) and its
            // simultaneous interval, which the checks use
            disparityRows.add(new String[] {"DISPARITY", "ALL GROUPS", "JUDGED", "INTERVAL"});
            for (String name : SHOWN_DISPARITIES) {
                MetricValue all = a.disparities().get(name);
                MetricValue judged = a.judged().values().get(name);
                if (all != null && judged != null) {
                    disparityRows.add(new String[] {name, all.isDefined() ? number(all.value().getAsDouble())
                            : "undefined", judged.isDefined() ? number(judged.value().getAsDouble()) : "undefined",
                            judged.isDefined() ? judged.ci().map(ConsoleTable::interval).orElse("")
                            : safe(judged.undefinedReason().orElseThrow())});
                }
            }
            table(out, disparityRows);
            out.append('\n');
        }
    }

    private static String interval(Interval ci) {
        return Format.interval(ci);
    }

    private static String number(double v) {
        return Format.number(v);
    }

    private static String safe(String s) {
        return Text.terminalSafe(s);
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
