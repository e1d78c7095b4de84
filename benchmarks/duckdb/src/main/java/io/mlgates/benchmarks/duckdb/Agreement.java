package io.mlgates.benchmarks.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the gates and DuckDB did the same work and got the same answers: the ROC AUC in validate.json equals
 * DuckDB's to {@link #AUC_TOLERANCE}, and, with an ethics.json, every group's row count, predicted positives,
 * true positives and positives agree exactly (the latter three rebuilt from the gate's rates, whose rounding error
 * is far below half a row at these sizes).
 *
 * <p>Usage: {@code Agreement DUCKDB.json VALIDATE.json [ETHICS.json]}; exit 0 when they agree, 1 with every
 * disagreement on standard error when not.
 */
public final class Agreement {
    public static final double AUC_TOLERANCE = 1e-9;

    private Agreement() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: Agreement DUCKDB.json VALIDATE.json [ETHICS.json]");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode duck = json.readTree(Path.of(args[0]).toFile());
        List<String> problems = new ArrayList<>(auc(duck, json.readTree(Path.of(args[1]).toFile())));
        if (args.length == 3) {
            problems.addAll(groups(duck, json.readTree(Path.of(args[2]).toFile())));
        }
        if (!problems.isEmpty()) {
            System.err.println("MISMATCH between the gates and DuckDB (" + String.join(", ", args) + "):");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.out.printf("agree: roc_auc %s in validate.json, %s in DuckDB%n",
                json.readTree(Path.of(args[1]).toFile()).at("/metrics/roc_auc/value"), duck.path("rocAuc"));
    }

    /** The disagreements between DuckDB's exact AUC and validate.json's; empty when they agree to the tolerance. */
    public static List<String> auc(JsonNode duck, JsonNode validate) {
        List<String> problems = new ArrayList<>();
        JsonNode expected = duck.path("rocAuc");
        JsonNode actual = validate.at("/metrics/roc_auc/value");
        if (!expected.isNumber()) {
            problems.add("DuckDB's roc_auc is not a number: " + expected);
        } else if (!actual.isNumber()) {
            problems.add("validate.json's metrics.roc_auc.value is not a number: " + actual);
        } else if (!(Math.abs(expected.asDouble() - actual.asDouble()) <= AUC_TOLERANCE)) {
            problems.add("roc_auc: validate.json " + actual + ", DuckDB " + expected + ", difference "
                    + Math.abs(expected.asDouble() - actual.asDouble()) + " > " + AUC_TOLERANCE);
        }
        long rows = validate.at("/data/rows").asLong(-1);
        if (rows != duck.path("rows").asLong(-2)) {
            problems.add("rows: validate.json " + validate.at("/data/rows") + ", DuckDB " + duck.path("rows"));
        }
        return problems;
    }

    /** The disagreements between DuckDB's grouping sets and ethics.json's groups (and its overall figures). */
    public static List<String> groups(JsonNode duck, JsonNode ethics) {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (JsonNode expected : duck.path("groups")) {
            String attribute = expected.path("attribute").asText();
            String name = expected.path("group").asText();
            JsonNode actual = attribute.equals("all")
                    ? ethics.path("fairnessOverall")
                    : ethics.path("fairness").path(attribute).path("groups").path(name);
            String where = attribute.equals("all") ? "all rows" : attribute + "=" + name;
            if (!actual.isObject()) {
                problems.add(where + ": no such group in ethics.json");
                continue;
            }
            compared++;
            long rows = actual.path("count").asLong(-1);
            long predicted = times(actual.at("/selection_rate/value"), rows);
            long truePositives = times(actual.at("/ppv/value"), predicted);
            long positives = divided(truePositives, actual.at("/tpr/value"));
            compare(problems, where, "rows", rows, expected.path("rows").asLong());
            compare(problems, where, "predicted positives", predicted, expected.path("predictedPositives").asLong());
            compare(problems, where, "true positives", truePositives, expected.path("truePositives").asLong());
            if (truePositives > 0) {
                compare(problems, where, "positives", positives, expected.path("positives").asLong());
            }
        }
        if (compared == 0) {
            problems.add("no group compared: DuckDB's output has no groups");
        }
        return problems;
    }

    private static long times(JsonNode rate, long count) {
        return rate.isNumber() ? Math.round(rate.asDouble() * count) : (count == 0 ? 0 : -1);
    }

    private static long divided(long count, JsonNode rate) {
        return rate.isNumber() && rate.asDouble() > 0 ? Math.round(count / rate.asDouble()) : -1;
    }

    private static void compare(List<String> problems, String where, String what, long gate, long duck) {
        if (gate != duck) {
            problems.add(where + ": " + what + " " + gate + " in ethics.json, " + duck + " in DuckDB");
        }
    }
}
