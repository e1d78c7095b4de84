package io.mlgates.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A metric is defined once, in {@link Metric}; the policy schema's metric names and the docs' metric tables are
 * checked against it here, so that none of them drifts.
 */
class MetricDefinitionsTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Map<TaskType, String> SECTIONS = Map.of(TaskType.BINARY, "## Binary classification",
            TaskType.MULTICLASS, "## Multiclass classification", TaskType.REGRESSION, "## Regression");

    @Test
    void thePolicySchemaAcceptsExactlyTheMetricNamesOfTheDefinitions() throws IOException {
        JsonNode schema;
        try (InputStream in = Metric.class.getResourceAsStream("/io/mlgates/core/policy/mlgates-policy.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        String pattern = schema.at("/$defs/metricName/pattern").asText();
        String single = Arrays.stream(Metric.values()).filter(m -> !m.perClass()).map(Metric::id)
                .collect(Collectors.joining("|"));
        String perClass = Arrays.stream(Metric.values()).filter(Metric::perClass)
                .map(m -> m.id() + "\\[.+\\]")
                .collect(Collectors.joining("|"));
        assertThat(pattern).isEqualTo("^(" + single + "|" + perClass + "|reported\\..+)$");
        for (Metric m : Metric.values()) {
            String name = m.perClass() ? m.key("bad") : m.id();
            assertThat(Pattern.matches(pattern, name)).as(name).isTrue();
            assertThat(Metric.named(name)).contains(m);
        }
        assertThat(Pattern.matches(pattern, "reported.val_loss")).isTrue();
        assertThat(Pattern.matches(pattern, "rocauc")).isFalse();
    }

    @Test
    void theTaskTableOfTheMetricsDocListsEachTasksMetricsInTheOrderTheyAreComputed() throws IOException {
        Map<String, TaskType> rows = Map.of("binary classification", TaskType.BINARY,
                "multiclass classification", TaskType.MULTICLASS, "regression", TaskType.REGRESSION);
        Map<TaskType, List<String>> listed = new LinkedHashMap<>();
        for (List<String> row : tableRows(docs("metrics.md"))) {
            Optional.ofNullable(rows.get(row.get(0))).ifPresent(task -> listed.put(task, codes(row.get(2))));
        }
        assertThat(listed).containsOnlyKeys(TaskType.values());
        listed.forEach((task, names) -> assertThat(names).as(task.name())
                .containsExactlyElementsOf(Metric.of(task).stream()
                        .map(m -> m.perClass() ? m.id() + "[CLASS]" : m.id()).toList()));
    }

    @Test
    void eachTasksDefinitionTableStatesTheDirectionAndIntervalOfEachMetric() throws IOException {
        String doc = docs("metrics.md");
        for (TaskType task : TaskType.values()) {
            int start = doc.indexOf(SECTIONS.get(task));
            assertThat(start).as(SECTIONS.get(task)).isNotNegative();
            int end = doc.indexOf("\n## ", start + 1);
            List<Metric> described = new ArrayList<>();
            for (List<String> row : tableRows(doc.substring(start, end < 0 ? doc.length() : end))) {
                for (String name : codes(row.get(0))) {
                    Metric m = Metric.named(name).orElseThrow(() -> new AssertionError("unknown metric " + name));
                    described.add(m);
                    String better = m.direction().map(d -> d == Direction.HIGHER_IS_BETTER ? "higher" : "lower")
                            .orElse("");
                    assertThat(row.get(2)).as(name + " better").isEqualTo(better);
                    String interval = row.get(4).toLowerCase(java.util.Locale.ROOT);
                    assertThat(interval.equals("none") ? Optional.empty() : Optional.of(interval.split("[^a-z-]")[0]))
                            .as(name + " interval").isEqualTo(m.intervalMethod());
                }
            }
            assertThat(described).as(task.name()).containsExactlyInAnyOrderElementsOf(Metric.of(task));
        }
    }

    @Test
    void theMetricNamesThePolicyDocGivesAsExamplesExist() throws IOException {
        List<String> examples = new ArrayList<>();
        for (List<String> row : tableRows(docs("policy.md"))) {
            if (row.get(0).equals("`metric`") && row.get(1).contains("metrics.md")) {
                codes(row.get(row.size() - 1)).stream().filter(n -> !n.startsWith(Metric.REPORTED_PREFIX))
                        .forEach(examples::add);
            }
        }
        assertThat(examples).contains("roc_auc", "recall[bad]");
        assertThat(examples).allSatisfy(name -> assertThat(Metric.named(name)).as(name).isPresent());
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The cells of every body row of every Markdown table in the text, trimmed. */
    private static List<List<String>> tableRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("|") && !line.startsWith("| ---") && !line.startsWith("| metric |")
                    && !line.startsWith("| task |") && !line.startsWith("| key |")) {
                String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
                rows.add(Arrays.stream(cells).map(String::trim).toList());
            }
        }
        return rows;
    }

    private static String docs(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs").resolve(name))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/" + name + " above the working directory").isNotNull();
        return Files.readString(dir.resolve("docs").resolve(name));
    }
}
