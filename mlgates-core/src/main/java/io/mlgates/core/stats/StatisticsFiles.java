package io.mlgates.core.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.mlgates.core.BadInputException;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.StateJson;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads statistics files: streamed, the rank summaries' score groups decoded into arrays ({@link StreamedDocument});
 * checked against the contract's JSON Schema ({@value #SCHEMA}, shipped beside this class), then value by value, and
 * merged. Every refusal names the file, the line and the JSON pointer of the value, and
 * what was expected.
 */
public final class StatisticsFiles {
    /** The schema of version {@link Statistics#VERSION}. */
    public static final String SCHEMA = "mlgates-statistics.schema.json";

    private static final String WHAT = "a statistics file written by 'mlgates stats'";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StatisticsFiles() {
    }

    private static final class Holder {
        static final Schema SCHEMA_INSTANCE = schema(StatisticsFiles.class, SCHEMA);
    }

    /**
     * One statistics file read.
     *
     * @param display how messages and results name it
     * @param digest {@code sha256:} digest of its bytes
     * @param origin which engine computed them, as the file says (kept here: merging clears the statistics' own)
     */
    public record Read(String display, String digest, Statistics statistics, Optional<Statistics.Origin> origin) {
        public Read {
            Objects.requireNonNull(display, "display");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(statistics, "statistics");
            Objects.requireNonNull(origin, "origin");
        }

        /** A file read just now, with the origin its statistics name. */
        public Read(String display, String digest, Statistics statistics) {
            this(display, digest, statistics, statistics.origin());
        }
    }

    /**
     * Reads one file. It is streamed: the rank summaries' score groups are decoded into arrays as they are read
     * ({@link StreamedDocument}), so memory follows the distinct scores, not the file's text; a file the stream is
     * not sure of is read again as a whole tree, so that it is refused as before.
     *
     * @param maxGroups most groups a fairness attribute may have
     */
    public static Read read(Path file, String display, ScoreBudget budget, int maxGroups)
            throws BadInputException {
        RegularFiles.requireRegular(file, display);
        MessageDigest sha = sha256();
        Optional<StreamedDocument> streamed;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
             JsonParser parser = JSON.getFactory().createParser(in)) {
            streamed = stream(parser, display, budget);
            if (streamed.isPresent()) {
                // the digest covers every byte, also any after the document
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw unreadable(display, e);
        }
        if (streamed.isPresent()) {
            Optional<Statistics> statistics = build(streamed.get(), (pointer, message)
                    -> refusal(file, display, pointer, message), budget, maxGroups);
            if (statistics.isPresent()) {
                return new Read(display, "sha256:" + HexFormat.of().formatHex(sha.digest()), statistics.get());
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(display, e);
        }
        return new Read(display, PolicyLoader.digest(bytes), parseTree(bytes, display, budget, maxGroups));
    }

    private static BadInputException unreadable(String display, IOException e) {
        return e instanceof NoSuchFileException
                ? new BadInputException(display, 0, 0, "statistics file not found; expected one written by"
                        + " 'mlgates stats'")
                : new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Parses, checks and builds; {@code display} names the source in messages. Streamed as {@link #read} is. */
    public static Statistics parse(byte[] bytes, String display, ScoreBudget budget, int maxGroups)
            throws BadInputException {
        Optional<StreamedDocument> streamed;
        try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
            streamed = stream(parser, display, budget);
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        if (streamed.isPresent()) {
            Optional<Statistics> statistics = build(streamed.get(), (pointer, message)
                    -> refusal(bytes, display, pointer, message), budget, maxGroups);
            if (statistics.isPresent()) {
                return statistics.get();
            }
        }
        return parseTree(bytes, display, budget, maxGroups);
    }

    /** The document streamed, or nothing when the whole-tree reader must judge it; refused where it is not JSON. */
    private static Optional<StreamedDocument> stream(JsonParser parser, String display, ScoreBudget budget)
            throws BadInputException, IOException {
        try {
            return StreamedDocument.read(parser, budget);
        } catch (JsonProcessingException e) {
            throw notJson(display, e);
        }
    }

    /** Where a value of a file was refused: the file's line and column of {@code pointer}. */
    @FunctionalInterface
    private interface Refusals {
        BadInputException at(String pointer, String message);
    }

    /**
     * Statistics from a streamed document, or nothing when the schema refuses its tree: the whole-tree reader then
     * says what it refuses, with the schema's words for the whole document.
     */
    private static Optional<Statistics> build(StreamedDocument document, Refusals refusals, ScoreBudget budget,
                                              int maxGroups) throws BadInputException {
        JsonNode root = document.root();
        boolean valid = false;
        try {
            requireFormat(root, refusals, Statistics.FORMAT, Statistics.VERSION, WHAT);
            valid = Holder.SCHEMA_INSTANCE.validate(root).isEmpty();
        } finally {
            if (!valid) {
                document.discard();
            }
        }
        if (!valid) {
            return Optional.empty();
        }
        document.fill();
        try {
            return Optional.of(Statistics.fromDocument(root, budget, maxGroups));
        } catch (StateJson.StateException e) {
            throw refusals.at(e.pointer(), e.getMessage());
        }
    }

    /**
     * The whole file as a tree, checked and built: the reader of files the stream is not sure of, and the measure of
     * the stream (what is refused, and how, is this reader's).
     */
    static Statistics parseTree(byte[] bytes, String display, ScoreBudget budget, int maxGroups)
            throws BadInputException {
        JsonNode root = checkedTree(bytes, display, Statistics.FORMAT, Statistics.VERSION, WHAT,
                Holder.SCHEMA_INSTANCE);
        try {
            return Statistics.fromDocument(root, budget, maxGroups);
        } catch (StateJson.StateException e) {
            throw refusal(bytes, display, e.pointer(), e.getMessage());
        }
    }

    /**
     * A file of the contract (statistics, or a sibling such as a column profile) as a checked tree: JSON, then its
     * {@code format} and {@code version}, before anything else is read, then {@code schema}. Every refusal names the
     * line and the JSON pointer of the value.
     *
     * @param what what a file of {@code format} is, for the message
     */
    public static JsonNode checkedTree(byte[] bytes, String display, String format, int version, String what,
                                       Schema schema) throws BadInputException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw notJson(display, e);
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(display, 1, 0, "expected " + what + ": a JSON object with \"format\": \""
                    + format + "\"");
        }
        requireFormat(root, (pointer, message) -> refusal(bytes, display, pointer, message), format, version, what);
        List<Error> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String pointer = first.getInstanceLocation().toString().isEmpty() ? ""
                    : pointerOf(first.getInstanceLocation().toString());
            throw refusal(bytes, display, pointer, message(first, format.substring(format.indexOf('-') + 1)));
        }
        return root;
    }

