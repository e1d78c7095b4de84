package io.mlgates.cli;

import io.mlgates.core.gate.SharedStatistics;
import io.mlgates.core.policy.InvalidRows;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code mlgates validate} and {@code mlgates ethics}, run one after the other as two commands, share one read of
 * the predictions, as the two steps of a Jenkins build do ({@link SharedStatistics}): the first keeps the statistics
 * of both gates' needs, tagged with the user's key, and the second hashes the predictions and judges those statistics
 * when they were kept for the same bytes, policy, columns and engine; anything else, and the rows are read.
 *
 * <p>The place is the user's cache, beside the launcher's class-data archive: {@code $XDG_CACHE_HOME/mlgates}, else
 * {@code $HOME/.cache/mlgates}. It holds {@code shared.key} (32 random bytes, the user's alone: a key that others may
 * read or that another user owns turns sharing off) and {@code shared/<repository>/}, one folder per model repository
 * (named by a digest of its path), of which the latest written is kept. Without a cache folder, or with
 * {@value #VARIABLE}{@code =off}, every gate reads the rows. Predictions of less than {@link #SMALLEST} bytes are read
 * by each gate unless {@value #VARIABLE}{@code =always}: two processes reading them cost less than one keeping their
 * statistics and the other verifying them (benchmarks/RESULTS.md, "Issue 15, eighth session: small files").
 */
final class SharedReads {
    /** Turns sharing off when {@code off}; {@code always} shares the reads of small predictions too. */
    static final String VARIABLE = "MLGATES_SHARED_READS";
    /**
     * The size of predictions from which a read is shared: under the break-even measured near 100,000 rows (2 MB), so
     * that files around it are shared.
     */
    static final long SMALLEST = 1L << 20;
    static final String KEY_FILE = "shared.key";
    static final String FOLDER = "shared";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private SharedReads() {
    }

    /** The user's cache folder of the tool, when the environment names one. */
    static Optional<Path> cache(Map<String, String> variables) {
        try {
            String xdg = variables.get("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Optional.of(Path.of(xdg, "mlgates"));
            }
            String home = variables.get("HOME");
            if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
                return Optional.of(Path.of(home, ".cache", "mlgates"));
            }
        } catch (InvalidPathException e) {
            // a variable that names no path names no cache
        }
        return Optional.empty();
    }

    /**
     * The place where gates judging {@code ws} share their reads, or empty when they may not: sharing is off, the
     * policy drops invalid rows, there is no cache, the cache lies inside the repository, or the key cannot be had
     * (made on first use). Its clock is the environment's, to which the predictions' file times are compared.
     */
    static Optional<SharedStatistics.Place> place(Environment env, Workspace ws, Policy policy) {
        Map<String, String> variables = env.variables();
        if (off(variables)) {
            return Optional.empty();
        }
        if (policy.predictions().invalidRows() == InvalidRows.DROP) {
            // A read for both gates that drops a row (one the other gate's columns made invalid, say) is not judged:
            // the gate reads again on its own. Where rows may be dropped, reading once is the surer way.
            return Optional.empty();
        }
        Optional<Path> cache = cache(variables);
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        Path folder = cache.get().toAbsolutePath().normalize();
        Optional<byte[]> key = key(folder.resolve(KEY_FILE));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        SharedStatistics.Place place = new SharedStatistics.Place(folder.resolve(FOLDER)
                .resolve(repository(ws.root())), key.get(), env.clock())
                .sharingFrom(setting(variables).equalsIgnoreCase("always") ? 0 : SMALLEST);
        return place.isOutside(ws.root()) ? Optional.of(place) : Optional.empty();
    }

    /** Whether {@value #VARIABLE} turns sharing off. */
    static boolean off(Map<String, String> variables) {
        return setting(variables).equalsIgnoreCase("off");
    }

    private static String setting(Map<String, String> variables) {
        return variables.getOrDefault(VARIABLE, "").trim();
    }

    /**
     * The line on standard error of a gate that judged what {@code other} kept, or empty when it read the rows: which
     * file was not read again, and whether it was not hashed again either, and why.
     */
    static Optional<String> told(SharedStatistics.Judged judged, String other) {
        if (!judged.reused()) {
            return Optional.empty();
        }
        String file = judged.result().data().predictions();
        String how = judged.unhashed()
                ? " was not read again, nor hashed again: " + SharedStatistics.unchangedSince("an earlier " + other)
                        + " and kept the statistics of its bytes, and they were judged"
                : " was not read again: its bytes are those whose statistics an earlier " + other + " kept, and they"
                        + " were judged";
        return Optional.of("mlgates: " + file + how + " (" + VARIABLE + "=off reads the rows every time)");
    }

    /** A folder name for a repository: the first 16 bytes of the SHA-256 of its absolute path, in hex. */
    static String repository(Path root) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(root.toAbsolutePath().normalize().toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The user's key, made when there is none: written to a file of its own and linked into place, so that two gates
     * starting together agree on one key and none reads a half-written one.
     */
    static Optional<byte[]> key(Path file) {
        try {
            Optional<byte[]> existing = read(file);
            if (existing.isPresent()) {
                return existing;
            }
            Path folder = file.getParent();
            Files.createDirectories(folder);
            Path draft = Files.createTempFile(folder, KEY_FILE + ".", ".draft");
            try {
                if (posix(draft)) {
                    Files.setPosixFilePermissions(draft, OWNER_ONLY);
                }
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Files.write(draft, key);
                try {
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException e) {
                    // another gate made it first: its key is the one
                } catch (UnsupportedOperationException e) {
                    return Optional.empty(); // no hard links here: no way to make the key without a race
                }
            } finally {
                Files.deleteIfExists(draft);
            }
            prepareFolder(folder.resolve(FOLDER));
            return read(file);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The folder of the repositories' folders, the user's alone where the file system has owners. */
    private static void prepareFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (posix(folder)) {
            Files.setPosixFilePermissions(folder, OWNER_FOLDER);
        }
    }

    /** The key in {@code file}, when it is a regular file of exactly the key's length that only its owner can read. */
    private static Optional<byte[]> read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (posix(file)) {
            PosixFileAttributes attributes = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            // the key's owner is the cache's: a key another user could read, or put there, is no one's secret
            if (!attributes.permissions().stream().allMatch(OWNER_ONLY::contains)
                    || !attributes.owner().equals(Files.getOwner(file.getParent(), LinkOption.NOFOLLOW_LINKS))) {
                return Optional.empty();
            }
        }
        byte[] key = new byte[KEY_BYTES + 1]; // one more: a longer file is no key either
        int n;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            n = in.readNBytes(key, 0, key.length);
        }
        return n == KEY_BYTES ? Optional.of(Arrays.copyOf(key, KEY_BYTES)) : Optional.empty();
    }

    private static boolean posix(Path file) {
        return Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }
}
