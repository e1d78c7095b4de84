package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a JSON Schema cannot say well, checked after it: paths stay inside the repository, a limit's min is
 * not above its max, declared classes are distinct (after numbers and booleans become strings), a binary task
 * declares exactly two and the positive class is one of them, the delimiter is one UTF-16 character. A value of
 * the wrong type is left to the schema's message.
 */
final class PolicyRules {
    /** The policy's paths: JSON pointer and the key path shown to users. */
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("/model/artifacts", "model.artifacts"),
            Map.entry("/predictions/path", "predictions.path"),
            Map.entry("/metrics/reported", "metrics.reported"),
            Map.entry("/baseline/path", "baseline.path"),
            Map.entry("/schema/declared", "schema.declared"),
            Map.entry("/schema/production", "schema.production"),
            Map.entry("/promotion/registry", "promotion.registry"),
            Map.entry("/promotion/results", "promotion.results"),
            Map.entry("/data/reference", "data.reference"),
            Map.entry("/data/profile", "data.profile"),
            Map.entry("/data/current", "data.current"));

    private PolicyRules() {
    }

    static void check(PolicyDocument document, JsonNode root, Problems problems) {
        Rules rules = new Rules(document, root, problems);
        rules.paths();
        rules.baseline();
        rules.data();
        rules.limits(root.path("limits"), "/limits", "limits");
        JsonNode slices = root.path("slices");
        for (int i = 0; i < slices.size(); i++) {
            rules.limits(slices.path(i).path("limits"), "/slices/" + i + "/limits", "slices[" + i + "].limits");
        }
        rules.delimiter();
        rules.classes();
        rules.ethicsPaths();
        rules.fairness();
        rules.waivers();
        if (root.path("promotion").isObject() && !problems.isReported("/promotion")) {
            PromotionRules.check(document, root.path("promotion"), problems);
        }
    }

    private record Rules(PolicyDocument document, JsonNode root, Problems problems) {
        void paths() {
            PATHS.forEach((pointer, shown) -> {
                JsonNode path = root.at(pointer);
                if (path.isTextual() && !problems.isReported(pointer)) {
                    RepositoryPaths.problem(path.asText())
                            .ifPresent(p -> problems.add(document.valueAt(pointer), shown + ": " + p));
                }
            });
        }

        /** A baseline is a file or a stage: the schema cannot say "exactly one" with a message a user can act on. */
        void baseline() {
            JsonNode baseline = root.path("baseline");
            if (!baseline.isObject() || problems.isReported("/baseline")) {
                return;
            }
            if (baseline.has("path") == baseline.has("from")) {
                problems.add(document.keyAt("/baseline"), "baseline: " + (baseline.has("path")
                        ? "has both path and from; expected one of them"
                        : "names no baseline; expected path: FILE (a metrics file) or from: STAGE (the registry's"
                        + " metrics of the version in that stage, such as production)"));
            }
        }

        /**
         * The reference is rows or a profile, one of them; current data, columns and drift settings need one; the
         * columns are distinct; a p-value test's threshold is a probability.
         */
        void data() {
            JsonNode data = root.path("data");
            boolean reference = data.has("reference");
            if (reference && data.has("profile") && !problems.isReported("/data")) {
                problems.add(document.keyAt("/data/profile"), "data: has both reference and profile; expected one"
                        + " of them (a profile is the reference rows summarised by 'mlgates profile')");
            }
            String missing = "; expected data.reference (the reference rows) or data.profile (a saved reference"
                    + " profile) to judge drift against";
            if (!reference && !data.has("profile")) {
                for (String key : List.of("current", "columns")) {
                    if (data.has(key) && !problems.isReported("/data/" + key)) {
                        problems.add(document.keyAt("/data/" + key), "data." + key + ": no reference is named"
                                + missing);
                    }
                }
                if (root.path("drift").isObject() && !problems.isReported("/drift")) {
                    problems.add(document.keyAt("/drift"), "drift: no reference is named" + missing);
                }
            }
            JsonNode columns = data.path("columns");
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Integer first = seen.putIfAbsent(columns.get(i).asText(), i);
                if (first != null && columns.get(i).isTextual()) {
                    problems.add(document.valueAt("/data/columns/" + i), "data.columns: column '"
                            + Texts.clip(columns.get(i).asText()) + "' is listed twice (also at data.columns["
                            + first + "]); the columns must be distinct");
                }
            }
            root.path("drift").path("overrides").properties().forEach(e -> {
                JsonNode method = e.getValue().path("method");
                JsonNode threshold = e.getValue().path("threshold");
                String pointer = "/drift/overrides/" + Pointers.child("", e.getKey()).substring(1);
                if (List.of("ks", "chisquare", "z").contains(method.asText()) && threshold.isNumber()
                        && !(threshold.doubleValue() > 0 && threshold.doubleValue() < 1)
                        && !problems.isReported(pointer + "/threshold")) {
                    problems.add(document.valueAt(pointer + "/threshold"), "drift.overrides." + e.getKey()
                            + ".threshold: " + threshold + " is no p-value threshold; " + method.asText()
                            + " gives a p-value and drift is p <= threshold, so expected a number in (0, 1)");
                }
            });
        }

        void limits(JsonNode limits, String pointer, String shown) {
            if (!limits.isArray()) {
                return;
            }
            for (int i = 0; i < limits.size(); i++) {
                JsonNode min = limits.get(i).path("min");
                JsonNode max = limits.get(i).path("max");
                String item = pointer + "/" + i;
                if (min.isNumber() && max.isNumber() && min.doubleValue() > max.doubleValue()
                        && !problems.isReported(item)) {
                    problems.add(document.valueAt(item + "/min"), shown + "[" + i + "]: min " + min + " is above max "
                            + max + "; min must not be greater than max");
                }
            }
        }

        void ethicsPaths() {
            JsonNode ethics = root.path("ethics");
            for (String key : List.of("modelCard", "features", "explanation")) {
                path("/ethics/documentation/" + key, "ethics.documentation." + key);
            }
            JsonNode datasets = ethics.path("datasets");
            for (int i = 0; i < datasets.size(); i++) {
                path("/ethics/datasets/" + i + "/datasheet", "ethics.datasets[" + i + "].datasheet");
            }
        }

        private void path(String pointer, String shown) {
            JsonNode path = root.at(pointer);
            if (path.isTextual() && !problems.isReported(pointer)) {
                RepositoryPaths.problem(path.asText())
                        .ifPresent(p -> problems.add(document.valueAt(pointer), shown + ": " + p));
            }
        }

        /** Intersections, reference groups and limits name only attributes that are judged. */
        void fairness() {
            JsonNode fairness = root.path("ethics").path("fairness");
            if (!fairness.isObject() || problems.isReported("/ethics/fairness")) {
                return;
            }
            List<String> sensitive = new ArrayList<>();
            fairness.path("sensitive").forEach(c -> sensitive.add(c.asText()));
            List<String> attributes = new ArrayList<>(sensitive);
            JsonNode intersections = fairness.path("intersections");
            for (int i = 0; i < intersections.size(); i++) {
                List<String> columns = new ArrayList<>();
                JsonNode intersection = intersections.get(i);
                for (int j = 0; j < intersection.size(); j++) {
                    String column = intersection.get(j).asText();
                    if (!sensitive.contains(column)) {
                        problems.add(document.valueAt("/ethics/fairness/intersections/" + i + "/" + j),
                                "ethics.fairness.intersections[" + i + "]: '" + Texts.clip(column) + "' is not one of"
                                        + " the sensitive columns " + quoted(sensitive) + "; list it under sensitive");
                    }
                    columns.add(column);
                }
                attributes.add(String.join(FairnessPolicy.JOIN, columns));
            }
            fairness.path("reference").fieldNames().forEachRemaining(name -> {
                if (!attributes.contains(name)) {
                    problems.add(document.keyAt("/ethics/fairness/reference/" + Pointers.child("", name).substring(1)),
                            unknownAttribute("ethics.fairness.reference", name, attributes));
                }
            });
            JsonNode limits = fairness.path("limits");
            limits(limits, "/ethics/fairness/limits", "ethics.fairness.limits");
            for (int i = 0; i < limits.size(); i++) {
                JsonNode named = limits.get(i).path("attributes");
                for (int j = 0; j < named.size(); j++) {
                    String name = named.get(j).asText();
                    if (!attributes.contains(name)) {
                        problems.add(document.valueAt("/ethics/fairness/limits/" + i + "/attributes/" + j),
                                unknownAttribute("ethics.fairness.limits[" + i + "].attributes", name, attributes));
                    }
                }
            }
        }

        private static String unknownAttribute(String where, String name, List<String> attributes) {
            StringBuilder message = new StringBuilder(where).append(": '").append(Texts.clip(name))
                    .append("' is not a judged attribute");
            if (attributes.isEmpty()) {
                return message.append("; no sensitive columns are listed").toString();
            }
            Suggestions.nearMiss(name, attributes).ifPresent(s -> message.append("; did you mean '").append(s)
                    .append("'?"));
            return message.append(message.charAt(message.length() - 1) == '?' ? " " : ". ")
                    .append("Judged attributes: ").append(quoted(attributes)).toString();
        }

        void waivers() {
            JsonNode waivers = root.path("waivers");
            for (int i = 0; i < waivers.size(); i++) {
                String pointer = "/waivers/" + i + "/expires";
                JsonNode expires = waivers.get(i).path("expires");
                if (expires.isTextual() && !problems.isReported(pointer)) {
                    try {
                        LocalDate.parse(expires.asText());
                    } catch (DateTimeParseException e) {
                        problems.add(document.valueAt(pointer), "waivers[" + i + "].expires: '"
                                + Texts.clip(expires.asText()) + "' is not a date; expected YYYY-MM-DD");
                    }
                }
            }
        }

        void delimiter() {
            JsonNode delimiter = root.path("predictions").path("delimiter");
            String text = delimiter.asText();
            if (delimiter.isTextual() && text.length() == 2 && text.codePointCount(0, 2) == 1) {
                problems.add(document.valueAt("/predictions/delimiter"), "predictions.delimiter: "
                        + Texts.literal(delimiter) + " is outside the Basic Multilingual Plane; the delimiter must"
                        + " be a single UTF-16 character");
            }
        }

        void classes() {
            JsonNode predictions = root.path("predictions");
            JsonNode classes = predictions.path("classes");
            if (!classes.isArray() || classes.isEmpty() || problems.isReported("/predictions/classes")) {
                return;
            }
            Map<String, Integer> seen = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < classes.size(); i++) {
                JsonNode label = classes.get(i);
                if (!label.isValueNode() || label.isNull()) {
                    return; // the schema reports it
                }
                String name = label.asText();
                Integer first = seen.putIfAbsent(name, i);
                if (first != null) {
                    problems.add(document.valueAt("/predictions/classes/" + i), "predictions.classes: class '"
                            + Texts.clip(name) + "' is listed twice (also at predictions.classes[" + first
                            + "]); the classes must be distinct");
                } else {
                    names.add(name);
                }
            }
            JsonNode task = root.path("task");
            boolean binary = task.isMissingNode() || "binary".equals(task.asText());
            if (!binary) {
                return;
            }
            if (names.size() != 2) {
                problems.add(document.valueAt("/predictions/classes"), "predictions.classes: a binary task needs"
                        + " exactly 2 distinct classes, got " + names.size());
            }
            JsonNode positive = predictions.path("positive");
            if (positive.isMissingNode()) {
                if (!names.contains("1")) {
                    problems.add(document.valueAt("/predictions/classes"), "predictions.classes: the positive"
                            + " class is '1' by default and is not among the classes " + quoted(names)
                            + "; name it with predictions.positive");
                }
            } else if (positive.isValueNode() && !positive.isNull() && !names.contains(positive.asText())
                    && !problems.isReported("/predictions/positive")) {
                problems.add(document.valueAt("/predictions/positive"), "predictions.positive: '"
                        + Texts.clip(positive.asText()) + "' is not one of the declared classes " + quoted(names));
            }
        }

        private static String quoted(List<String> names) {
            List<String> shown = new ArrayList<>();
            names.forEach(n -> shown.add("'" + Texts.clip(n) + "'"));
            return String.join(", ", shown);
        }
    }
}
