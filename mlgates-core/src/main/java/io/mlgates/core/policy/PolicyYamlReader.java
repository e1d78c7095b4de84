package io.mlgates.core.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a policy file's YAML into a JSON tree, recording where each key and value is, in one pass over Jackson's
 * YAML token stream. Reading is safe for untrusted files:
 * <ul>
 * <li>no types are instantiated: the tree holds only strings, numbers, booleans, nulls, lists and mappings, and
 * any explicit tag other than the YAML core schema's ({@code !!str}, {@code !!int}, {@code !!float},
 * {@code !!bool}, {@code !!null}, {@code !!map}, {@code !!seq}) is an error;</li>
 * <li>aliases are expanded here, with the limits of SnakeYAML's {@link LoaderOptions} (aliases to lists or
 * mappings, nesting depth) and a bound on the expanded size, so that a "billion laughs" file stops early;
 * SnakeYAML itself applies those options only when it composes nodes, which Jackson's streaming parser does
 * not do, so they are enforced here from the same options object;</li>
 * <li>a duplicate key is an error (every duplicate is reported, not only the first);</li>
 * <li>the input is bounded by the caller and by the {@link LoaderOptions#getCodePointLimit() code point
 * limit}.</li>
 * </ul>
 */
final class PolicyYamlReader {
    static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    static final int MAX_NESTING_DEPTH = 50;
    /** Largest number of values (scalars, lists, mappings) after alias expansion. */
    static final int MAX_VALUES = 100_000;

    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> CORE_SCALAR_TAGS = Set.of("str", "int", "float", "bool", "null");
    private static final String ALLOWED_TAGS = "!!str, !!int, !!float, !!bool, !!null, !!map, !!seq";

    private final LoaderOptions options;
    private final YAMLFactory factory;