    private static BadInputException notJson(String display, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return new BadInputException(display, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                "not valid JSON: " + e.getOriginalMessage());
    }

    /** The {@code format} and {@code version} of a file of the contract, checked before anything else is read. */
    private static void requireFormat(JsonNode root, Refusals refusals, String format, int version, String what)
            throws BadInputException {
        if (!format.equals(root.path("format").asText())) {
            throw refusals.at("/format", "expected \"format\": \"" + format + "\" (" + what + "), got "
                    + root.path("format"));
        }
        JsonNode found = root.path("version");
        if (!found.isIntegralNumber() || found.asInt() != version) {
            throw refusals.at("/version", "expected version " + version + ", the version this engine reads, got "
                    + found + (found.isIntegralNumber() && found.asInt() > version
                    ? ": written by a newer engine; judge it with that engine" : ""));
        }
    }

    /** A schema shipped in the core's jar, beside {@code owner}. */
    public static Schema schema(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the schema " + resource + " is missing");
            }
            JsonNode node = new ObjectMapper().readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(SchemaLocation.of(node.get("$id").asText()), node);
        } catch (IOException e) {
            throw new UncheckedIOException("the schema " + resource + " cannot be read", e);
        }
    }

    /** The schema validator's location ({@code /metrics/bins/0}, or {@code $.metrics.bins[0]}) as a JSON pointer. */
    private static String pointerOf(String location) {
        if (location.startsWith("/")) {
            return location;
        }
        String path = location.startsWith("$") ? location.substring(1) : location;
        return path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }

    private static String message(Error error, String kind) {
        String text = error.getMessage();
        // the validator starts its message with the location, which the refusal gives already
        int colon = text.indexOf(": ");
        String what = colon >= 0 && text.substring(0, colon).matches("[$/].*") ? text.substring(colon + 2) : text;
        return "expected what the " + kind + " schema says (" + error.getKeyword() + "): " + what;
    }

    /**
     * A refusal of a file read already, for what a reader found later (statistics that do not fit a policy): at the
     * line and column of the value at {@code pointer}.
     */
    public static BadInputException refusal(Path file, String display, String pointer, String message) {
        try {
            return refusal(Files.readAllBytes(file), display, pointer, message);
        } catch (IOException e) {
            return new BadInputException(display, 0, 0, "at " + pointer + ": " + message);
        }
    }

    /** A refusal of the value at {@code pointer}, at its line and column. */
    public static BadInputException refusal(byte[] bytes, String display, String pointer, String message) {
        JsonLocation at = locate(bytes, pointer);
        return new BadInputException(display, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                (pointer.isEmpty() ? "" : "at " + pointer + ": ") + message);
    }

    /** Where the value at {@code pointer} starts, or its nearest enclosing value's; null when unknown. */
    public static JsonLocation locate(byte[] bytes, String pointer) {
        JsonPointer wanted = JsonPointer.compile(pointer);
        JsonLocation best = null;
        int bestDepth = -1;
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonPointer here = p.getParsingContext().pathAsPointer();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    here = p.getParsingContext().getParent() == null ? JsonPointer.empty()
                            : p.getParsingContext().getParent().pathAsPointer();
                }
                String text = here.toString();
                if (pointer.equals(text)) {
                    return p.currentTokenLocation();
                }
                if ((pointer.startsWith(text + "/") || text.isEmpty()) && depth(text) > bestDepth) {
                    best = p.currentTokenLocation();
                    bestDepth = depth(text);
                }
            }
        } catch (IOException e) {
            return best;
        }
        return best;
    }

    private static int depth(String pointer) {
        return (int) pointer.chars().filter(c -> c == '/').count();
    }

    /**
     * Reads several files and merges them in the order given.
     *
     * @throws BadInputException naming the file that cannot be read, or that was built differently from the first
     */
    public static Statistics readAll(List<Path> files, List<String> displays, ScoreBudget budget, int maxGroups,
                                     List<Read> reads) throws BadInputException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no statistics file");
        }
        Statistics merged = null;
        String first = null;
        for (int i = 0; i < files.size(); i++) {
            Read read = read(files.get(i), displays.get(i), budget, maxGroups);
            reads.add(read);
            if (merged == null) {
                merged = read.statistics();
                first = read.display();
                continue;
            }
            var difference = merged.differenceFrom(read.statistics());
            if (difference.isPresent()) {
                throw new BadInputException(read.display(), 1, 0, "cannot merge with " + first + ": this file holds "
                        + difference.get() + "; statistics merge only when built from the same policy and columns");
            }
            merged.merge(read.statistics());
        }
        return merged;
    }
}
