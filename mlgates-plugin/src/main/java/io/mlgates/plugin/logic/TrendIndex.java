package io.mlgates.plugin.logic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.report.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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

    private final Path file;
    private final int compactAtBytes;
    private final int keep;

    TrendIndex(Path buildsFolder, int compactAtBytes, int keep) {
        this.file = buildsFolder.resolve(FILE_NAME).toAbsolutePath().normalize();
        this.compactAtBytes = compactAtBytes;
        this.keep = keep;
    }

    /** The index in a job's builds folder. */
    public static TrendIndex in(Path buildsFolder) {
        return new TrendIndex(buildsFolder, COMPACT_AT_BYTES, KEEP);
    }

    public void append(int build, ResultSummary summary) throws IOException {
        String line = toJson(TrendEntry.of(build, summary)) + "\n";
        synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (Files.size(file) > compactAtBytes) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> kept = lines.subList(Math.max(0, lines.size() - keep), lines.size());
                AtomicFiles.write(file, out -> out.write((String.join("\n", kept) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /**
     * The entries of the newest {@code builds} builds in the index, oldest first. A line that cannot be read (a crash
     * in the middle of an append) is skipped.
     */
    public List<TrendEntry> recent(int builds) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<TrendEntry> entries = new ArrayList<>();
        for (String line : lines) {
            TrendEntry entry = fromJson(line);
            if (entry != null) {
                entries.add(entry);
            }
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        entries.forEach(e -> numbers.add(e.getBuild()));
        while (numbers.size() > builds) {
            numbers.pollFirst();
        }
        return entries.stream().filter(e -> numbers.contains(e.getBuild()))
                .sorted(java.util.Comparator.comparingInt(TrendEntry::getBuild)).toList();
    }

    static String toJson(TrendEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("build", e.getBuild());
        node.put("id", e.getId());
        node.put("status", e.getStatus());
        ObjectNode metrics = node.putObject("metrics");
        e.getMetrics().forEach(metrics::put);
        return node.toString();
    }

    static TrendEntry fromJson(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.path("build").isInt() || !node.path("id").isTextual()
                    || !node.path("status").isTextual()) {
                return null;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> m : node.path("metrics").properties()) {
                metrics.put(m.getKey(), m.getValue().isNumber() ? m.getValue().asDouble() : null);
            }
            return new TrendEntry(node.get("build").asInt(), node.get("id").asText(), node.get("status").asText(),
                    metrics);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
