package io.mlgates.plugin.logic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.gate.Status;
import io.mlgates.core.report.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job-level trend index: one JSON line per result, appended by each build, so that the job page shows the trend
 * without loading a single old build. It lives in the job's builds folder, beside Jenkins' own {@code permalinks}.
 * When it passes {@value #COMPACT_AT_BYTES} bytes it is rewritten with its newest {@value #KEEP} lines. Entries of
 * deleted builds stay until then: telling would mean loading builds.
 */
public final class TrendIndex {
    public static final String FILE_NAME = "mlgates-trend.jsonl";
    static final int COMPACT_AT_BYTES = 512 * 1024;
    static final int KEEP = 1000;
    /** Builds of one job may finish at the same time; appends and rewrites of one file take turns. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATUSES =
            Arrays.stream(Status.values()).map(Status::name).collect(Collectors.toUnmodifiableSet());

    private final Path file;
    private final int compactAtBytes;
    private final int keep;
    private final Clock clock;

    TrendIndex(Path buildsFolder, int compactAtBytes, int keep, Clock clock) {
        this.file = buildsFolder.resolve(FILE_NAME).toAbsolutePath().normalize();
        this.compactAtBytes = compactAtBytes;
        this.keep = keep;
        this.clock = clock;
    }

    /** The index in a job's builds folder. */
    public static TrendIndex in(Path buildsFolder) {
        return in(buildsFolder, Clock.systemUTC());
    }

    /** The index in a job's builds folder, whose lines say when they were appended by this clock. */
    public static TrendIndex in(Path buildsFolder, Clock clock) {
        return new TrendIndex(buildsFolder, COMPACT_AT_BYTES, KEEP, clock);
    }

    /** The index's file: {@value #FILE_NAME} in the builds folder. */
    public Path file() {
        return file;
    }

    /** Appends the result's line, which says the controller kept it now. */
    public void append(int build, ResultSummary summary) throws IOException {
        String line = toJson(TrendEntry.of(build, summary, clock.instant())) + "\n";
        synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
            Files.createDirectories(file.getParent());
            if (Files.isRegularFile(file) && Files.size(file) > 0 && !endsWithNewline()) {
                line = "\n" + line; // a crash cut the last line short: this one starts a line of its own
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (Files.size(file) > compactAtBytes) {
                List<String> lines = lines();
                List<String> kept = lines.subList(Math.max(0, lines.size() - keep), lines.size());
                AtomicFiles.write(file, out -> out.write((String.join("\n", kept) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    /**
     * The file's lines, the bytes that are not UTF-8 (a crash in the middle of a character, a disk error) replaced,
     * so that one bad byte costs at most its line; none when there is no file yet.
     */
    private List<String> lines() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        return text.lines().toList();
    }

    /**
     * The entries of the newest {@code builds} builds in the index, oldest first. A line that cannot be read (a crash
     * in the middle of an append, bytes that are not UTF-8, garbage) is skipped.
     */
    public List<TrendEntry> recent(int builds) throws IOException {
        List<TrendEntry> entries = entries();
        TreeSet<Integer> numbers = new TreeSet<>();
        entries.forEach(e -> numbers.add(e.getBuild()));
        while (numbers.size() > builds) {
            numbers.pollFirst();
        }
        return entries.stream().filter(e -> numbers.contains(e.getBuild()))
                .sorted(java.util.Comparator.comparingInt(TrendEntry::getBuild)).toList();
    }

    /** Every entry the index can read, in the order they were appended; see {@link #recent} on lines skipped. */
    public List<TrendEntry> entries() throws IOException {
        List<TrendEntry> entries = new ArrayList<>();
        for (String line : lines()) {
            TrendEntry entry = fromJson(line);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static String toJson(TrendEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("build", e.getBuild());
        node.put("id", e.getId());
        node.put("status", e.getStatus());
        ObjectNode metrics = node.putObject("metrics");
        e.getMetrics().forEach(metrics::put);
        e.evidence().ifPresent(ev -> node.put("gate", ev.gate()).put("candidate", ev.candidate())
                .put("resultDigest", ev.resultDigest()));
        e.judgement().ifPresent(j -> node.put("model", j.model()).put("policyDigest", j.policyDigest())
                .put("keptAt", j.keptAt().toString()));
        return node.toString();
    }

    static TrendEntry fromJson(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.path("build").isInt() || !node.path("id").isTextual()
                    || !node.path("status").isTextual() || ResultIds.problem(node.get("id").asText()) != null
                    || !STATUSES.contains(node.get("status").asText())) {
                return null;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> m : node.path("metrics").properties()) {
                metrics.put(m.getKey(), m.getValue().isNumber() ? m.getValue().asDouble() : null);
            }
            TrendEntry.Evidence evidence = node.path("gate").isTextual() && node.path("candidate").isTextual()
                    && node.path("resultDigest").isTextual() ? new TrendEntry.Evidence(node.get("gate").asText(),
                    node.get("candidate").asText(), node.get("resultDigest").asText()) : null;
            return new TrendEntry(node.get("build").asInt(), node.get("id").asText(), node.get("status").asText(),
                    metrics, evidence, judgement(node));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The board's fields, all three or none: a line written before the board read the index has none. */
    private static TrendEntry.Judgement judgement(JsonNode node) {
        if (!node.path("model").isTextual() || node.get("model").asText().isBlank()
                || !node.path("policyDigest").isTextual() || !node.path("keptAt").isTextual()) {
            return null;
        }
        try {
            return new TrendEntry.Judgement(node.get("model").asText(), node.get("policyDigest").asText(),
                    Instant.parse(node.get("keptAt").asText()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
