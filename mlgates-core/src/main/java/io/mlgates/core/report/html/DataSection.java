package io.mlgates.core.report.html;

import io.mlgates.core.drift.ColumnDrift;
import io.mlgates.core.drift.DatasetDrift;
import io.mlgates.core.drift.DriftReport;
import io.mlgates.core.drift.DriftValue;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.report.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The data section of a validation page: the input schema's findings as a table (production's schema against the
 * declared one, the data's values against it), from the result's {@code schema:} checks (docs/schema.md); and each
 * judged column's drift, with its method, statistic, threshold and verdict (docs/drift.md), and a chart of its
 * reference and current distributions where the result carries them.
 */
final class DataSection {
    static final String PREFIX = "schema:";

    private DataSection() {
    }

    /** The section, when the result has a schema check or drift. */
    static Optional<Views.Data> of(GateResult r) {
        List<Views.SchemaRow> rows = r.checks().stream().filter(c -> c.id().startsWith(PREFIX))
                .sorted(Comparator.comparing(CheckResult::status, Status.WORST_FIRST))
                .map(DataSection::row).toList();
        List<Views.DriftRow> drift = new ArrayList<>();
        String dataset = "";
        if (r.drift().isPresent()) {
            DriftReport report = r.drift().get();
            report.columns().forEach((column, d) -> drift.add(driftRow(r, column, d)));
            DatasetDrift set = report.dataset();
            dataset = set.driftedColumns() + " of " + set.columns() + " judged columns drifted"
                    + (set.share().isDefined() ? " (share " + Format.number(set.share().value().getAsDouble())
                    + ", data set drift at " + Format.number(set.threshold()) + ")" : "")
                    + (set.undefinedColumns() > 0 ? "; " + set.undefinedColumns() + " not judged" : "");
        }
        return rows.isEmpty() && drift.isEmpty() ? Optional.empty()
                : Optional.of(new Views.Data(rows, drift, dataset));
    }

    /** A judged column's drift, with the status of its check {@code drift:<column>}. */
    private static Views.DriftRow driftRow(GateResult r, String column, ColumnDrift d) {
        Optional<CheckResult> check = r.checks().stream().filter(c -> c.id().equals("drift:" + column)).findFirst();
        String verdict = d.drifted().map(x -> x ? "drifted" : "no drift").orElse("not judged");
        return new Views.DriftRow(check.map(c -> StatusLook.of(c.status())), column, d.method().id(),
                value(d.statistic()), d.pValue().map(DataSection::value).orElse(""),
                (d.method().isTest() ? "p " : "") + Format.number(d.threshold()), verdict,
                d.referenceRows() + " / " + d.currentRows(),
                d.distribution().map(dist -> DriftCharts.of(column, d, dist, verdict)));
    }

    private static String value(DriftValue v) {
        return v.isDefined() ? Format.number(v.value().getAsDouble())
                : "undefined: " + v.undefinedReason().orElseThrow();
    }

    /** {@code schema:<column>:<rule>}, where the column may hold a colon; {@code schema:<rule>} for the whole. */
    private static Views.SchemaRow row(CheckResult c) {
        String rest = c.id().substring(PREFIX.length());
        int last = rest.lastIndexOf(':');
        String column = last < 0 ? "" : rest.substring(0, last);
        String rule = last < 0 ? rest : rest.substring(last + 1);
        return new Views.SchemaRow(StatusLook.of(c.status()), column, rule, c.message());
    }
}
