package io.mlgates.core.stats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.ScoreGroupArrays;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statistics document read with Jackson's streaming parser: the rank summaries' arrays of score groups (the
 * {@code positives} and {@code negatives} of every {@code ranks} object, millions of entries for a model whose
 * scores are nearly distinct) are decoded straight into {@link ScoreGroupArrays}, never as JSON nodes; the rest,
 * small, becomes a tree in which each such array is empty, for the schema. {@link #fill()} then puts the decoded
 * arrays into the tree (as {@link POJONode}s, which the accumulators read), so the tree is read as before.
 *
 * <p>The stream takes only what it is sure of: every entry the schema's {@code scoreGroup} accepts beyond doubt
 * (a number in [0, 1], a count of at least 1 that fits a long, an exact sum in canonical form, nothing else), no
 * duplicate key, an object at the root. At anything else it stops and says so ({@link #read} gives nothing), and the
 * caller reads the file as a whole tree, so what is refused and every message are those of the whole-tree reader.
 */
final class StreamedDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root;
    private final List<Hole> holes;

    /** Where a decoded array goes: {@code side} of the {@code ranks} object. */
    private record Hole(ObjectNode ranks, String side, ScoreGroupArrays groups) {
    }

    /** Thrown to stop at what the stream is not sure of; carries no stack. */
    private static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;

        Unsure() {
            super(null, null, false, false);
        }
    }

    private StreamedDocument(ObjectNode root, List<Hole> holes) {
        this.root = root;
        this.holes = holes;
    }

    /**
     * Reads the document at {@code parser}'s start, up to the end of its root value, its score groups held within
     * {@code budget} (spilled past it).
     *
     * @return the document, or nothing when the whole-tree reader must judge it
     * @throws IOException where the text stops being JSON, as the parser reports it
     */
    static Optional<StreamedDocument> read(JsonParser parser, ScoreBudget budget) throws IOException {
        // correctly rounded as the JDK's parser is (the same doubles), in a fraction of its time
        parser.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        List<Hole> holes = new ArrayList<>();
        boolean read = false;
        try {
            ObjectNode root = object(parser, holes, false, budget);
            read = true;
            return Optional.of(new StreamedDocument(root, holes));
        } catch (Unsure e) {
            return Optional.empty();
        } finally {
            if (!read) {
                holes.forEach(h -> h.groups().discard());
            }
        }
    }

    /** The tree, with each rank summary's arrays empty until {@link #fill()}. */
    JsonNode root() {
        return root;
    }

    /** Gives back the memory of the decoded groups, for a document that will not be read. */
    void discard() {
        holes.forEach(h -> h.groups().discard());
    }

    /** Puts the decoded arrays into the tree, for the accumulators to read. */
    void fill() {
        holes.forEach(h -> h.ranks().set(h.side(), new POJONode(h.groups())));
    }

    /** The object whose {@code START_OBJECT} is the current token; {@code ranks} when it is a rank summary. */
    private static ObjectNode object(JsonParser p, List<Hole> holes, boolean ranks, ScoreBudget budget)
            throws IOException, Unsure {
        ObjectNode node = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            JsonNode value;
            if (ranks && t == JsonToken.START_ARRAY && (name.equals("positives") || name.equals("negatives"))) {
                value = NODES.arrayNode();
                holes.add(new Hole(node, name, groups(p, budget)));
            } else {
                value = value(p, t, holes, name.equals("ranks"), budget);
            }
            if (node.replace(name, value) != null) {
                // a duplicate key: the whole-tree reader refuses it with its own words
                throw new Unsure();
            }
        }
        return node;
    }

    private static JsonNode value(JsonParser p, JsonToken t, List<Hole> holes, boolean ranks, ScoreBudget budget)
            throws IOException, Unsure {
        return switch (t) {
            case START_OBJECT -> object(p, holes, ranks, budget);
            case START_ARRAY -> array(p, holes, budget);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new Unsure();
        };
    }

    private static ArrayNode array(JsonParser p, List<Hole> holes, ScoreBudget budget) throws IOException, Unsure {
        ArrayNode node = NODES.arrayNode();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            node.add(value(p, t, holes, false, budget));
        }
        return node;
    }

    /**
     * Whether {@code text} is the schema's exact sum, strictly ({@code 0|-?0x[0-9a-f]*[13579bdf]p-?[0-9]{1,6}}),
     * checked by hand: a regular expression per weighted group was a tenth of reading a file of weighted summaries.
     * A text the schema might refuse is left to the schema.
     */
    static boolean exact(String text) {
        int n = text.length();
        if (n == 1) {
            return text.charAt(0) == '0';
        }
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (n - i < 5 || text.charAt(i) != '0' || text.charAt(i + 1) != 'x') {
            return false;
        }
        i += 2;
        int digits = i;
        char c;
        while (i < n && ((c = text.charAt(i)) >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            i++;
        }
        if (i == digits || i >= n || text.charAt(i) != 'p' || Character.digit(text.charAt(i - 1), 16) % 2 == 0) {
            return false;
        }
        i++;
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (n - i < 1 || n - i > 6) {
            return false;
        }
        for (; i < n; i++) {
            if ((c = text.charAt(i)) < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The score groups of the array whose {@code START_ARRAY} is the current token, each checked as it comes. */
    private static ScoreGroupArrays groups(JsonParser p, ScoreBudget budget) throws IOException, Unsure {
        ScoreGroupArrays.Builder groups = new ScoreGroupArrays.Builder(budget);
        try {
            return groups(p, groups);
        } catch (IOException | Unsure | RuntimeException e) {
            groups.build().discard();
            throw e;
        }
    }

    private static ScoreGroupArrays groups(JsonParser p, ScoreGroupArrays.Builder groups) throws IOException,
            Unsure {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                throw new Unsure();
            }
            t = p.nextToken();
            double score;
            boolean integral = t == JsonToken.VALUE_NUMBER_INT;
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                score = p.getDoubleValue();
            } else if (integral && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                score = p.getLongValue();
            } else {
                throw new Unsure();
            }
            if (!(score >= 0 && score <= 1) || p.nextToken() != JsonToken.VALUE_NUMBER_INT
                    || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new Unsure();
            }
            long rows = p.getLongValue();
            if (rows < 1) {
                throw new Unsure();
            }
            String weight = null;
            t = p.nextToken();
            if (t == JsonToken.VALUE_STRING) {
                weight = p.getText();
                if (!exact(weight)) {
                    throw new Unsure();
                }
                t = p.nextToken();
            }
            if (t != JsonToken.END_ARRAY) {
                throw new Unsure();
            }
            groups.add(score, integral, rows, weight);
        }
        return groups.build();
    }
}
