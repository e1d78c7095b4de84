package io.mlgates.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.POJONode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reader of statistics files against the whole-tree reader it replaces: the same statistics from
 * every good file, the same refusal (message, line, column) of every bad one.
 */
class StreamedStatisticsTest {
    private static final int MAX_GROUPS = 10_000;
    private static final Statistics.Decisions DECISIONS = new Statistics.Decisions("1", 0.5, Optional.empty());
    private static final Pattern ENTRY = Pattern.compile("\\[(-?[0-9.Ee-]+),([0-9]+)(,\"[^\"]*\")?]");

    @TempDir
    Path temp;

    /** Random rows' statistics: overall, per region and fairness, weighted or not, few or nearly distinct scores. */
    private static byte[] randomFile(Random random) throws IOException {
        boolean weighted = random.nextBoolean();
        int levels = 1 + random.nextInt(random.nextBoolean() ? 30 : 1_000_000);
        int bins = 1 + random.nextInt(12);
        ScoreBudget budget = ScoreBudget.defaults();
        BinaryAccumulator overall = new BinaryAccumulator(true, true, bins, budget);
        Map<String, BinaryAccumulator> regions = new TreeMap<>();
        FairnessAccumulator fairness = new FairnessAccumulator(List.of("a"), List.of(), true, bins, MAX_GROUPS);
        int rows = 1 + random.nextInt(3000);
        for (int i = 0; i < rows; i++) {
            double score = random.nextInt(levels + 1) / (double) levels;
            double weight = !weighted ? 1.0 : random.nextInt(3) == 0 ? 1.0 : random.nextInt(5) == 0 ? 0.0
                    : random.nextDouble() * 4;
            boolean actual = random.nextDouble() < score;
            boolean predicted = score >= 0.5;
            overall.add(actual, predicted, score, weight);
            regions.computeIfAbsent("r" + random.nextInt(3), k -> new BinaryAccumulator(true, true, bins, budget))
                    .add(actual, predicted, score, weight);
            fairness.add(new String[] {"a" + random.nextInt(2)}, actual, predicted, score, weight);
        }
        Statistics statistics = Statistics.binary(List.of("1", "0"), overall, Map.of("region", regions),
                Optional.of(fairness), DECISIONS, 0, 0);
        return bytes(statistics);
    }

    private static byte[] bytes(Statistics statistics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        statistics.write(out);
        return out.toByteArray();
    }

    /** What a reader made of a file: the statistics written back, or the refusal with its place. */
    private record Outcome(String written, String refusal) {
    }

    private static Outcome streamed(byte[] file) throws IOException {
        try {
            return new Outcome(new String(bytes(StatisticsFiles.parse(file, "s.json", ScoreBudget.defaults(),
                    MAX_GROUPS)), StandardCharsets.UTF_8), null);
        } catch (BadInputException e) {
            return new Outcome(null, e.getMessage() + " @" + e.line() + ":" + e.column());
        }
    }

    private static Outcome tree(byte[] file) throws IOException {
        try {
            return new Outcome(new String(bytes(StatisticsFiles.parseTree(file, "s.json", ScoreBudget.defaults(),
                    MAX_GROUPS)), StandardCharsets.UTF_8), null);
        } catch (BadInputException e) {
            return new Outcome(null, e.getMessage() + " @" + e.line() + ":" + e.column());
        }
    }

