package io.mlgates.benchmarks.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The benchmark's comparison must be able to fail: a wrong AUC or a wrong group count is reported, not passed. */
class AgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode duck(String auc) throws Exception {
        return JSON.readTree("""
                {"rows": 10, "rocAuc": %s, "groups": [
                  {"attribute": "all", "group": "all", "rows": 10, "positives": 4, "predictedPositives": 5,
                   "truePositives": 3},
                  {"attribute": "region", "group": "north", "rows": 4, "positives": 2, "predictedPositives": 2,
                   "truePositives": 1}]}""".formatted(auc));
    }

    private static JsonNode validate(String auc, int rows) throws Exception {
        return JSON.readTree("{\"data\": {\"rows\": %d}, \"metrics\": {\"roc_auc\": {\"value\": %s}}}"
                .formatted(rows, auc));
    }

    // selection_rate = predicted / rows, ppv = true positives / predicted, tpr = true positives / positives
    private static JsonNode ethics(int northRows, double northTpr) throws Exception {
        return JSON.readTree("""
                {"fairnessOverall": {"count": 10, "selection_rate": {"value": 0.5}, "ppv": {"value": 0.6},
                                     "tpr": {"value": 0.75}},
                 "fairness": {"region": {"groups": {"north": {"count": %d, "selection_rate": {"value": 0.5},
                   "ppv": {"value": 0.5}, "tpr": {"value": %s}}}}}}""".formatted(northRows, northTpr));
    }

    @Test
    void equalAucsAgree() throws Exception {
        assertThat(Agreement.auc(duck("0.8123456789012345"), validate("0.8123456789012345", 10))).isEmpty();
        assertThat(Agreement.auc(duck("0.8123456789012345"), validate("0.8123456789", 10))).isEmpty();
    }

    @Test
    void anAucOffByMoreThanTheToleranceIsAMismatch() throws Exception {
        assertThat(Agreement.auc(duck("0.8123456789012345"), validate("0.8123456809012345", 10)))
                .singleElement().asString().startsWith("roc_auc: validate.json 0.8123456809012345, DuckDB");
    }

    @Test
    void aMissingAucOrAnotherRowCountIsAMismatch() throws Exception {
        assertThat(Agreement.auc(duck("0.8"), validate("null", 10)))
                .singleElement().asString().contains("not a number");
        assertThat(Agreement.auc(duck("null"), validate("0.8", 10)))
                .singleElement().asString().contains("DuckDB's roc_auc is not a number");
        assertThat(Agreement.auc(duck("0.8"), validate("0.8", 11)))
                .singleElement().asString().isEqualTo("rows: validate.json 11, DuckDB 10");
    }

    @Test
    void equalGroupCountsAgree() throws Exception {
        assertThat(Agreement.groups(duck("0.8"), ethics(4, 0.5))).isEmpty();
    }

    @Test
    void aGroupWithOtherCountsIsAMismatch() throws Exception {
        assertThat(Agreement.groups(duck("0.8"), ethics(6, 0.5)))
                .contains("region=north: rows 6 in ethics.json, 4 in DuckDB",
                        "region=north: predicted positives 3 in ethics.json, 2 in DuckDB");
        assertThat(Agreement.groups(duck("0.8"), ethics(4, 0.25)))
                .containsExactly("region=north: positives 4 in ethics.json, 2 in DuckDB");
    }

    @Test
    void aGroupMissingFromTheGateIsAMismatch() throws Exception {
        assertThat(Agreement.groups(duck("0.8"), JSON.readTree("{\"fairnessOverall\": {\"count\": 10}}")))
                .contains("region=north: no such group in ethics.json");
        assertThat(Agreement.groups(JSON.readTree("{}"), ethics(4, 0.5)))
                .containsExactly("no group compared: DuckDB's output has no groups");
    }
}
