package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.GateResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the script receives: plain maps, lists, strings and numbers only, persisted with the Pipeline program. */
class ScriptResultTest {
    private final GateResult result = Results.everyStatus("credit-risk", 1);
    private final Map<String, Object> value =
            ScriptResult.of(ResultSummary.of("validate", result, 0, List.of("r/validate.json")),
                    "job/credit-risk/42/mlgates/validate/");

    @Test
    void readsAsTheScriptExpects() {
        assertThat(value).containsOnlyKeys("id", "gate", "status", "model", "candidate", "policy", "resultDigest",
                "counts", "metrics", "worstChecks", "url", "omittedChecks", "files");
        assertThat(value.get("url")).isEqualTo("job/credit-risk/42/mlgates/validate/");
        assertThat(value.get("status")).isEqualTo("ERROR");
        assertThat(value.get("counts")).isEqualTo(Map.of("PASS", 2L, "SKIPPED", 1L, "WAIVED", 0L, "WARN", 1L,
                "FAIL", 1L, "ERROR", 1L));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 0.85);
        metrics.put("recall", 0.8);
        metrics.put("roc_auc", null);
        assertThat(value.get("metrics")).isEqualTo(metrics);
        // the worst checks only, worst first: the full checks stay in the result files and the result's API
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> worst = (List<Map<String, Object>>) value.get("worstChecks");
        assertThat(worst).extracting(c -> c.get("status")).containsExactly("ERROR", "FAIL", "WARN");
        assertThat(worst.get(2)).containsOnlyKeys("id", "status", "message").containsEntry("id", "limit:accuracy:min");
    }

    @Test
    void holdsOnlyPlainSerializableTypes() throws Exception {
        assertPlain(value);
        assertThat(Serialization.roundTrip((Serializable) value)).isEqualTo(value);
    }

    private static void assertPlain(Object v) {
        if (v instanceof Map<?, ?> m) {
            assertThat(m).isInstanceOf(LinkedHashMap.class);
            m.forEach((k, x) -> {
                assertThat(k).isInstanceOf(String.class);
                assertPlain(x);
            });
        } else if (v instanceof List<?> l) {
            assertThat(l).isInstanceOf(ArrayList.class);
            l.forEach(ScriptResultTest::assertPlain);
        } else if (v != null) {
            assertThat(v).isInstanceOfAny(String.class, Long.class, Integer.class, Double.class, Boolean.class);
        }
    }
}
