package io.mlgates.core.report.html;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The data section of a validation page: the input schema's findings as a table (production's schema against the
 * declared one, the data's values against it), from the result's {@code schema:} checks (docs/schema.md).
 */
final class DataSection {
    static final String PREFIX = "schema:";

    private DataSection() {
    }

    /** The section, when the result has a schema check. */
    static Optional<Views.Data> of(GateResult r) {
        List<Views.SchemaRow> rows = r.checks().stream().filter(c -> c.id().startsWith(PREFIX))
                .sorted(Comparator.comparing(CheckResult::status, Status.WORST_FIRST))
                .map(DataSection::row).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Views.Data(rows));
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
