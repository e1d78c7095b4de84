package io.mlgates.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.metrics.ExactSum;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes the rank summaries out of a statistics file's JSON and puts them back: what is left (the skeleton: counts,
 * exact sums, slices, fairness groups, with every rank list empty) is small and merges through the core's own
 * {@code Statistics.merge}; the rank lists, the bulk, travel as {@link RankList}s. A rank list is named by where it
 * stands ({@link #keys}), so that two skeletons whose slices hold different groups still pair their lists.
 */
final class RankSections {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANKS = "ranks";

    private RankSections() {
    }

    /** A statistics file's JSON without its rank lists, and those lists in the order the JSON holds them. */
    record Split(byte[] skeleton, List<RankList> lists) {
        Split {
            lists = List.copyOf(lists);
        }
    }

    /** Splits the statistics file's JSON in {@code json[0, length)}. */
    static Split split(byte[] json, int length) {
        List<RankList> lists = new ArrayList<>();
        ByteArrayOutputStream skeleton = new ByteArrayOutputStream();
        try (JsonParser p = FACTORY.createParser(json, 0, length);
             JsonGenerator g = FACTORY.createGenerator(skeleton)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY && inRanks(p)) {
                    lists.add(readList(p));
                    g.writeStartArray();
                    g.writeEndArray();
                } else {
                    g.copyCurrentEventExact(p);
                }
            }
        } catch (IOException e) {
            // the core wrote this JSON a moment ago
            throw new UncheckedIOException(e);
        }
        return new Split(skeleton.toByteArray(), lists);
    }

    /** Writes the skeleton with {@code lists} (in the order of {@link #keys}) in place of its empty rank lists. */
    static void join(byte[] skeleton, List<RankList> lists, OutputStream out) throws IOException {
        Iterator<RankList> next = lists.iterator();
        try (JsonParser p = FACTORY.createParser(skeleton);
             JsonGenerator g = FACTORY.createGenerator(out)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY && inRanks(p)) {
                    p.skipChildren();
                    writeList(next.next(), g);
                } else {
                    g.copyCurrentEventExact(p);
                }
            }
        }
        if (next.hasNext()) {
            throw new IllegalStateException("more rank lists than the statistics hold");
        }
    }

    /**
     * Where each rank list of the skeleton stands, in the order the JSON holds them: the path of field names, an
     * element of an array named by its scalar fields (a slice by its column, a group by its value), so that the
     * same group's list has the same name in every partition's statistics.
     */
    static List<String> keys(byte[] skeleton) {
        List<String> keys = new ArrayList<>();
        try {
            walk(JSON.readTree(skeleton), "", keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> seen = new HashSet<>();
        for (String k : keys) {
            if (!seen.add(k)) {
                throw new IllegalStateException("two rank lists stand at " + k);
            }
        }
        return keys;
    }

    /** The lists of a split by their keys. */
    static Map<String, RankList> byKey(byte[] skeleton, List<RankList> lists) {
        List<String> keys = keys(skeleton);
        if (keys.size() != lists.size()) {
            throw new IllegalStateException(keys.size() + " rank lists in the statistics, " + lists.size() + " kept");
        }
        Map<String, RankList> map = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), lists.get(i));
        }
        return map;
    }

    private static void walk(JsonNode node, String path, List<String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path + "/" + field.getKey();
                if (field.getKey().equals(RANKS) && field.getValue().isObject()) {
                    for (Map.Entry<String, JsonNode> list : field.getValue().properties()) {
                        if (list.getValue().isArray()) {
                            keys.add(at + "/" + list.getKey());
                        }
                    }
                } else {
                    walk(field.getValue(), at, keys);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + identity(node.get(i), i), keys);
            }
        }
    }

    private static String identity(JsonNode element, int index) {
        if (!element.isObject()) {
            return Integer.toString(index);
        }
        StringBuilder id = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> field : element.properties()) {
            if (field.getValue().isValueNode()) {
                id.append(field.getKey()).append('=').append(field.getValue()).append(';');
            }
        }
        return id.append('}').toString();
    }

    /** At the start of an array that is a field of a {@code ranks} object. */
    private static boolean inRanks(JsonParser p) {
        JsonStreamContext array = p.getParsingContext();
        JsonStreamContext object = array.getParent();
        JsonStreamContext holder = object == null ? null : object.getParent();
        return object != null && object.inObject() && holder != null && holder.inObject()
                && RANKS.equals(holder.getCurrentName());
    }

    private static RankList readList(JsonParser p) throws IOException {
        RankList.Builder list = new RankList.Builder(1024);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            double score = p.getDoubleValue();
            p.nextToken();
            long rows = p.getLongValue();
            ExactSum.Exact weight = null;
            if (p.nextToken() == JsonToken.VALUE_STRING) {
                weight = ExactSum.parse(p.getText());
                if (weight == null) {
                    throw new IllegalStateException("not an exact sum: " + p.getText());
                }
                p.nextToken();
            }
            list.add(score, rows, weight);
        }
        return list.build();
    }

    private static void writeList(RankList list, JsonGenerator g) throws IOException {
        g.writeStartArray();
        RankList.Cursor c = list.cursor();
        while (c.next()) {
            g.writeStartArray();
            g.writeNumber(c.score());
            g.writeNumber(c.rows());
            if (!c.allUnit()) {
                g.writeString(c.weight().toString());
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
