package io.mlgates.core.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.stats.StatisticsFiles;
import io.mlgates.core.workspace.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a model's input schema: a schema file ({@code model/schema.json}, format in docs/schema.md), or a feature list
 * ({@code model/features.json}) from which one is derived. Both are untrusted input: bounded in size, each mistake
 * told at its file, line and column, with what was expected.
 */
public final class SchemaFiles {
    /** The {@code format} every schema file states. */
    public static final String FORMAT = "mlgates-input-schema";
    /** The version of the format this engine reads. */
    public static final int VERSION = 1;
    /** A schema is small; anything larger is not one. */
    static final int MAX_BYTES = 4 << 20;
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "min", "max", "categories", "nullable",
            "maxNullShare", "description");
    private static final Set<String> ROOT_KEYS = Set.of("format", "version", "columns", "description");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private SchemaFiles() {
    }

    /** Reads a schema file. */
    public static InputSchema read(Path file, String display) throws BadInputException {
        byte[] bytes = bytes(file, display, "schema file not found; expected the model's input schema (docs/schema.md)");
        return schema(bytes, tree(bytes, display), display);
    }

    /**
     * Reads a schema file, or derives a schema from a feature list: a JSON object with a {@code format} is a schema
     * file.
     */
    public static InputSchema readEither(Path file, String display) throws BadInputException {
        byte[] bytes = bytes(file, display, "not found; expected an input schema (docs/schema.md) or a feature list");
        JsonNode root = tree(bytes, display);
        return root.has("format") ? schema(bytes, root, display) : features(bytes, root, display);
    }

    private static InputSchema schema(byte[] bytes, JsonNode root, String display) throws BadInputException {
        Located at = new Located(bytes, display);
        if (!root.isObject()) {
            throw at.problem("", "expected a JSON object with \"format\": \"" + FORMAT + "\", \"version\" and"
                    + " \"columns\"");
        }
        unknownKeys(root, ROOT_KEYS, "", at);
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw at.problem(root.has("format") ? "/format" : "", "expected \"format\": \"" + FORMAT + "\", got "
                    + (root.has("format") ? root.get("format").toString() : "no format"));
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber() || version.asInt() != VERSION) {
            throw at.problem(root.has("version") ? "/version" : "", "expected \"version\": " + VERSION
                    + " (the schema format this engine reads), got " + (root.has("version") ? version : "none")
                    + (version.isIntegralNumber() && version.asInt() > VERSION ? ": written for a newer engine" : ""));
        }
        JsonNode columns = root.path("columns");
        if (!columns.isArray()) {
            throw at.problem(root.has("columns") ? "/columns" : "", "expected \"columns\": a list of input columns,"
                    + " each {\"name\", \"type\"}");
        }
        List<SchemaColumn> read = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            SchemaColumn column = column(columns.get(i), "/columns/" + i, at);
            if (!names.add(column.name())) {
                throw at.problem("/columns/" + i + "/name", "column '" + column.name() + "' is declared twice;"
                        + " expected each input once");
            }
            read.add(column);
        }
        return new InputSchema(display, PolicyLoader.digest(bytes), InputSchema.Origin.SCHEMA_FILE, read);
    }

    /**
     * Derives a schema from a feature list: a list of names, or an object whose {@code features} lists names or
     * objects with a {@code name}, and optionally a {@code type} (as {@link ColumnType#named} reads it) and the
     * {@code values} of a nominal feature. A feature without a type is of type {@code any}; no range or null share
     * is derived (a feature list does not say them).
     */
    public static InputSchema derive(Path file, String display) throws BadInputException {
        byte[] bytes = bytes(file, display, "feature list not found");
        return features(bytes, tree(bytes, display), display);
    }

    private static InputSchema features(byte[] bytes, JsonNode root, String display) throws BadInputException {
        Located at = new Located(bytes, display);
        String listPointer = root.isArray() ? "" : "/features";
        JsonNode list = root.isArray() ? root : root.path("features");
        if (!list.isArray()) {
            throw at.problem("", "expected a list of feature names, or an object with a \"features\" list");
        }
        List<SchemaColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = listPointer + "/" + i;
            JsonNode item = list.get(i);
            JsonNode name = item.isTextual() ? item : item.path("name");
            if (!name.isTextual() || name.asText().isEmpty()) {
                throw at.problem(pointer, "expected a feature name, or an object with a \"name\"");
            }
            ColumnType type = ColumnType.ANY;
            List<String> categories = List.of();
            if (item.isObject() && item.has("type")) {
                type = ColumnType.named(item.path("type").asText("")).orElseThrow(() -> at.problem(pointer + "/type",
                        "expected a type: " + ColumnType.NAMES + ", got " + item.get("type")));
                if (type == ColumnType.CATEGORICAL && item.has("values")) {
                    categories = texts(item.get("values"), pointer + "/values", at);
                }
            }
            if (!names.add(name.asText())) {
                throw at.problem(pointer, "feature '" + name.asText() + "' is listed twice; expected each input once");
            }
            columns.add(build(name.asText(), type, OptionalDouble.empty(), OptionalDouble.empty(), categories,
                    OptionalDouble.empty(), pointer, at));
        }
        return new InputSchema(display, PolicyLoader.digest(bytes), InputSchema.Origin.FEATURE_LIST, columns);
    }

    private static SchemaColumn column(JsonNode node, String pointer, Located at) throws BadInputException {
        if (!node.isObject()) {
            throw at.problem(pointer, "expected a column: {\"name\": ..., \"type\": ...}");
        }
        unknownKeys(node, COLUMN_KEYS, pointer, at);
        JsonNode name = node.path("name");
        if (!name.isTextual() || name.asText().isEmpty()) {
            throw at.problem(node.has("name") ? pointer + "/name" : pointer, "expected \"name\": the column's name"
                    + " in the data");
        }
        JsonNode typeNode = node.path("type");
        ColumnType type = ColumnType.named(typeNode.isTextual() ? typeNode.asText() : "").orElseThrow(() ->
                at.problem(node.has("type") ? pointer + "/type" : pointer, "column '" + name.asText()
                        + "': expected \"type\": " + ColumnType.NAMES + ", got " + (node.has("type") ? typeNode
                        : "none")));
        OptionalDouble min = bound(node, "min", pointer, at);
        OptionalDouble max = bound(node, "max", pointer, at);
        List<String> categories = node.has("categories") ? texts(node.get("categories"), pointer + "/categories", at)
                : List.of();
        OptionalDouble share = OptionalDouble.empty();
        if (node.has("maxNullShare")) {
            JsonNode s = node.get("maxNullShare");
            if (!s.isNumber()) {
                throw at.problem(pointer + "/maxNullShare", "expected a share in [0, 1], got " + s);
            }
            share = OptionalDouble.of(s.asDouble());
        }
        if (node.has("nullable")) {
            JsonNode nullable = node.get("nullable");
            if (!nullable.isBoolean()) {
                throw at.problem(pointer + "/nullable", "expected true or false, got " + nullable);
            }
            if (!nullable.asBoolean() && share.isPresent() && share.getAsDouble() > 0) {
                throw at.problem(pointer + "/maxNullShare", "column '" + name.asText() + "' is not nullable but"
                        + " allows a null share of " + number(share.getAsDouble()) + "; expected one of the two");
            }
            if (share.isEmpty()) {
                share = OptionalDouble.of(nullable.asBoolean() ? 1.0 : 0.0);
            }
        }
        return build(name.asText(), type, min, max, categories, share, pointer, at);
    }

    /** The column, or the record's refusal told at the column. */
    private static SchemaColumn build(String name, ColumnType type, OptionalDouble min, OptionalDouble max,
                                      List<String> categories, OptionalDouble share, String pointer, Located at)
            throws BadInputException {
        try {
            return new SchemaColumn(name, type, min, max, categories, share);
        } catch (IllegalArgumentException e) {
            throw at.problem(pointer, e.getMessage());
        }
    }

    private static OptionalDouble bound(JsonNode node, String key, String pointer, Located at)
            throws BadInputException {
        if (!node.has(key)) {
            return OptionalDouble.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw at.problem(pointer + "/" + key, "expected a number, got " + value);
        }
        return OptionalDouble.of(value.asDouble());
    }

    private static List<String> texts(JsonNode list, String pointer, Located at) throws BadInputException {
        if (!list.isArray()) {
            throw at.problem(pointer, "expected a list of values, got " + list);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
                throw at.problem(pointer + "/" + i, "expected a value as the data spells it, got " + v);
            }
            values.add(v.asText());
        }
        return values;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String pointer, Located at)
            throws BadInputException {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (!known.contains(key)) {
                throw at.problem(pointer + "/" + escape(key), "unknown key \"" + key + "\"; expected one of "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static byte[] bytes(Path file, String display, String notFound) throws BadInputException {
        RegularFiles.requireRegular(file, display);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new BadInputException(display, 0, 0, notFound);
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(display, 0, 0, "larger than 4 MiB; expected a schema of input columns");
        }
        return bytes;
    }

    private static JsonNode tree(byte[] bytes, String display) throws BadInputException {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new BadInputException(display, 1, 0, "empty; expected a JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new BadInputException(display, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A number as a schema shows it: {@code 18}, not {@code 18.0}. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A file's bytes, to tell a problem at the line and column of a value. */
    private record Located(byte[] bytes, String display) {
        BadInputException problem(String pointer, String message) {
            JsonLocation where = StatisticsFiles.locate(bytes, pointer);
            return new BadInputException(display, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), message);
        }
    }
}
