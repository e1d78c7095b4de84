package io.mlgates.core.candidate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The candidate's identity: SHA-256 over its artefact files, the same on every machine and file system.
 *
 * <p>For each regular file, in the order of its relative path (forward slashes, Unicode NFC, compared as UTF-8
 * bytes), the digest takes the path's UTF-8 bytes, one zero byte, the file's length as 8 bytes big-endian, and
 * the file's bytes. A single artefact file is digested the same way under its file name. Symbolic links are
 * refused rather than followed, so that the digest never depends on something outside the artefacts.
 */
public final class CandidateDigest {
    private CandidateDigest() {
    }

    public static Candidate of(Workspace workspace, String artifacts, String namedIn) throws BadInputException {
        return ofArtefacts(workspace, artifacts, false, namedIn).orElseThrow();
    }

    /**
     * The candidate of the model artefacts, or empty when there are none and that is allowed: the policy named no
     * artefacts of its own ({@code optional}) and the conventional folder is missing. Artefacts a policy names and
     * that are missing are bad input, since the user said they are there.
     */
    public static Optional<Candidate> ofArtefacts(Workspace workspace, String artifacts, boolean optional,
                                                  String namedIn) throws BadInputException {
        return digest(workspace, artifacts, optional, namedIn, false).map(Artefacts::candidate);
    }

    /**
     * The candidate of the model artefacts with each file's own SHA-256, taken in the same read, so that the files
     * listed are exactly those digested (a bill of materials names both).
     */
    public static Artefacts withFiles(Workspace workspace, String artifacts, String namedIn)
            throws BadInputException {
        return digest(workspace, artifacts, false, namedIn, true).orElseThrow();
    }

    private static Optional<Artefacts> digest(Workspace workspace, String artifacts, boolean optional,
                                              String namedIn, boolean eachFile) throws BadInputException {
        Path base = workspace.resolve(artifacts, namedIn);
        if (optional && !Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(namedIn, 0, 0, "model artefacts '" + artifacts
                    + "' not found; expected a file or folder with the model (set model.artifacts)");
        }
        List<Entry> entries = list(base, artifacts);
        if (entries.isEmpty()) {
            throw new BadInputException(artifacts, 0, 0, "the model artefact folder holds no file");
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.name, b.name));
        for (int i = 1; i < entries.size(); i++) {
            if (Arrays.equals(entries.get(i - 1).name, entries.get(i).name)) {
                throw new BadInputException(artifacts, 0, 0, "two artefact files have names that are equal after"
                        + " Unicode NFC normalisation: " + entries.get(i - 1).shown() + " and "
                        + entries.get(i).shown() + "; the digest would depend on the file system. Rename one");
            }
        }
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        List<ArtefactFile> files = new ArrayList<>();
        for (Entry entry : entries) {
            MessageDigest own = eachFile ? sha256() : null;
            sha.update(entry.name);
            sha.update((byte) 0);
            long size;
            try {
                size = Files.size(entry.path);
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(size).array());
                long read = 0;
                try (InputStream in = Files.newInputStream(entry.path, StandardOpenOption.READ,
                        LinkOption.NOFOLLOW_LINKS)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                        if (own != null) {
                            own.update(buffer, 0, n);
                        }
                        read += n;
                    }
                }
                if (read != size) {
                    throw new BadInputException(display(artifacts, entry), 0, 0, "changed while it was read");
                }
            } catch (IOException e) {
                throw new BadInputException(display(artifacts, entry), 0, 0, "cannot read: " + e.getMessage(), e);
            }
            total += size;
            if (own != null) {
                files.add(new ArtefactFile(new String(entry.name, StandardCharsets.UTF_8),
                        "sha256:" + HexFormat.of().formatHex(own.digest()), size));
            }
        }
        return Optional.of(new Artefacts(new Candidate("sha256:" + HexFormat.of().formatHex(sha.digest()), artifacts,
                entries.size(), total), files));
    }

    private static String display(String artifacts, Entry entry) {
        return artifacts + "/" + new String(entry.name, StandardCharsets.UTF_8);
    }

    private static List<Entry> list(Path base, String artifacts) throws BadInputException {
        List<Entry> entries = new ArrayList<>();
        if (Files.isSymbolicLink(base)) {
            throw new BadInputException(artifacts, 0, 0, "is a symbolic link; links are not followed");
        }
        if (Files.isRegularFile(base, LinkOption.NOFOLLOW_LINKS)) {
            entries.add(new Entry(base.getFileName().toString(), base));
            return entries;
        }
        try (Stream<Path> walk = Files.walk(base, new FileVisitOption[0])) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = base.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    throw new BadInputException(artifacts + "/" + rel, 0, 0,
                            "is a symbolic link; links are not followed, so the digest cannot depend on them");
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new Entry(rel, p));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(artifacts, 0, 0, "cannot list: " + e.getMessage(), e);
        }
        return entries;
    }


    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * An artefact file.
     *
     * @param written its relative path as the file system spells it
     * @param name that path in Unicode NFC, as UTF-8: what the digest takes and sorts by
     */
    private record Entry(String written, byte[] name, Path path) {
        Entry(String written, Path path) {
            this(written, Normalizer.normalize(written, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8), path);
        }

        /** The written name, quoted, with the code points of anything beyond ASCII, so that look-alikes differ. */
        String shown() {
            if (written.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                return "'" + written + "'";
            }
            StringBuilder codes = new StringBuilder();
            written.codePoints().filter(c -> c >= 0x7f || c < 0x20)
                    .forEach(c -> codes.append(codes.length() == 0 ? "" : " ").append(String.format("U+%04X", c)));
            return "'" + written + "' (" + codes + ")";
        }
    }
}
