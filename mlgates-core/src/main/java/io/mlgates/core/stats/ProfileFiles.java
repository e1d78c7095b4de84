package io.mlgates.core.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import io.mlgates.core.BadInputException;
import io.mlgates.core.metrics.ExactSum;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.profile.ColumnProfile;
import io.mlgates.core.profile.ColumnType;
import io.mlgates.core.profile.ColumnValues;
import io.mlgates.core.profile.DataProfile;
import io.mlgates.core.workspace.RegularFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The column profile file, a sibling of the statistics contract (docs/statistics.md, "Column profiles"): format
 * {@value #FORMAT}, version {@value #VERSION}, checked against {@value #SCHEMA} (shipped beside this class) before a
 * value is read, then value by value. Every refusal names the file, the line and the JSON pointer of the value.
 */
public final class ProfileFiles {
    public static final String FORMAT = "mlgates-profile";
    public static final int VERSION = 1;
    public static final String SCHEMA = "mlgates-profile.schema.json";
    private static final String WHAT = "a column profile written by 'mlgates profile'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileFiles() {
    }

    private static final class Holder {
        static final Schema SCHEMA_INSTANCE = StatisticsFiles.schema(ProfileFiles.class, SCHEMA);
    }

    /**
     * The file a profile was made from.
     *
     * @param file its name
     * @param digest {@code sha256:} digest of its bytes
     */
    public record Source(String file, String digest) {
        public Source {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * A profile file read.
     *
     * @param digest {@code sha256:} digest of the file's bytes
     * @param source the data it was made from, when it says
     */
    public record Read(String digest, Optional<Source> source, DataProfile profile) {
        public Read {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** The file's bytes: UTF-8 JSON, a column on a line, and each of its counts on a line of its own. */
    public static byte[] write(DataProfile profile, Optional<Source> source) {
        StringBuilder json = new StringBuilder("{\n  \"format\": \"" + FORMAT + "\",\n  \"version\": " + VERSION
                + ",\n");
        source.ifPresent(s -> json.append("  \"source\": {\"file\": ").append(string(s.file()))
                .append(", \"digest\": ").append(string(s.digest())).append("},\n"));
        json.append("  \"rows\": ").append(profile.rows()).append(",\n  \"columns\": [");
        String separator = "\n";
        for (ColumnProfile column : profile.columns()) {
            json.append(separator).append("    ");
            separator = ",\n";
            column(json, column);
        }
        json.append(profile.columns().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A column object of the contract, as a profile file and a statistics file's {@code profile} write it. */
    static void column(StringBuilder json, ColumnProfile c) {
        json.append("{\"name\": ").append(string(c.name()))
                .append(", \"type\": \"").append(c.type() == ColumnType.NUMERIC ? "numeric" : "categorical")
                .append("\", \"rows\": ").append(c.rows())
                .append(", \"nulls\": ").append(c.nulls())
                .append(", \"numbers\": ").append(c.numbers())
                .append(", \"sum\": \"").append(c.sum()).append('"')
                .append(", \"squares\": \"").append(c.squares()).append('"')
                .append(", \"min\": ").append(c.numbers() == 0 ? "null" : Double.toString(c.min()))
                .append(", \"max\": ").append(c.numbers() == 0 ? "null" : Double.toString(c.max()))
                .append(", \"mean\": ").append(number(c.mean()))
                .append(", \"std\": ").append(number(c.std()))
                .append(",\n     \"values\": {\"kind\": ");
        if (c.values() instanceof ColumnValues.Numbers n) {
            json.append("\"numbers\"");
            counts(json, n.counts());
        } else if (c.values() instanceof ColumnValues.Categories k) {
            json.append("\"categories\"");
            counts(json, k.counts());
        } else if (c.values() instanceof ColumnValues.Buckets b) {
            json.append("\"buckets\", \"counts\": [");
            String separator = "\n      ";
            for (ColumnValues.Bucket bucket : b.buckets()) {
                json.append(separator).append('[').append(bucket.lower()).append(", ").append(bucket.upper())
                        .append(", ").append(bucket.count()).append(']');
                separator = ",\n      ";
            }
            json.append(b.buckets().isEmpty() ? "]" : "\n     ]");
        } else {
            json.append("\"tooMany\", \"limit\": ").append(((ColumnValues.TooMany) c.values()).limit());
        }
        json.append("}}");
    }

    /** A JSON number as Java writes the shortest decimal that reads back as the same double; null if undefined. */
    private static String number(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? Double.toString(value.getAsDouble())
                : "null";
    }

    static String string(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always JSON", e);
        }
    }

    private static void counts(StringBuilder json, Map<?, Long> counts) {
        json.append(", \"counts\": [");
        String separator = "\n      ";
        for (Map.Entry<?, Long> e : counts.entrySet()) {
            json.append(separator).append('[').append(e.getKey() instanceof Double d ? Double.toString(d)
                    : string((String) e.getKey())).append(", ").append(e.getValue()).append(']');
            separator = ",\n      ";
        }
        json.append(counts.isEmpty() ? "]" : "\n     ]");
    }

    /** Reads and checks a profile file; {@code display} names it in messages. */
    public static Read read(Path file, String display) throws BadInputException {
        RegularFiles.requireRegular(file, display);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(display, 0, 0, "profile not found; expected one written by"
                    + " 'mlgates profile --data FILE --out " + display + "'");
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(bytes, display);
    }

    /** Parses and checks a profile's bytes. */
    static Read parse(byte[] bytes, String display) throws BadInputException {
        JsonNode root = StatisticsFiles.checkedTree(bytes, display, FORMAT, VERSION, WHAT, Holder.SCHEMA_INSTANCE);
        try {
            long rows = root.path("rows").asLong();
            List<ColumnProfile> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            JsonNode list = root.path("columns");
            for (int i = 0; i < list.size(); i++) {
                ColumnProfile column = column(list.get(i), "/columns/" + i, rows);
                if (names.contains(column.name())) {
                    throw new Refusal("/columns/" + i + "/name", "column '" + column.name() + "' is profiled twice"
                            + " (also at /columns/" + names.indexOf(column.name()) + ")");
                }
                names.add(column.name());
                columns.add(column);
            }
            JsonNode source = root.path("source");
            return new Read(PolicyLoader.digest(bytes), source.isObject()
                    ? Optional.of(new Source(source.path("file").asText(), source.path("digest").asText()))
                    : Optional.empty(), new DataProfile(rows, columns));
        } catch (Refusal r) {
            throw StatisticsFiles.refusal(bytes, display, r.pointer, r.getMessage());
        }
    }

    /** A value the schema lets through that does not hold. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final String pointer;

        Refusal(String pointer, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
        }
    }

    /** A column object checked (counts that add up, values in order, within min and max), at {@code at}. */
    static ColumnProfile column(JsonNode c, String at, long tableRows) throws Refusal {
        long rows = c.path("rows").asLong();
        long nulls = c.path("nulls").asLong();
        long numbers = c.path("numbers").asLong();
        if (rows != tableRows) {
            throw new Refusal(at + "/rows", "expected the table's " + tableRows + " rows, got " + rows);
        }
        if (nulls + numbers > rows) {
            throw new Refusal(at + "/numbers", "expected at most rows - nulls (" + (rows - nulls) + ") numbers, got "
                    + numbers);
        }
        boolean numeric = "numeric".equals(c.path("type").asText());
        if (numeric && (numbers == 0 || nulls + numbers != rows)) {
            throw new Refusal(at + "/type", "a numeric column has a number in every row that is not null: expected"
                    + " " + (rows - nulls) + " numbers, got " + numbers);
        }
        ExactSum.Exact sum = exact(c, "sum", at);
        ExactSum.Exact squares = exact(c, "squares", at);
        if (squares.signum() < 0 || numbers == 0 && (sum.signum() != 0 || squares.signum() != 0)) {
            throw new Refusal(at + "/squares", "expected sums of the column's numbers, got sums that no numbers make");
        }
        double min = c.path("min").asDouble();
        double max = c.path("max").asDouble();
        if (numbers > 0 != c.path("min").isNumber() || numbers > 0 != c.path("max").isNumber() || min > max) {
            throw new Refusal(at + "/min", "expected min <= max when the column has numbers, and null otherwise");
        }
        JsonNode values = c.path("values");
        String kind = values.path("kind").asText();
        ColumnValues read;
        long counted = 0;
        String pointer = at + "/values/counts";
        if (kind.equals("categories")) {
            TreeMap<String, Long> counts = new TreeMap<>();
            String previous = null;
            for (int i = 0; i < values.path("counts").size(); i++) {
                JsonNode pair = values.path("counts").get(i);
                String value = pair.get(0).asText();
                if (previous != null && previous.compareTo(value) >= 0 || value.isBlank()) {
                    throw new Refusal(pointer + "/" + i, "expected distinct values, not blank, in ascending order");
                }
                previous = value;
                counts.put(value, pair.get(1).asLong());
                counted += pair.get(1).asLong();
            }
            if (numeric) {
                throw new Refusal(at + "/values/kind", "expected numbers or buckets for a numeric column");
            }
            read = new ColumnValues.Categories(counts);
            requireCount(counted, rows - nulls, pointer, "rows with a value");
        } else if (kind.equals("numbers")) {
            TreeMap<Double, Long> counts = new TreeMap<>();
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < values.path("counts").size(); i++) {
                JsonNode pair = values.path("counts").get(i);
                double value = pair.get(0).asDouble();
                if (!(value > previous) || value < min || value > max) {
                    throw new Refusal(pointer + "/" + i, "expected distinct numbers in ascending order, within min"
                            + " and max");
                }
                previous = value;
                counts.put(value, pair.get(1).asLong());
                counted += pair.get(1).asLong();
            }
            requireNumeric(numeric, at);
            read = new ColumnValues.Numbers(counts);
            requireCount(counted, numbers, pointer, "numbers");
        } else if (kind.equals("buckets")) {
            List<ColumnValues.Bucket> buckets = new ArrayList<>();
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < values.path("counts").size(); i++) {
                JsonNode bucket = values.path("counts").get(i);
                double lower = bucket.get(0).asDouble();
                double upper = bucket.get(1).asDouble();
                if (!(lower > previous) || lower > upper || lower < min || upper > max) {
                    throw new Refusal(pointer + "/" + i, "expected disjoint buckets [lower, upper, count] in"
                            + " ascending order, within min and max");
                }
                previous = upper;
                buckets.add(new ColumnValues.Bucket(lower, upper, bucket.get(2).asLong()));
                counted += bucket.get(2).asLong();
            }
            requireNumeric(numeric, at);
            read = new ColumnValues.Buckets(buckets);
            requireCount(counted, numbers, pointer, "numbers");
        } else {
            if (numeric) {
                throw new Refusal(at + "/values/kind", "expected numbers or buckets for a numeric column");
            }
            read = new ColumnValues.TooMany(values.path("limit").asInt());
        }
        return new ColumnProfile(c.path("name").asText(), numeric ? ColumnType.NUMERIC : ColumnType.CATEGORICAL, rows,
                nulls, numbers, sum, squares, numbers == 0 ? 0 : min, numbers == 0 ? 0 : max, read);
    }

    private static void requireNumeric(boolean numeric, String at) throws Refusal {
        if (!numeric) {
            throw new Refusal(at + "/values/kind", "expected categories or tooMany for a categorical column");
        }
    }

    private static void requireCount(long counted, long expected, String pointer, String what) throws Refusal {
        if (counted != expected) {
            throw new Refusal(pointer, "expected counts that add up to the column's " + expected + " " + what
                    + ", got " + counted);
        }
    }

    private static ExactSum.Exact exact(JsonNode c, String name, String at) throws Refusal {
        ExactSum.Exact value = ExactSum.parse(c.path(name).asText());
        if (value == null) {
            throw new Refusal(at + "/" + name, "expected an exact sum such as \"0\" or \"0x1bp-4\", got "
                    + c.path(name));
        }
        return value;
    }
}
