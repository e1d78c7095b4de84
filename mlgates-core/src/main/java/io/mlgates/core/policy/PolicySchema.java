package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of {@code mlgates.yaml}, shipped as {@value #RESOURCE} beside this class, and
 * the translation of its validation errors into problems that say where and what was expected.
 */
final class PolicySchema {
    static final String RESOURCE = "mlgates-policy.schema.json";

    private static final class Holder {
        static final PolicySchema INSTANCE = new PolicySchema();
    }

    private final JsonNode schemaNode;
    private final Schema schema;

    private PolicySchema() {
        try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the policy schema " + RESOURCE + " is missing from the class path");
            }
            schemaNode = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the policy schema " + RESOURCE + " cannot be read", e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        schema = registry.getSchema(SchemaLocation.of(schemaNode.get("$id").asText()), schemaNode);
    }

    static PolicySchema get() {
        return Holder.INSTANCE;
    }

    /** The schema itself, as shipped. */
    JsonNode node() {
        return schemaNode;
    }

    /** Validates the document's tree; every error becomes a problem at the key or value it concerns. */
    void validate(PolicyDocument document, JsonNode root, Problems problems) {
        List<Error> errors = schema.validate(root);
        Map<String, List<Error>> alternatives = new LinkedHashMap<>();
        Set<String> typeErrors = new HashSet<>();
        List<Error> single = new ArrayList<>();
        for (Error error : errors) {
            String pointer = pointer(error.getInstanceLocation());
            if (problems.isReported(pointer)) {
                continue;
            }
            Optional<String> anyOf = enclosingAnyOf(error);
            if (anyOf.isPresent()) {
                alternatives.computeIfAbsent(pointer + " " + anyOf.get(), k -> new ArrayList<>()).add(error);
                continue;
            }
            if ("type".equals(error.getKeyword())) {
                typeErrors.add(pointer);
            }
            single.add(error);
        }
        for (Error error : single) {
            String pointer = pointer(error.getInstanceLocation());
            String keyword = error.getKeyword();
            boolean aboutValue = !"required".equals(keyword) && !"additionalProperties".equals(keyword);
            if (aboutValue && !"type".equals(keyword) && typeErrors.contains(pointer)) {
                continue; // a value of the wrong type: saying so is enough
            }
            report(document, error, pointer, problems);
        }
        for (List<Error> group : alternatives.values()) {
            reportAlternatives(document, group, problems);
        }
    }

    private void report(PolicyDocument document, Error error, String pointer, Problems problems) {
        String where = displayPath(error.getInstanceLocation());
        JsonNode value = error.getInstanceNode();
        JsonNode keywordSchema = error.getSchemaNode();
        JsonNode parentSchema = schemaNode.at(Pointers.parent(pointer(error.getSchemaLocation().getFragment())));
        switch (error.getKeyword()) {
            case "additionalProperties" -> {
                String key = error.getProperty();
                String member = Pointers.child(pointer, key);
                List<String> allowed = new ArrayList<>();
                parentSchema.path("properties").fieldNames().forEachRemaining(allowed::add);
                problems.add(document.keyAt(member), unknownKey(key, where, allowed));
            }
            case "required" -> problems.add(document.keyAt(pointer),
                    prefix(where) + "missing required key '" + error.getProperty() + "'");
            case "type" -> problems.add(document.valueAt(pointer), (where.isEmpty() ? "the top level: "
                    : prefix(where)) + "expected " + expectedTypes(keywordSchema) + ", got " + Texts.describe(value));
            case "enum" -> problems.add(document.valueAt(pointer), prefix(where) + enumMessage(keywordSchema, value));
            case "const" -> problems.add(document.valueAt(pointer), prefix(where) + "expected "
                    + Texts.literal(keywordSchema) + ", got " + Texts.literal(value));
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> problems.add(
                    document.valueAt(pointer), prefix(where) + "expected " + expectedTypes(parentSchema.path("type"))
                            + " " + range(parentSchema) + ", got " + Texts.literal(value));
            case "minLength", "maxLength" -> problems.add(document.valueAt(pointer),
                    prefix(where) + lengthMessage(parentSchema, value));
            case "minItems" -> problems.add(document.valueAt(pointer), prefix(where) + "expected at least "
                    + count(keywordSchema.asInt(), "entry", "entries") + ", got "
                    + (value.size() == 0 ? "none" : String.valueOf(value.size())));
            case "pattern" -> problems.add(document.valueAt(pointer), prefix(where) + "expected "
                    + parentSchema.path("description").asText("a value of another form") + ", got "
                    + Texts.literal(value));
            case "uniqueItems" -> problems.add(document.valueAt(pointer), prefix(where)
                    + "each entry may be listed only once");
            case "not" -> problems.add(document.valueAt(pointer), prefix(where) + "must not be "
                    + forbidden(keywordSchema) + ", got " + Texts.literal(value));
            default -> problems.add(document.valueAt(pointer), prefix(where) + Texts.oneLine(error.getMessage()));
        }
    }

    /** Errors of one {@code anyOf}; in this schema each branch requires one key: "needs 'min' or 'max'". */
    private void reportAlternatives(PolicyDocument document, List<Error> group, Problems problems) {
        Error first = group.get(0);
        String pointer = pointer(first.getInstanceLocation());
        String where = displayPath(first.getInstanceLocation());
        List<String> keys = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Error error : group) {
            if ("required".equals(error.getKeyword())) {
                keys.add("'" + error.getProperty() + "'");
            } else {
                others.add(Texts.oneLine(error.getMessage()));
            }
        }
        if (others.isEmpty()) {
            problems.add(document.keyAt(pointer), prefix(where) + "needs at least one of " + Texts.alternatives(keys));
        } else {
            List<String> all = new ArrayList<>(keys.stream().map(k -> "missing key " + k).toList());
            all.addAll(others);
            problems.add(document.valueAt(pointer), prefix(where) + "matches none of the allowed forms: "
                    + String.join("; ", all));
        }
    }

    /** The schema path up to and including the innermost {@code anyOf} that this error belongs to. */
    private static Optional<String> enclosingAnyOf(Error error) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        int last = -1;
        for (int i = 0; i < fragment.getNameCount(); i++) {
            if ("anyOf".equals(fragment.getName(i))) {
                last = i;
            }
        }
        if (last < 0) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            path.append('/').append(fragment.getName(i));
        }
        return Optional.of(path.toString());
    }

    static String unknownKey(String key, String where, List<String> allowed) {
        StringBuilder message = new StringBuilder("unknown key '").append(Texts.clip(key)).append('\'');
        if (!where.isEmpty()) {
            message.append(" in ").append(where);
        }
        Optional<String> suggestion = Suggestions.nearMiss(key, allowed);
        if (key.equals("<<")) {
            message.append("; YAML merge keys are not supported, write the keys out.");
        } else if (suggestion.isPresent()) {
            message.append("; did you mean '").append(suggestion.get()).append("'?");
        } else {
            message.append('.');
        }
        return message.append(" Allowed keys: ").append(String.join(", ", allowed)).toString();
    }

    private static String enumMessage(JsonNode allowedValues, JsonNode value) {
        List<String> allowed = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        allowedValues.forEach(v -> {
            allowed.add(v.asText());
            quoted.add(Texts.literal(v));
        });
        StringBuilder message = new StringBuilder("expected one of ").append(String.join(", ", quoted))
                .append(", got ").append(Texts.literal(value));
        if (value.isTextual()) {
            Suggestions.nearMiss(value.asText(), allowed)
                    .ifPresent(s -> message.append("; did you mean '").append(s).append("'?"));
        }
        return message.toString();
    }

    private static String expectedTypes(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> names.add(typeName(t.asText())));
        } else if (type.isTextual()) {
            names.add(typeName(type.asText()));
        } else {
            names.add("a value");
        }
        return Texts.alternatives(names);
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "string" -> "a string";
            case "number" -> "a number";
            case "integer" -> "an integer";
            case "boolean" -> "a boolean";
            case "null" -> "nothing (null)";
            default -> jsonType;
        };
    }

    /** The allowed range from the schema's bounds: "in [0, 1]", "in (0, 1)", ">= 1". */
    private static String range(JsonNode schema) {
        JsonNode min = schema.has("minimum") ? schema.get("minimum") : schema.get("exclusiveMinimum");
        JsonNode max = schema.has("maximum") ? schema.get("maximum") : schema.get("exclusiveMaximum");
        boolean minOpen = !schema.has("minimum");
        boolean maxOpen = !schema.has("maximum");
        if (min != null && max != null) {
            return "in " + (minOpen ? "(" : "[") + min.asText() + ", " + max.asText() + (maxOpen ? ")" : "]");
        }
        if (min != null) {
            return (minOpen ? "> " : ">= ") + min.asText();
        }
        if (max != null) {
            return (maxOpen ? "< " : "<= ") + max.asText();
        }
        return "in range";
    }

    private static String lengthMessage(JsonNode schema, JsonNode value) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (min == max) {
            return "expected exactly " + count(min, "character", "characters") + ", got " + Texts.literal(value);
        }
        if (min == 1 && value.isTextual() && value.asText().isEmpty()) {
            return "must not be empty";
        }
        if (value.isTextual() && value.asText().codePointCount(0, value.asText().length()) < min) {
            return "expected at least " + count(min, "character", "characters") + ", got " + Texts.literal(value);
        }
        return "expected at most " + count(max, "character", "characters") + ", got " + Texts.literal(value);
    }

    private static String forbidden(JsonNode notSchema) {
        if (notSchema.has("enum")) {
            List<String> quoted = new ArrayList<>();
            notSchema.get("enum").forEach(v -> quoted.add(Texts.literal(v)));
            return Texts.alternatives(quoted);
        }
        if (notSchema.has("const")) {
            return Texts.literal(notSchema.get("const"));
        }
        return "a value of this form";
    }

    private static String count(int n, String one, String many) {
        return n == 1 ? "one " + one : n + " " + many;
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }

    /** A JSON pointer for a node path of the instance or of the schema. */
    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                pointer.append('/').append(index);
            } else {
                pointer.append(Pointers.child("", String.valueOf(element)));
            }
        }
        return pointer.toString();
    }

    /** The key path as a user reads it: {@code predictions.threshold}, {@code limits[1].min}. */
    static String displayPath(NodePath path) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                shown.append('[').append(index).append(']');
            } else {
                if (shown.length() > 0) {
                    shown.append('.');
                }
                shown.append(Texts.clip(String.valueOf(element)));
            }
        }
        return shown.toString();
    }
}
