package io.mlgates.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Drift judged on statistics against drift judged on the rows, in two validation results' JSON. */
public final class SameDrift {
    private SameDrift() {
    }

    /** The {@code drift:} checks of a result, in order. */
    public static List<JsonNode> checks(JsonNode result) {
        List<JsonNode> checks = new ArrayList<>();
        result.get("checks").forEach(c -> {
            if (c.get("id").asText().startsWith("drift:")) {
                checks.add(c);
            }
        });
        return checks;
    }

    /**
     * The drift report and checks of the rows in the result of statistics: every statistic, status and message; the
     * data set's message ends with where the current data's profiles came from.
     */
    public static void assertSame(JsonNode rows, JsonNode statistics) {
        assertThat(statistics.get("drift")).isEqualTo(rows.get("drift"));
        List<JsonNode> a = checks(rows);
        List<JsonNode> b = checks(statistics);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).get("id").asText().equals("drift:dataset")) {
                assertThat(b.get(i).get("status")).isEqualTo(a.get(i).get("status"));
                assertThat(b.get(i).get("message").asText()).startsWith(a.get(i).get("message").asText())
                        .contains("(the current data as profiled in the statistics ");
            } else {
                assertThat(b.get(i)).isEqualTo(a.get(i));
            }
        }
        assertThat(statistics.get("status")).isEqualTo(rows.get("status"));
    }
}
