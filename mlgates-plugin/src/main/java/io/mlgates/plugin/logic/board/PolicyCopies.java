package io.mlgates.plugin.logic.board;

import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policies a job's gates judged under, kept once each at job level and named by their digest:
 * {@code mlgates-policies/<hex>.yaml} in the job's builds folder, beside the trend index. The board reads a model's
 * policy (team, stages, groups, train, waivers) from here by the digest its index line names, without loading the
 * build that kept it. Named by content, a copy never goes stale: a changed policy is another file. A copy is read only
 * when its bytes still have the digest it is named by.
 */
public final class PolicyCopies {
    public static final String FOLDER = "mlgates-policies";
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{64})");

    private final Path folder;

    private PolicyCopies(Path folder) {
        this.folder = folder;
    }

    /** The copies in a job's builds folder. */
    public static PolicyCopies in(Path buildsFolder) {
        return new PolicyCopies(Objects.requireNonNull(buildsFolder, "buildsFolder").resolve(FOLDER));
    }

    /**
     * Keeps the policy's text under its digest, unless an intact copy is there already. Builds of one job that keep
     * the same policy at once write the same bytes to the same name, each whole (a rename), so either wins.
     */
    public void keep(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String digest = PolicyLoader.digest(bytes);
        Path file = file(digest).orElseThrow();
        if (intact(file, digest).isEmpty()) {
            AtomicFiles.write(file, out -> out.write(bytes));
        }
    }

    /** Where the copy of the policy with this digest is kept; empty when the text is not a SHA-256 digest. */
    public Optional<Path> file(String digest) {
        Matcher m = DIGEST.matcher(digest);
        return m.matches() ? Optional.of(folder.resolve(m.group(1) + ".yaml")) : Optional.empty();
    }

    /**
     * The copy's bytes; empty when there is none, or when its bytes do not have its digest (edited, cut short by a
     * disk error), or it is larger than a policy may be.
     */
    public Optional<byte[]> read(String digest) throws IOException {
        Optional<Path> file = file(digest);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return intact(file.get(), digest);
    }

    /** The file's bytes when they have the digest; empty otherwise, or when there is no such file. */
    static Optional<byte[]> intact(Path file, String digest) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(PolicyLoader.MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return bytes.length <= PolicyLoader.MAX_FILE_BYTES && PolicyLoader.digest(bytes).equals(digest)
                ? Optional.of(bytes) : Optional.empty();
    }
}