    /** The file with each score group on a line of its own, as a reader of long summaries would meet them. */
    private static String oneGroupALine(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).replace("],[", "],\n[");
    }

    @Test
    @DisplayName("random statistics files: the stream reads exactly the statistics the whole tree gives")
    void streamedEqualsTree() throws Exception {
        Random random = new Random(20261203);
        for (int trial = 0; trial < 40; trial++) {
            byte[] file = randomFile(random);
            try (JsonParser parser = new JsonFactory().createParser(file); ScoreBudget budget = ScoreBudget.defaults()) {
                assertThat(StreamedDocument.read(parser, budget)).as("streamed, not left to the tree").isPresent();
            }
            Outcome tree = tree(file);
            assertThat(tree.refusal()).isNull();
            assertThat(streamed(file)).isEqualTo(tree);
            // and the statistics written back are the file itself, so nothing was lost on either way
            assertThat(tree.written()).isEqualTo(new String(file, StandardCharsets.UTF_8));
        }
    }

    /** Random damage to a file's rank summaries, and elsewhere: what a careless or lying writer might produce. */
    private static String damaged(String text, Random random) {
        List<int[]> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            entries.add(new int[] {m.start(), m.end()});
        }
        int[] at = entries.get(random.nextInt(entries.size()));
        String entry = text.substring(at[0], at[1]);
        Matcher e = ENTRY.matcher(entry);
        assertThat(e.matches()).isTrue();
        String score = e.group(1);
        String rows = e.group(2);
        String weight = e.group(3) == null ? "" : e.group(3);
        List<UnaryOperator<String>> damages = List.of(
                s -> "[" + score + "," + rows + weight + "],[" + score + "," + rows + weight + "]", // a score twice
                s -> "[" + score + ",-" + rows + weight + "]",
                s -> "[" + score + ",0" + weight + "]",
                s -> "[" + score + ",\"" + rows + "\"" + weight + "]",
                s -> "[" + score + "," + rows + ".0" + weight + "]",
                s -> "[" + score + "," + rows + "5" + weight + "]", // more rows than the tallies hold
                s -> "[" + score + "]",
                s -> "[" + score + "," + rows + weight + ",1]",
                s -> "[" + score + "," + rows + ",\"0x2p0\"]", // not canonical
                s -> "[" + score + "," + rows + ",\"0x1p99999\"]", // outside double's range
                s -> "[" + score + "," + rows + ",\"-0x1p0\"]",
                s -> "[" + score + "," + rows + ",\"0\"]",
                s -> "[1.5," + rows + weight + "]",
                s -> "[-0.0," + rows + weight + "]",
                s -> "[1," + rows + weight + "]",
                s -> "[0," + rows + weight + "]",
                s -> "[\"" + score + "\"," + rows + weight + "]",
                s -> "[" + score + "," + rows + "000000000000000000000" + weight + "]",
                s -> "{\"score\":" + score + "}",
                s -> "[" + score + "," + rows + weight,
                s -> "");
        String damagedEntry = damages.get(random.nextInt(damages.size())).apply(entry);
        String out = text.substring(0, at[0]) + damagedEntry + text.substring(at[1]);
        if (damagedEntry.isEmpty()) {
            out = out.replace(",,", ",").replace("[,", "[").replace(",]", "]");
        }
        return switch (random.nextInt(8)) {
            case 0 -> out.substring(0, random.nextInt(out.length())); // truncated
            case 1 -> out.replaceFirst("\"positives\"", "\"negatives\":[],\"positives\""); // a key twice
            case 2 -> out.replaceFirst("\"judged\":\\d+", "\"judged\":-1"); // the schema refuses the rest
            case 3 -> out.replaceFirst("\"version\":1", "\"version\":3");
            default -> out;
        };
    }

    @Test
    @DisplayName("damaged statistics files: the stream refuses (or accepts) each as the whole tree does, word for word, at the same line and column")
    void damagedFilesAreRefusedAsTheTreeRefusesThem() throws Exception {
        Random random = new Random(17);
        int refused = 0;
        for (int trial = 0; trial < 150; trial++) {
            String text = oneGroupALine(randomFile(random));
            byte[] file = damaged(text, random).getBytes(StandardCharsets.UTF_8);
            Outcome tree = tree(file);
            assertThat(streamed(file)).as("trial %d", trial).isEqualTo(tree);
            refused += tree.refusal() == null ? 0 : 1;
        }
        assertThat(refused).as("damaged files refused").isGreaterThan(120);
    }

    /** A file of one score group a line whose positives hold {@code positives} (the entries, comma-separated). */
    private static String withPositives(String positives) throws IOException {
        BinaryAccumulator acc = new BinaryAccumulator(true, true, 4);
        acc.add(true, true, 0.9, 1);
        acc.add(true, true, 0.7, 1);
        acc.add(true, false, 0.4, 1);
        acc.add(false, false, 0.2, 1);
        String text = oneGroupALine(bytes(Statistics.binary(List.of("1", "0"), acc, Map.of(), Optional.empty(),
                DECISIONS, 0, 0)));
        String good = "\"positives\":[[0.9,1],\n[0.7,1],\n[0.4,1]]";
        assertThat(text).contains(good);
        return text.replace(good, "\"positives\":[" + positives + "]");
    }

    private static BadInputException refusal(String text) throws IOException {
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        assertThat(streamed(file)).isEqualTo(tree(file));
        try {
            StatisticsFiles.parse(file, "stats.json", ScoreBudget.defaults(), MAX_GROUPS);
        } catch (BadInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    /** The 1-based line and column where {@code what} starts, after {@code after}. */
    private static long[] place(String text, String after, String what) {
        int at = text.indexOf(what, text.indexOf(after));
        assertThat(at).isNotNegative();
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new long[] {line, at - text.lastIndexOf('\n', at - 1)};
    }

    @Test
    @DisplayName("bad score groups in a rank summary are refused at their line and column, with the pointer and what was expected")
    void badScoreGroupsAtTheirLineAndColumn() throws Exception {
        String unsorted = withPositives("[0.9,1],\n[0.4,1],\n[0.7,1]");
        BadInputException rising = refusal(unsorted);
        assertThat(rising.getMessage()).contains("at /metrics/ranks/positives/2/0: expected a score in [0, 1] below"
                + " the previous one (0.4), got 0.7");
        assertThat(new long[] {rising.line(), rising.column()}).containsExactly(place(unsorted, "positives", "0.7"));

        String twice = withPositives("[0.9,1],\n[0.7,1],\n[0.7,1]");
        BadInputException duplicate = refusal(twice);
        assertThat(duplicate.getMessage()).contains("at /metrics/ranks/positives/2/0: expected a score in [0, 1]"
                + " below the previous one (0.7), got 0.7");
        assertThat(new long[] {duplicate.line(), duplicate.column()})
                .containsExactly(place(twice, "[0.7,1],\n[0.7", "0.7,1]]"));

        String negative = withPositives("[0.9,1],\n[0.7,-1],\n[0.4,1]");
        BadInputException count = refusal(negative);
        assertThat(count.getMessage()).contains("at /metrics/ranks/positives/1/1").contains("(minimum)");
        assertThat(new long[] {count.line(), count.column()}).containsExactly(place(negative, "positives", "-1"));

        String text = withPositives("[0.9,1],\n[0.7,\"1\"],\n[0.4,1]");
        BadInputException notNumber = refusal(text);
        assertThat(notNumber.getMessage()).contains("at /metrics/ranks/positives/1/1").contains("(type)");
        assertThat(new long[] {notNumber.line(), notNumber.column()})
                .containsExactly(place(text, "positives", "\"1\""));

        String three = withPositives("[0.9,1],\n[0.7,1,\"0x1p0\",2],\n[0.4,1]");
        BadInputException arity = refusal(three);
        assertThat(arity.getMessage()).contains("at /metrics/ranks/positives/1").contains("(maxItems)");
        assertThat(new long[] {arity.line(), arity.column()}).containsExactly(place(three, "positives", "[0.7"));

        String truncated = withPositives("[0.9,1],\n[0.7,1],\n[0.4,1]");
        truncated = truncated.substring(0, truncated.indexOf("[0.4,"));
        BadInputException cut = refusal(truncated);
        assertThat(cut.getMessage()).contains("not valid JSON").contains("end-of-input");
        assertThat(cut.line()).isEqualTo(truncated.chars().filter(c -> c == '\n').count() + 1);
    }

    @Test
    @DisplayName("a bad entry deep in a long rank summary is named at its line, as the tree names it")
    void badEntryDeepInALongSummary() throws Exception {
        ScoreBudget budget = ScoreBudget.defaults();
        BinaryAccumulator acc = new BinaryAccumulator(true, true, 10, budget);
        for (int i = 0; i < 60_000; i++) {
            double score = (i + 0.5) / 60_000;
            acc.add(i % 2 == 0, score >= 0.5, score, 1);
        }
        String text = oneGroupALine(bytes(Statistics.binary(List.of("1", "0"), acc, Map.of(), Optional.empty(),
                DECISIONS, 0, 0)));
        int start = text.indexOf("\"negatives\":[") + "\"negatives\":[".length();
        List<String> lines = new ArrayList<>(List.of(text.substring(start).split("\n", 20_002)));
        // the negatives' entries 19,999 and 20,000 (a line each) change places: the scores rise at the second
        Collections.swap(lines, 19_999, 20_000);
        String bad = text.substring(0, start) + String.join("\n", lines);
        BadInputException e = refusal(bad);
        assertThat(e.getMessage()).contains("at /metrics/ranks/negatives/20000/0: expected a score in [0, 1] below");
        long firstLine = text.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        assertThat(e.line()).isEqualTo(firstLine + 20_000);
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    @DisplayName("a hostile file nested deeper than the parser allows is refused as the tree refuses it, in a rank summary or elsewhere")
    void deepNestingIsRefusedAsByTheTree() throws Exception {
        String good = withPositives("[0.9,1],\n[0.7,1],\n[0.4,1]");
        String deep = "[".repeat(100_000);
        for (String text : List.of(good.replace("\"positives\":[", "\"positives\":[" + deep),
                good.replace("\"slices\":", "\"nested\":" + deep))) {
            assertThat(text).isNotEqualTo(good);
            byte[] file = text.getBytes(StandardCharsets.UTF_8);
            Outcome tree = tree(file);
            assertThat(tree.refusal()).contains("not valid JSON").contains("nesting depth");
            assertThat(streamed(file)).isEqualTo(tree);
        }
    }

    @Test
    @DisplayName("the stream holds score groups as arrays, never as JSON nodes, and puts them in the tree only to be read")
    void scoreGroupsAreNeverNodes() throws Exception {
        byte[] file = withPositives("[0.9,1],\n[0.7,1],\n[0.4,1]").getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = new JsonFactory().createParser(file); ScoreBudget budget = ScoreBudget.defaults()) {
            StreamedDocument document = StreamedDocument.read(parser, budget).orElseThrow();
            assertThat(document.root().at("/metrics/ranks/positives").isArray()).isTrue();
            assertThat(document.root().at("/metrics/ranks/positives").size()).isZero();
            document.fill();
            assertThat(document.root().at("/metrics/ranks/positives")).isInstanceOf(POJONode.class);
        }
    }

    @Test
    @DisplayName("a file read by streaming is named with the digest of all its bytes, also those after the document")
    void streamedReadDigestsEveryByte() throws Exception {
        // more bytes after the document than the parser reads ahead (a buffer of some kilobytes), so that only a
        // reader that digests the rest itself names the file rightly
        byte[] file = (withPositives("[0.9,1],\n[0.7,1],\n[0.4,1]") + "\n".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8);
        Path path = temp.resolve("s.json");
        Files.write(path, file);
        StatisticsFiles.Read read = StatisticsFiles.read(path, "s.json", ScoreBudget.defaults(), MAX_GROUPS);
        assertThat(read.digest()).isEqualTo(PolicyLoader.digest(file));
        assertThat(read.statistics().rows()).isEqualTo(4);
    }
}
