package io.mlgates.core.gate;

import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.InvalidRows;
import io.mlgates.core.policy.PredictionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The checks on what was read, the same in every gate that reads predictions: rows, dropped rows, failed predictions. */
final class DataChecks {
    private DataChecks() {
    }

    /**
     * @param emptiedClasses the classes whose every row was dropped (see
     *     {@link io.mlgates.core.data.PredictionReader#classesEmptiedByDrop()})
     */
    static List<CheckResult> of(DataSummary data, PredictionSource source, List<String> emptiedClasses) {
        List<CheckResult> checks = new ArrayList<>(3);
        checks.add(data.rows() > 0
                ? CheckResult.ofInput("data:rows", Status.PASS, data.rows(),
                        data.rows() + " rows " + (data.source() == DataSource.STATISTICS ? "counted in " : "read from ")
                                + data.described())
                : CheckResult.ofInput("data:rows", Status.ERROR, 0,
                        data.described() + (data.source() == DataSource.STATISTICS ? " count" : " holds")
                                + " no usable row: there is nothing to judge"));
        if (source.invalidRows() != InvalidRows.DROP) {
            return checks;
        }
        long dropped = data.droppedRows();
        double share = data.droppedShare();
        double most = source.maxDroppedShare();
        if (!emptiedClasses.isEmpty()) {
            // the rows left are not the population the model is judged on: no share makes that a mere warning
            checks.add(CheckResult.ofInput("data:dropped_rows", Status.ERROR, dropped, dropped + " invalid rows"
                    + " dropped, among them every row of class " + String.join(", ", emptiedClasses.stream()
                    .map(c -> "'" + c + "'").toList()) + ": no row of " + (emptiedClasses.size() == 1 ? "that class"
                    : "those classes") + " is left to judge; fix these rows rather than drop them" + first(data.dropReasons())));
        } else {
            Status status = dropped == 0 ? Status.PASS : share > most ? Status.FAIL : Status.WARN;
            checks.add(CheckResult.ofInput("data:dropped_rows", status, dropped, dropped == 0
                    ? "no invalid row dropped"
                    : dropped + " invalid rows dropped, " + percent(share) + " of " + data.rowsInFile() + " rows ("
                            + (status == Status.FAIL ? "above" : "within") + " predictions.maxDroppedShare "
                            + percent(most) + ")" + first(data.dropReasons())));
        }
        long failed = data.failedPredictions();
        if (failed > 0) {
            boolean binary = data.task() == TaskType.BINARY;
            checks.add(CheckResult.ofInput("data:failed_predictions", binary ? Status.WARN : Status.ERROR, failed,
                    failed + " rows have a label but no usable prediction; " + (binary
                            ? "each counts as a wrong answer (the other class, the worst score)"
                            : "a " + data.task().name().toLowerCase(Locale.ROOT) + " model has no worst"
                            + " answer to count them as, so the metrics cannot be judged")
                            + (data.failureReasons().isEmpty() ? "" : "; first: " + data.failureReasons().get(0))));
        }
        return checks;
    }

    /** ", first: file:line: reason"; nothing where no row is named (statistics count rows without naming them). */
    private static String first(List<String> reasons) {
        return reasons.isEmpty() ? "" : ", first: " + reasons.get(0);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.4g%%", share * 100);
    }
}
