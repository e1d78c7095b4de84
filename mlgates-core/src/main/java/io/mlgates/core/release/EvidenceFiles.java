package io.mlgates.core.release;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.report.GateResultJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the evidence a stage asks for: the result file {@code <gate>.json} of each gate, as the gates wrote it into
 * a results folder, directly ({@code mlgates validate}) or in a subfolder per call ({@code <id>/<gate>.json}, as the
 * Jenkins steps write it). A gate without a file has no evidence (the promotion says so); a file that is not a gate
 * result is bad input.
 */
public final class EvidenceFiles {
    /** A gate result is small; anything far larger is not one. */
    private static final long MAX_BYTES = 64L << 20;

    private EvidenceFiles() {
    }

    /**
     * A results folder.
     *
     * @param path where it is
     * @param shownAs how it is named in messages, for example {@code .mlgates/results}
     */
    public record Folder(Path path, String shownAs) {
        public Folder {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(shownAs, "shownAs");
        }
    }

    /**
     * Reads every {@code <gate>.json} of the folders and their immediate subfolders, and chooses each gate's evidence
     * with {@link #choose}.
     *
     * @param gates the gates to read
     * @param candidate the digest of the candidate being promoted
     * @return gate name to its result, for the gates that have a file
     */
    public static Map<String, GateResult> read(List<Folder> folders, Collection<String> gates, String candidate)
            throws BadInputException {
        return choose(readAll(folders, gates).stream().map(Found::result).toList(), gates, candidate);
    }

    /**
     * A gate result found in a results folder.
     *
     * @param result the result
     * @param id the id of the call that wrote it: its subfolder's name, or the gate's name for a file directly in
     *     the folder
     * @param shown the file as messages name it, for example {@code .mlgates/results/credit/validate.json}
     */
    public record Found(GateResult result, String id, String shown) {
        public Found {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(shown, "shown");
        }
    }

    /** Every {@code <gate>.json} of the folders and their immediate subfolders, whatever candidate it judged. */
    public static List<Found> readAll(List<Folder> folders, Collection<String> gates) throws BadInputException {
        List<Found> found = new ArrayList<>();
        GateResultJson json = new GateResultJson();
        for (Folder folder : folders) {
            for (String gate : gates) {
                readInto(folder.path().resolve(gate + ".json"), folder.shownAs() + "/" + gate + ".json", gate, gate,
                        json, found);
            }
            if (!Files.isDirectory(folder.path(), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> subfolders = new ArrayList<>();
            try (DirectoryStream<Path> children = Files.newDirectoryStream(folder.path())) {
                for (Path child : children) {
                    if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        subfolders.add(child);
                    }
                }
            } catch (IOException e) {
                throw new BadInputException(folder.shownAs(), 0, 0, "cannot list: " + e.getMessage(), e);
            }
            subfolders.sort(Comparator.naturalOrder());
            for (Path sub : subfolders) {
                for (String gate : gates) {
                    readInto(sub.resolve(gate + ".json"), folder.shownAs() + "/" + sub.getFileName() + "/" + gate
                            + ".json", gate, sub.getFileName().toString(), json, found);
                }
            }
        }
        return found;
    }

    /**
     * Each gate's evidence among the results found: results of other candidates are not this one's evidence; of
     * several results of a gate for this candidate (a gate called twice, with two ids) every one is evidence, so the
     * one with the worst status stands (of equal ones, the newest). A gate with results only for other candidates
     * keeps the first, so that the promotion names the digest it judged.
     */
    public static Map<String, GateResult> choose(Collection<GateResult> found, Collection<String> gates,
                                                 String candidate) {
        Map<String, GateResult> chosen = new LinkedHashMap<>();
        for (String gate : gates) {
            List<GateResult> ofGate = found.stream().filter(r -> r.gate().equals(gate)).toList();
            List<GateResult> ofCandidate = ofGate.stream().filter(r -> r.candidate().digest().equals(candidate))
                    .toList();
            if (!ofCandidate.isEmpty()) {
                chosen.put(gate, ofCandidate.stream().min(Comparator.comparing(GateResult::status,
                        Status.WORST_FIRST).thenComparing(GateResult::evaluatedAt, Comparator.reverseOrder()))
                        .orElseThrow());
            } else if (!ofGate.isEmpty()) {
                chosen.put(gate, ofGate.get(0));
            }
        }
        return chosen;
    }

    private static void readInto(Path file, String shown, String gate, String id, GateResultJson json,
                                 List<Found> found) throws BadInputException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(shown, 0, 0, "larger than " + (MAX_BYTES >> 20) + " MiB: not a gate"
                        + " result");
            }
            GateResult result = json.read(Files.readAllBytes(file), shown);
            if (!result.gate().equals(gate)) {
                throw new BadInputException(shown, 0, 0, "holds the result of gate '" + result.gate()
                        + "', not of '" + gate + "'");
            }
            found.add(new Found(result, id, shown));
        } catch (IOException e) {
            throw new BadInputException(shown, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
