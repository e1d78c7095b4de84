package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a policy file's YAML into a JSON tree, recording where each key and value is. SnakeYAML's
 * {@link Composer} builds the node tree through its public API, with {@link LoaderOptions} bounding aliases to
 * collections, nesting depth and the number of code points; this reader then turns the nodes into the tree, typing
 * scalars itself. Reading is safe for untrusted files:
 * <ul>
 * <li>no types are instantiated: the tree holds only strings, numbers, booleans, nulls, lists and mappings, and
 * any explicit tag other than the YAML core schema's ({@code !!str}, {@code !!int}, {@code !!float},
 * {@code !!bool}, {@code !!null}, {@code !!map}, {@code !!seq}) is an error;</li>
 * <li>the parser's events are watched as the composer takes them, so that a recursive alias, an alias without
 * anchor, the 51st alias to a list or mapping, a 51st level of nesting, or more values than
 * {@link #MAX_VALUES} once aliases are expanded (a "billion laughs" file) stop reading at once, at the place
 * where it happens; the same bounds are in the loader options, which SnakeYAML enforces too;</li>
 * <li>a duplicate key is an error, every duplicate reported with the first one's position (SnakeYAML's own check
 * belongs to its constructors, which are never used here);</li>
 * <li>the input is bounded by the caller and by the {@link LoaderOptions#getCodePointLimit() code point
 * limit}.</li>
 * </ul>
 * Scalars are typed as YAML 1.1 types them, with its surprises removed: only {@code true} and {@code false} are
 * booleans ({@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n} stay text, as class labels are
 * written), an empty plain value is null while {@code ""} is text, and an integer with a leading zero
 * ({@code 010}: octal 8 in YAML 1.1, 10 in YAML 1.2) is an error that asks for the intended writing.
 */
final class PolicyYamlReader {
    static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    static final int MAX_NESTING_DEPTH = 50;
    /** Largest number of values (scalars, lists, mappings) after alias expansion. */
    static final int MAX_VALUES = 100_000;

    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> CORE_SCALAR_TAGS = Set.of("str", "int", "float", "bool", "null");
    private static final String ALLOWED_TAGS = "!!str, !!int, !!float, !!bool, !!null, !!map, !!seq";
    /** The tag given to plain scalars without a tag, so that the reader types them, and only them, itself. */
    private static final Tag UNTAGGED_PLAIN = new Tag("tag:mlgates.io,2026:untagged-plain");

    private final LoaderOptions options;

    PolicyYamlReader(int codePointLimit) {
        options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(codePointLimit);
        options.setMergeOnCompose(false);
        options.setProcessComments(false);
        // Every tag reaches this reader's own check, which refuses all but the core schema's with the tag's
        // position, and keeps reading to report every one; nothing is ever constructed from a tag.
        options.setTagInspector(tag -> true);
    }

