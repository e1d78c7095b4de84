package io.mlgates.plugin.logic.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.plugin.logic.Bounds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job's record of its promotions that wait, so that the board lists them without loading builds: one small file
 * per waiting promotion, {@code mlgates-waiting/<build>-<id>.json} in the job's builds folder. {@code mlPromote}
 * writes it when it starts to wait and deletes it when it ends. One file each, written whole (a rename) or deleted:
 * builds of one job that start or end promotions at once never touch the same file, so none loses another's record;
 * a controller that stops keeps them, and a resumed promotion writes its record again if a crash lost it.
 */
public final class WaitingPromotions {
    public static final String FOLDER = "mlgates-waiting";
    private static final Pattern NAME = Pattern.compile("([1-9][0-9]{0,9})-(.+)\\.json");
    /** A record is a few hundred bytes; a larger file is not one. */
    private static final int MAX_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    private WaitingPromotions(Path folder) {
        this.folder = folder;
    }

    /** The records in a job's builds folder. */
    public static WaitingPromotions in(Path buildsFolder) {
        return new WaitingPromotions(Objects.requireNonNull(buildsFolder, "buildsFolder").resolve(FOLDER));
    }

    /** Records a waiting promotion, replacing a record of the same promotion. */
    public void add(WaitingPromotion promotion) throws IOException {
        String json = JSON.createObjectNode().put("build", promotion.build()).put("id", promotion.id())
                .put("model", promotion.model()).put("stage", promotion.stage())
                .put("candidate", promotion.candidate()).put("since", promotion.since().toString()).toString();
        AtomicFiles.write(file(promotion.build(), promotion.id()),
                out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The record of that promotion, when there is one that can be read. */
    public Optional<WaitingPromotion> find(int build, String id) throws IOException {
        return Optional.ofNullable(parse(file(build, id)));
    }

    /** Deletes the record of a promotion that no longer waits; nothing when there is none. */
    public void remove(int build, String id) throws IOException {
        Files.deleteIfExists(file(build, id));
    }

    private Path file(int build, String id) {
        WaitingPromotion.check(build, id);
        return folder.resolve(build + "-" + id + ".json");
    }

    /**
     * Every record, by build and id, and the files that are no record (cut short, edited, not JSON), named.
     *
     * @param unreadable receives the name of each file that is no record
     */
    public List<WaitingPromotion> read(List<String> unreadable) throws IOException {
        List<WaitingPromotion> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                WaitingPromotion p = parse(file);
                if (p == null) {
                    unreadable.add(FOLDER + "/" + Bounds.text(file.getFileName().toString(), Bounds.NAME));
                } else {
                    found.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(WaitingPromotion::build).thenComparing(WaitingPromotion::id));
        return found;
    }

    /** The record in the file, when it is one and its name is its build and id; null otherwise or when it is gone. */
    private static WaitingPromotion parse(Path file) throws IOException {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            return null; // not opened: no name of a record
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.path("build").isInt() || !node.path("id").isTextual()
                    || node.get("build").asInt() != Integer.parseInt(name.group(1))
                    || !node.get("id").asText().equals(name.group(2))) {
                return null;
            }
            return new WaitingPromotion(node.get("build").asInt(), node.get("id").asText(), text(node, "model"),
                    text(node, "stage"), text(node, "candidate"), Instant.parse(text(node, "since")));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    /** A text field, bounded: whoever can write the job's folder may write anything here. */
    private static String text(JsonNode node, String field) {
        if (!node.path(field).isTextual() || node.get(field).asText().isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return Bounds.text(node.get(field).asText(), Bounds.NAME);
    }
}