    PolicyYamlReader(int codePointLimit) {
        options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(codePointLimit);
        // Duplicate keys are an error, found by this reader so that every duplicate is reported with both
        // positions. Jackson turns allowDuplicateKeys(false) into STRICT_DUPLICATE_DETECTION, which stops the
        // whole read at the first duplicate, so it is left to this reader.
        options.setAllowDuplicateKeys(true);
        options.setMergeOnCompose(false);
        options.setProcessComments(false);
        // EMPTY_STRING_AS_NULL: an empty plain scalar is null, as YAML's core schema says ("model:" with nothing
        // after it); a quoted "" stays an empty string. PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS: only true and false
        // are booleans, so that class labels such as y, n, yes, no, on, off stay as written.
        factory = new PositionedFactory(YAMLFactory.builder().loaderOptions(options)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS));
    }

    /** Reads the text; problems go to {@code problems}, the tree (as far as it could be read) is returned. */
    PolicyDocument read(String text, Problems problems) {
        Reading reading = new Reading(text, problems);
        try (PositionedParser parser = (PositionedParser) factory.createParser(new StringReader(text))) {
            reading.parser = parser;
            reading.readDocument();
        } catch (Abort stop) {
            problems.add(stop.at, stop.getMessage());
        } catch (IOException | RuntimeException e) {
            // Closing failed, or the parser broke in a way it does not report as a syntax error.
            problems.add(SourcePosition.UNKNOWN, "the file could not be read as YAML: " + e.getMessage());
        }
        return new PolicyDocument(reading.root, reading.keys, reading.values);
    }

    /** The state of one read. */
    private final class Reading {
        private final String text;
        private final Problems problems;
        private final Map<String, SourcePosition> keys = new HashMap<>();
        private final Map<String, SourcePosition> values = new HashMap<>();
        private final Map<String, Anchored> anchors = new HashMap<>();
        private final Set<String> openAnchors = new HashSet<>();
        private PositionedParser parser;
        private JsonNode root;
        private long valueCount;
        private int collectionAliases;

        Reading(String text, Problems problems) {
            this.text = text;
            this.problems = problems;
        }

        void readDocument() {
            JsonToken first = next();
            if (first == null) {
                return; // nothing but comments and blank lines: every default
            }
            JsonNode top = readValue(first, "", 0, true);
            root = top.isNull() ? null : top;
            JsonToken more = next();
            if (more != null) {
                problems.add(here(), "a policy file holds one YAML document, but a second one starts here");
            }
        }

        private JsonNode readValue(JsonToken token, String pointer, int depth, boolean record) {
            Event event = parser.lastEvent();
            SourcePosition at = here();
            if (record) {
                values.put(pointer, at);
            }
            if (event instanceof AliasEvent alias) {
                return expand(alias, pointer, at, record);
            }
            checkTag(event, token, pointer, at);
            String anchor = event instanceof NodeEvent node ? node.getAnchor() : null;
            if (anchor != null) {
                openAnchors.add(anchor);
            }
            long before = valueCount;
            JsonNode value;
            if (token == JsonToken.START_OBJECT) {
                value = readMapping(pointer, depth + 1, at, record);
            } else if (token == JsonToken.START_ARRAY) {
                value = readSequence(pointer, depth + 1, at, record);
            } else {
                value = readScalar(token, pointer, at);
            }
            count(at, 1);
            if (anchor != null) {
                openAnchors.remove(anchor);
                anchors.put(anchor, new Anchored(value, valueCount - before));
            }
            return value;
        }

        private ObjectNode readMapping(String pointer, int depth, SourcePosition at, boolean record) {
            checkDepth(depth, at);
            ObjectNode mapping = JsonNodeFactory.instance.objectNode();
            Map<String, SourcePosition> seen = new HashMap<>();
            JsonToken token;
            while ((token = next()) == JsonToken.FIELD_NAME) {
                String key = currentName();
                Event keyEvent = parser.lastEvent();
                SourcePosition keyAt = here();
                String member = Pointers.child(pointer, key);
                checkTag(keyEvent, JsonToken.VALUE_STRING, member, keyAt);
                String keyAnchor = keyEvent instanceof NodeEvent node ? node.getAnchor() : null;
                if (keyAnchor != null) {
                    count(keyAt, 1);
                    anchors.put(keyAnchor, new Anchored(JsonNodeFactory.instance.textNode(key), 1));
                }
                JsonToken valueToken = next();
                SourcePosition first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    problems.add(keyAt, "duplicate key '" + Texts.clip(key) + "' (first at line " + first.line()
                            + ", column " + first.column() + "); each key may appear once in a mapping");
                    readValue(valueToken, member, depth, false);
                    continue;
                }
                if (record) {
                    keys.put(member, keyAt);
                }
                mapping.set(key, readValue(valueToken, member, depth, record));
            }
            expectEnd(token, JsonToken.END_OBJECT);
            return mapping;
        }

        private ArrayNode readSequence(String pointer, int depth, SourcePosition at, boolean record) {
            checkDepth(depth, at);
            ArrayNode sequence = JsonNodeFactory.instance.arrayNode();
            JsonToken token;
            while ((token = next()) != JsonToken.END_ARRAY && token != null) {
                sequence.add(readValue(token, Pointers.child(pointer, sequence.size()), depth, record));
            }
            expectEnd(token, JsonToken.END_ARRAY);
            return sequence;
        }

        private JsonNode readScalar(JsonToken token, String pointer, SourcePosition at) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            String text = text();
            try {
                switch (token) {
                    case VALUE_STRING:
                        return nodes.textNode(text);
                    case VALUE_NUMBER_INT:
                        switch (parser.getNumberType()) {
                            case INT:
                                return nodes.numberNode(parser.getIntValue());
                            case LONG:
                                return nodes.numberNode(parser.getLongValue());
                            default:
                                return nodes.numberNode(parser.getBigIntegerValue());
                        }
                    case VALUE_NUMBER_FLOAT:
                        double number = parser.getDoubleValue();
                        if (Double.isFinite(number)) {
                            return nodes.numberNode(number);
                        }
                        break;
                    case VALUE_TRUE:
                        return nodes.booleanNode(true);
                    case VALUE_FALSE:
                        return nodes.booleanNode(false);
                    case VALUE_NULL:
                        return nodes.nullNode();
                    default:
                        // VALUE_EMBEDDED_OBJECT: only a !!binary scalar, which checkTag has already refused
                        return nodes.textNode(text);
                }
            } catch (IOException | NumberFormatException e) {
                // a YAML float such as .inf or .nan, which Jackson tokenises but cannot convert
            }
            problems.add(at, "expected a finite number, got '" + Texts.clip(text) + "'");
            problems.markReported(pointer);
            return nodes.textNode(text);
        }

        private JsonNode expand(AliasEvent alias, String pointer, SourcePosition at, boolean record) {
            String name = alias.getAnchor();
            if (openAnchors.contains(name)) {
                throw new Abort(at, "alias '*" + Texts.clip(name) + "' refers to a value that contains it;"
                        + " recursive aliases are not allowed");
            }
            Anchored target = anchors.get(name);
            if (target == null) {
                problems.add(at, "alias '*" + Texts.clip(name) + "' has no anchor '&" + Texts.clip(name)
                        + "' before it");
                problems.markReported(pointer);
                return JsonNodeFactory.instance.nullNode();
            }
            if (target.value.isContainerNode() && ++collectionAliases > options.getMaxAliasesForCollections()) {
                throw new Abort(at, "more than " + options.getMaxAliasesForCollections()
                        + " aliases to lists or mappings; a policy file may not use more");
            }
            count(at, target.size);
            JsonNode copy = target.value.deepCopy();
            if (record) {
                placeAll(copy, pointer, at);
            }
            return copy;
        }

        /** Places every value that an alias brought in at the alias. */
        private void placeAll(JsonNode value, String pointer, SourcePosition at) {
            values.put(pointer, at);
            if (value.isObject()) {
                for (Map.Entry<String, JsonNode> member : value.properties()) {
                    String child = Pointers.child(pointer, member.getKey());
                    keys.put(child, at);
                    placeAll(member.getValue(), child, at);
                }
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    placeAll(value.get(i), Pointers.child(pointer, i), at);
                }
            }
        }

        private void checkTag(Event event, JsonToken token, String pointer, SourcePosition at) {
            String tag = null;
            if (event instanceof ScalarEvent scalar) {
                tag = scalar.getTag();
            } else if (event instanceof CollectionStartEvent collection) {
                tag = collection.getTag();
            }
            if (tag == null || tag.equals("!")) {
                return;
            }
            String problem = null;
            if (!tag.startsWith(CORE_TAG_PREFIX)) {
                problem = "the tag " + shown(tag) + " is not allowed; a policy may use only the standard YAML tags ("
                        + ALLOWED_TAGS + ")";
            } else {
                String kind = tag.substring(CORE_TAG_PREFIX.length());
                boolean fits;
                if (kind.equals("map")) {
                    fits = event instanceof MappingStartEvent;
                } else if (kind.equals("seq")) {
                    fits = event instanceof SequenceStartEvent;
                } else if (CORE_SCALAR_TAGS.contains(kind)) {
                    fits = event instanceof ScalarEvent && fitsScalarTag(kind, token);
                } else {
                    problem = "the tag " + shown(tag) + " is not allowed; a policy may use only the standard YAML"
                            + " tags (" + ALLOWED_TAGS + ")";
                    fits = true;
                }
                if (!fits) {
                    problem = "the value does not fit its tag " + shown(tag);
                }
            }
            if (problem != null) {
                problems.add(at, problem);
                problems.markReported(pointer);
            }
        }

        private boolean fitsScalarTag(String kind, JsonToken token) {
            switch (kind) {
                case "str":
                    return token == JsonToken.VALUE_STRING;
                case "int":
                    return token == JsonToken.VALUE_NUMBER_INT;
                case "float":
                    return token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT;
                case "bool":
                    return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
                default:
                    return token == JsonToken.VALUE_NULL;
            }
        }

        private void checkDepth(int depth, SourcePosition at) {
            if (depth > options.getNestingDepthLimit()) {
                throw new Abort(at, "lists and mappings are nested more than " + options.getNestingDepthLimit()
                        + " levels deep");
            }
        }

        private void count(SourcePosition at, long added) {
            valueCount += added;
            if (valueCount > MAX_VALUES) {
                throw new Abort(at, "the policy has more than " + MAX_VALUES + " values (counting what aliases"
                        + " expand to); a policy file may not have more");
            }
        }

        private void expectEnd(JsonToken token, JsonToken end) {
            if (token != end) {
                // Jackson reports malformed structure itself; this guards against a stream that simply ends.
                throw new Abort(here(), "the YAML ends in the middle of a " + (end == JsonToken.END_OBJECT
                        ? "mapping" : "list"));
            }
        }

        private JsonToken next() {
            try {
                return parser.nextToken();
            } catch (JsonProcessingException e) {
                throw syntaxError(e);
            } catch (IOException e) {
                throw new Abort(SourcePosition.UNKNOWN, "the file could not be read as YAML: " + e.getMessage());
            }
        }

        private String currentName() {
            try {
                return parser.currentName();
            } catch (IOException e) {
                throw new Abort(here(), "the key could not be read: " + e.getMessage());
            }
        }

        private String text() {
            try {
                return parser.getText();
            } catch (IOException e) {
                throw new Abort(here(), "the value could not be read: " + e.getMessage());
            }
        }

        private Abort syntaxError(JsonProcessingException e) {
            Event last = parser.lastEvent();
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (original.startsWith("Expected a field name") && last != null) {
                SourcePosition at = position(last.getStartMark());
                if (last instanceof AliasEvent) {
                    return new Abort(at, "an alias cannot be used as a key; write the key out");
                }
                return new Abort(at, "a key must be a plain value, not a list or a mapping");
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MarkedYAMLException marked) {
                    return markedError(marked);
                }
                if (cause instanceof ReaderException unreadable) {
                    return new Abort(positionOfCodePoint(unreadable.getPosition()), "invalid YAML: the character "
                            + String.format("U+%04X", unreadable.getCodePoint()) + " is not allowed; a policy is"
                            + " printable text (tabs and line breaks are allowed)");
                }
            }
            JsonLocation location = e.getLocation();
            SourcePosition at = location == null ? SourcePosition.UNKNOWN
                    : new SourcePosition(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
            return new Abort(at, "invalid YAML: " + Texts.oneLine(original));
        }

        private Abort markedError(MarkedYAMLException marked) {
            Mark problemMark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            SourcePosition at = problemMark == null ? SourcePosition.UNKNOWN : position(problemMark);
            StringBuilder message = new StringBuilder("invalid YAML: ");
            String problem = marked.getProblem() == null ? "syntax error" : Texts.oneLine(marked.getProblem());
            message.append(problem);
            if (marked.getContext() != null) {
                message.append(" (").append(Texts.oneLine(marked.getContext()));
                Mark contextMark = marked.getContextMark();
                if (contextMark != null) {
                    message.append(" at line ").append(contextMark.getLine() + 1)
                            .append(", column ").append(contextMark.getColumn() + 1);
                }
                message.append(')');
            }
            if (problem.contains("<block end>") || problem.contains("mapping values are not allowed")) {
                message.append("; check the indentation");
            }
            return new Abort(at, message.toString());
        }

        /** Line and column of the code point at this index of the text. */
        private SourcePosition positionOfCodePoint(int index) {
            long line = 1;
            long column = 1;
            int seen = 0;
            for (int i = 0; i < text.length() && seen < index; seen++) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new SourcePosition(line, column);
        }

        private SourcePosition here() {
            JsonLocation location = parser.currentTokenLocation();
            return new SourcePosition(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
        }
    }

    private static SourcePosition position(Mark mark) {
        return new SourcePosition(mark.getLine() + 1L, mark.getColumn() + 1L);
    }

    private static String shown(String tag) {
        if (tag.startsWith(CORE_TAG_PREFIX)) {
            return "'!!" + Texts.clip(tag.substring(CORE_TAG_PREFIX.length())) + "'";
        }
        if (tag.startsWith("!")) {
            return "'" + Texts.clip(tag) + "'";
        }
        return "'!<" + Texts.clip(tag) + ">'";
    }

    /** An anchored value and the number of values it stands for. */
    private record Anchored(JsonNode value, long size) {
    }

    /** Stops reading: the rest of the file cannot be trusted or would cost too much. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SourcePosition at;

        Abort(SourcePosition at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /** Creates {@link PositionedParser}s with the factory's settings and loader options. */
    private static final class PositionedFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        PositionedFactory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
            return new PositionedParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec,
                    reader);
        }
    }

    /**
     * Jackson's YAML parser, with access to the YAML event behind the current token: it carries the anchor of a
     * scalar and the tag of every node, which the token stream does not expose completely.
     */
    private static final class PositionedParser extends YAMLParser {
        PositionedParser(IOContext context, int parserFeatures, int formatFeatures, LoaderOptions options,
                         ObjectCodec codec, Reader reader) {
            super(context, parserFeatures, formatFeatures, options, codec, reader);
        }

        Event lastEvent() {
            return _lastEvent;
        }
    }
}
