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

/** A gate result as a table for a terminal or a build log; control characters from user files are neutralised. */
public final class ConsoleTable {
    public String render(GateResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s gate: %s   model %s%n", r.gate(), r.status(), safe(r.modelName())));
        out.append(String.format(Locale.ROOT, "candidate %s (%s)%n", r.candidate().digest(),
                r.candidate().describe()));
        out.append(String.format(Locale.ROOT, "policy    %s (%s)%n", r.policyDigest(),
                safe(r.policyFile().orElse("defaults, no mlgates.yaml"))));
        r.organisationPolicy().ifPresent(org -> out.append(String.format(Locale.ROOT,
                "org       %s (%s, the organisation's floor)%n", org.digest(), safe(org.file()))));
        out.append(String.format(Locale.ROOT, "data      %s: %d rows%s%n%n", safe(r.data().predictions()),
                r.data().rows(), r.data().droppedRows() > 0 ? ", " + r.data().droppedRows() + " dropped" : ""));

        List<String[]> metricRows = new ArrayList<>();
        metricRows.add(new String[] {"METRIC", "VALUE", "INTERVAL"});
        for (MetricValue m : r.metrics().values()) {
            metricRows.add(new String[] {safe(m.name()),
                    m.isDefined() ? number(m.value().getAsDouble()) : "undefined",
                    m.isDefined() ? m.ci().map(ConsoleTable::interval).orElse("")
                            : safe(m.undefinedReason().orElseThrow())});
        }
        table(out, metricRows);
        out.append('\n');
        r.fairness().ifPresent(f -> fairness(out, f));

        List<String[]> checkRows = new ArrayList<>();
        checkRows.add(new String[] {"STATUS", "CHECK", "MESSAGE"});
        for (CheckResult c : r.checks()) {
            checkRows.add(new String[] {c.status().name(), safe(c.id()), safe(c.message())});
        }
        table(out, checkRows);
        out.append('\n');
        out.append("verdict: ").append(r.status());
        List<String> counts = new ArrayList<>();
        for (Status s : Status.values()) {
            long n = r.count(s);
            if (n > 0) {
                counts.add(n + " " + s.name().toLowerCase(Locale.ROOT));
            }
        }
        out.append(" (").append(String.join(", ", counts)).append(")\n");
        return out.toString();
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
            header.add("NOTE");
            groupRows.add(header.toArray(String[]::new));
            a.groups().forEach((value, g) -> {
                List<String> row = new ArrayList<>(List.of(safe(value), String.valueOf(g.count())));
                SHOWN_RATES.forEach(rate -> row.add(g.rate(rate).isDefined()
                        ? number(g.rate(rate).value().getAsDouble()) : "undefined"));
                row.add(g.excluded().map(e -> "not judged: " + e).orElse(""));
                groupRows.add(row.toArray(String[]::new));
            });
            table(out, groupRows);
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