    /** Reads the text; problems go to {@code problems}, the tree (as far as it could be read) is returned. */
    PolicyDocument read(String text, Problems problems) {
        Reading reading = new Reading(text, problems);
        try {
            reading.readDocument();
        } catch (Abort stop) {
            problems.add(stop.at, stop.getMessage());
        } catch (MarkedYAMLException e) {
            problems.add(markedPosition(e), markedMessage(e));
        } catch (ReaderException e) {
            problems.add(reading.positionOfCodePoint(e.getPosition()), "invalid YAML: the character "
                    + String.format("U+%04X", e.getCodePoint()) + " is not allowed; a policy is printable text"
                    + " (tabs and line breaks are allowed)");
        } catch (YAMLException e) {
            problems.add(reading.parser.here(), "the file could not be read as YAML: " + Texts.oneLine(
                    String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            // The parser broke in a way it does not report as a syntax error.
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
        /** Nodes already turned into values: meeting one again is meeting an alias. */
        private final Map<Node, JsonNode> done = new IdentityHashMap<>();
        private final Resolver yaml11 = new Resolver();
        private final WatchedParser parser;
        private JsonNode root;

        Reading(String text, Problems problems) {
            this.text = text;
            this.problems = problems;
            this.parser = new WatchedParser(new ParserImpl(new StreamReader(new StringReader(text)), options));
        }

        void readDocument() {
            Composer composer = new Composer(parser, new UntaggedPlainResolver(), options);
            if (!composer.checkNode()) {
                return; // nothing but comments and blank lines: every default
            }
            JsonNode top = value(composer.getNode(), "", true);
            root = top.isNull() ? null : top;
            if (composer.checkNode()) {
                // At the second document's first value, or at its "---" when it has none.
                Event start = parser.getEvent();
                Event first = parser.peekEvent();
                boolean empty = !(first instanceof NodeEvent) || first instanceof ScalarEvent scalar
                        && scalar.getValue().isEmpty() && scalar.getImplicit().canOmitTagInPlainScalar();
                problems.add(position((empty ? start : first).getStartMark()),
                        "a policy file holds one YAML document, but a second one starts here");
            }
        }

        private JsonNode value(Node node, String pointer, boolean record) {
            JsonNode earlier = done.get(node);
            if (earlier != null) {
                return alias(earlier, pointer, record);
            }
            SourcePosition at = position(node.getStartMark());
            if (record) {
                values.put(pointer, at);
            }
            checkTag(node, pointer, at, false);
            JsonNode value;
            if (node instanceof MappingNode mapping) {
                value = mapping(mapping, pointer, record);
            } else if (node instanceof SequenceNode sequence) {
                value = sequence(sequence, pointer, record);
            } else {
                value = scalar((ScalarNode) node, pointer, at);
            }
            done.put(node, value);
            return value;
        }

        /** A value met again through an alias: a copy of it, placed at the alias, as everything inside it. */
        private JsonNode alias(JsonNode earlier, String pointer, boolean record) {
            SourcePosition at = position(parser.nextAlias().getStartMark());
            JsonNode copy = earlier.deepCopy();
            if (record) {
                placeAll(copy, pointer, at);
            }
            return copy;
        }

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

        private ObjectNode mapping(MappingNode node, String pointer, boolean record) {
            ObjectNode mapping = JsonNodeFactory.instance.objectNode();
            Map<String, SourcePosition> seen = new HashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (done.containsKey(keyNode)) {
                    throw new Abort(position(parser.nextAlias().getStartMark()),
                            "an alias cannot be used as a key; write the key out");
                }
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    throw new Abort(position(keyNode.getStartMark()),
                            "a key must be a plain value, not a list or a mapping");
                }
                String key = scalarKey.getValue();
                SourcePosition keyAt = position(keyNode.getStartMark());
                String member = Pointers.child(pointer, key);
                checkTag(keyNode, member, keyAt, true);
                // A key is text, also where an alias brings it in as a value.
                done.put(keyNode, JsonNodeFactory.instance.textNode(key));
                SourcePosition first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    problems.add(keyAt, "duplicate key '" + Texts.clip(key) + "' (first at line " + first.line()
                            + ", column " + first.column() + "); each key may appear once in a mapping");
                    value(tuple.getValueNode(), member, false);
                    continue;
                }
                if (record) {
                    keys.put(member, keyAt);
                }
                mapping.set(key, value(tuple.getValueNode(), member, record));
            }
            return mapping;
        }

        private ArrayNode sequence(SequenceNode node, String pointer, boolean record) {
            ArrayNode sequence = JsonNodeFactory.instance.arrayNode();
            for (Node item : node.getValue()) {
                sequence.add(value(item, Pointers.child(pointer, sequence.size()), record));
            }
            return sequence;
        }

        private JsonNode scalar(ScalarNode node, String pointer, SourcePosition at) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            String value = node.getValue();
            Tag tag = node.getTag();
            String kind = tag == UNTAGGED_PLAIN ? implicitKind(value) : coreKind(tag).orElse("str");
            switch (kind) {
                case "null":
                    if (value.isEmpty() || Resolver.NULL.matcher(value).matches()) {
                        return nodes.nullNode();
                    }
                    break;
                case "bool":
                    // YAML 1.1's yes, no, on, off stay text: they are class labels more often than booleans.
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        return nodes.booleanNode(value.equalsIgnoreCase("true"));
                    }
                    if (tag == UNTAGGED_PLAIN) {
                        return nodes.textNode(value);
                    }
                    break;
                case "int":
                    Optional<JsonNode> integer = integer(value, pointer, at);
                    if (integer.isPresent()) {
                        return integer.get();
                    }
                    if (tag == UNTAGGED_PLAIN) {
                        return nodes.textNode(value); // base 60 (1:30) stays text, as it always has
                    }
                    break;
                case "float":
                    return floating(value, pointer, at);
                default:
                    return nodes.textNode(value);
            }
            problems.add(at, "the value does not fit its tag " + shown(tag.getValue()));
            problems.markReported(pointer);
            return nodes.textNode(value);
        }

        /** The type YAML 1.1 gives an untagged plain scalar: null, bool, int, float or str. */
        private String implicitKind(String value) {
            Tag resolved = yaml11.resolve(NodeId.scalar, value, true);
            return coreKind(resolved).filter(CORE_SCALAR_TAGS::contains).orElse("str");
        }

        /**
         * YAML 1.1 integers: binary, decimal and hexadecimal, with underscores; empty for anything else (base 60).
         * A leading zero, octal in YAML 1.1 and decimal in YAML 1.2, is reported and kept as text.
         */
        private Optional<JsonNode> integer(String value, String pointer, SourcePosition at) {
            String digits = value;
            boolean negative = false;
            if (digits.startsWith("-") || digits.startsWith("+")) {
                negative = digits.startsWith("-");
                digits = digits.substring(1);
            }
            digits = digits.replace("_", "");
            BigInteger number;
            try {
                if (digits.startsWith("0b")) {
                    number = new BigInteger(digits.substring(2), 2);
                } else if (digits.startsWith("0x")) {
                    number = new BigInteger(digits.substring(2), 16);
                } else if (digits.length() > 1 && digits.startsWith("0") && digits.chars().allMatch(Character::isDigit)) {
                    problems.add(at, "'" + Texts.clip(value) + "' is ambiguous: YAML 1.1 reads a number with a leading"
                            + " zero as octal (" + (digits.chars().allMatch(c -> c < '8')
                                    ? new BigInteger(digits, 8).toString() : "invalid") + "), YAML 1.2 as decimal ("
                            + new BigInteger(digits) + "); write it without the leading zero, or quote it if it is"
                            + " text");
                    problems.markReported(pointer);
                    return Optional.of(JsonNodeFactory.instance.textNode(value));
                } else {
                    number = new BigInteger(digits);
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (negative) {
                number = number.negate();
            }
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            if (number.bitLength() < Integer.SIZE) {
                return Optional.of(nodes.numberNode(number.intValue()));
            }
            if (number.bitLength() < Long.SIZE) {
                return Optional.of(nodes.numberNode(number.longValue()));
            }
            return Optional.of(nodes.numberNode(number));
        }

        private JsonNode floating(String value, String pointer, SourcePosition at) {
            try {
                double number = Double.parseDouble(value.replace("_", ""));
                if (Double.isFinite(number)) {
                    return JsonNodeFactory.instance.numberNode(number);
                }
            } catch (NumberFormatException e) {
                // .inf, .nan or base 60: YAML floats that are no finite number
            }
            problems.add(at, "expected a finite number, got '" + Texts.clip(value) + "'");
            problems.markReported(pointer);
            return JsonNodeFactory.instance.textNode(value);
        }

        /**
         * Refuses any tag but the core schema's, and a core tag on a node of another kind. Whether a scalar value
         * fits its scalar tag ({@code !!int 12}) is decided where it is typed; a key is text, so only {@code !!str}
         * fits it.
         */
        private void checkTag(Node node, String pointer, SourcePosition at, boolean key) {
            Tag tag = node.getTag();
            if (tag == UNTAGGED_PLAIN) {
                return;
            }
            String kind = coreKind(tag).orElse("");
            boolean scalarKind = CORE_SCALAR_TAGS.contains(kind);
            String problem = null;
            if (!scalarKind && !kind.equals("map") && !kind.equals("seq")) {
                problem = "the tag " + shown(tag.getValue()) + " is not allowed; a policy may use only the standard"
                        + " YAML tags (" + ALLOWED_TAGS + ")";
            } else if (kind.equals("map") && !(node instanceof MappingNode)
                    || kind.equals("seq") && !(node instanceof SequenceNode)
                    || scalarKind && !(node instanceof ScalarNode)
                    || key && !kind.equals("str")) {
                problem = "the value does not fit its tag " + shown(tag.getValue());
            }
            if (problem != null) {
                problems.add(at, problem);
                problems.markReported(pointer);
            }
        }

        /** Line and column of the code point at this index of the text. */
        SourcePosition positionOfCodePoint(int index) {
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
    }

    /** The core schema's name of a tag ({@code int} for {@code !!int}), if it is one of YAML's own tags. */
    private static Optional<String> coreKind(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(CORE_TAG_PREFIX) ? Optional.of(value.substring(CORE_TAG_PREFIX.length()))
                : Optional.empty();
    }

    /**
     * SnakeYAML's parser as the composer sees it, watched event by event: it keeps the event at hand for the
     * position of an error that SnakeYAML reports without one, the aliases in document order (the composed tree
     * shares an aliased node, and forgets where the alias was), and stops a file whose aliases would expand too
     * far or refer to themselves before the composer builds anything from them.
     */
    private final class WatchedParser implements Parser {
        private final Parser parser;
        private final Deque<AliasEvent> aliases = new ArrayDeque<>();
        private final Deque<Open> open = new ArrayDeque<>();
        private final Map<String, Anchored> anchored = new HashMap<>();
        private final Set<String> openAnchors = new HashSet<>();
        private Event current;
        private long valueCount;
        private int collectionAliases;

        WatchedParser(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            Event next = peekEvent();
            return next != null && next.is(choice);
        }

        @Override
        public Event peekEvent() {
            return watch(parser.peekEvent());
        }

        @Override
        public Event getEvent() {
            return watch(parser.getEvent());
        }

        /** The next alias of the document, in order; the reader meets aliases in the order they were written. */
        AliasEvent nextAlias() {
            return aliases.removeFirst();
        }

        SourcePosition here() {
            return current == null ? SourcePosition.UNKNOWN : position(current.getStartMark());
        }

        private Event watch(Event event) {
            if (event != null && event != current) {
                current = event;
                observe(event);
            }
            return event;
        }

        private void observe(Event event) {
            if (event instanceof CollectionEndEvent) {
                Open closed = open.pop();
                if (closed.anchor() != null) {
                    openAnchors.remove(closed.anchor());
                    anchored.put(closed.anchor(), new Anchored(valueCount - closed.valuesBefore(), true));
                }
                return;
            }
            if (!(event instanceof NodeEvent node)) {
                return;
            }
            boolean key = isKey();
            SourcePosition at = position(event.getStartMark());
            if (event instanceof AliasEvent alias) {
                String name = alias.getAnchor();
                if (openAnchors.contains(name)) {
                    throw new Abort(at, "alias '*" + Texts.clip(name) + "' refers to a value that contains it;"
                            + " recursive aliases are not allowed");
                }
                Anchored target = anchored.get(name);
                if (target == null) {
                    throw new Abort(at, "alias '*" + Texts.clip(name) + "' has no anchor '&" + Texts.clip(name)
                            + "' before it");
                }
                if (target.collection() && ++collectionAliases > MAX_ALIASES_FOR_COLLECTIONS) {
                    throw new Abort(at, "more than " + MAX_ALIASES_FOR_COLLECTIONS
                            + " aliases to lists or mappings; a policy file may not use more");
                }
                count(at, target.size());
                aliases.addLast(alias);
                return;
            }
            long before = valueCount;
            if (!key) {
                count(at, 1);
            }
            if (event instanceof CollectionStartEvent) {
                if (open.size() + 1 > MAX_NESTING_DEPTH) {
                    throw new Abort(at, "lists and mappings are nested more than " + MAX_NESTING_DEPTH
                            + " levels deep");
                }
                open.push(new Open(node.getAnchor(), before, event instanceof MappingStartEvent));
                if (node.getAnchor() != null) {
                    openAnchors.add(node.getAnchor());
                }
            } else if (node.getAnchor() != null) {
                anchored.put(node.getAnchor(), new Anchored(1, false));
            }
        }

        /** Whether the node starting now is a key: the even-numbered child of a mapping. */
        private boolean isKey() {
            Open parent = open.peek();
            return parent != null && parent.mapping() && parent.children++ % 2 == 0;
        }

        private void count(SourcePosition at, long added) {
            valueCount += added;
            if (valueCount > MAX_VALUES) {
                throw new Abort(at, "the policy has more than " + MAX_VALUES + " values (counting what aliases"
                        + " expand to); a policy file may not have more");
            }
        }
    }

    /** A list or mapping being read: its anchor, the values before it, and how many children it has so far. */
    private static final class Open {
        private final String anchor;
        private final long valuesBefore;
        private final boolean mapping;
        private long children;

        Open(String anchor, long valuesBefore, boolean mapping) {
            this.anchor = anchor;
            this.valuesBefore = valuesBefore;
            this.mapping = mapping;
        }

        String anchor() {
            return anchor;
        }

        long valuesBefore() {
            return valuesBefore;
        }

        boolean mapping() {
            return mapping;
        }
    }

    /** What an anchor stands for: how many values, and whether it is a list or mapping. */
    private record Anchored(long size, boolean collection) {
    }

    /**
     * SnakeYAML's resolver, except that an untagged plain scalar gets a tag of its own, so that it can be told from
     * one written with a tag (YAML 1.1 resolves {@code yes} and {@code !!bool yes} alike), and is typed here.
     */
    private static final class UntaggedPlainResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return kind == NodeId.scalar && implicit ? UNTAGGED_PLAIN : super.resolve(kind, value, implicit);
        }
    }

    private static SourcePosition position(Mark mark) {
        return new SourcePosition(mark.getLine() + 1L, mark.getColumn() + 1L);
    }

    private static SourcePosition markedPosition(MarkedYAMLException marked) {
        Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        return mark == null ? SourcePosition.UNKNOWN : position(mark);
    }

    private static String markedMessage(MarkedYAMLException marked) {
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
        return message.toString();
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

    /** Stops reading: the rest of the file cannot be trusted or would cost too much. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SourcePosition at;

        Abort(SourcePosition at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
