package io.mlgates.core.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One run's files in a results folder, appearing together or not at all.
 *
 * <p>A run takes the folder's lock ({@code .NAME.lock} beside the folder {@code NAME}), so that concurrent runs on one
 * folder follow each other. It writes its files into a staging folder beside the folder ({@code .NAME.<random>.tmp}),
 * hard-links into it whatever else the folder holds (another gate's files, results kept per build), writes the
 * manifest {@value #MANIFEST} (each file's SHA-256, in {@code sha256sum}'s format, so {@code sha256sum -c SHA256SUMS}
 * checks the folder), and renames it into place: the folder is moved aside to {@code .NAME.<random>.old}, the
 * staging folder takes its name, the old one is deleted. A reader therefore sees the previous run's set or this
 * one's; in the instant between the two renames, none.
 *
 * <p>A run killed on the way leaves a staging or old folder behind; the next run, holding the lock, puts an old
 * folder back if the folder itself is missing (the kill came between the two renames) and deletes every other
 * leftover. Leftovers are first renamed to {@code .NAME.<random>.del}, so that a kill during their deletion never
 * leaves a half-deleted folder that looks whole.
 *
 * <p>Not thread-safe: one run, one thread.
 */
public final class RunFolder implements Closeable {
    /** The manifest: every file of the folder and its SHA-256, one {@code <hex>  <path>} line each, sorted by path. */
    public static final String MANIFEST = "SHA256SUMS";
    /** A detached signature of the manifest, when the run is signed ({@link #commit(ManifestSigner)}). */
    public static final String SIGNATURE = MANIFEST + ".sig";

    private static final long LOCK_RETRY_MILLIS = 20;

    private final Path folder;
    private final Path shownAs;
    private final Path staging;
    private final Disk disk;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final List<String> written = new ArrayList<>();
    private boolean committed;
    /** Whether the folder's other files were carried over ({@link #keepOthers}), so that replacing it loses none. */
    private boolean keptOthers;

    private RunFolder(Path folder, Path shownAs, Path staging, Disk disk, FileChannel lockFile, FileLock lock) {
        this.folder = folder;
        this.shownAs = shownAs;
        this.staging = staging;
        this.disk = disk;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Starts a run on {@code folder} (created on commit if missing): waits for the folder's lock, clears what killed
     * runs left, and opens a staging folder.
     *
     * @throws IOException naming the file, when the folder cannot be prepared or is a file
     */
    public static RunFolder begin(Path folder, Disk disk) throws IOException {
        Objects.requireNonNull(disk, "disk");
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("cannot write results to " + folder + ": it is the file system's root");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot write results to " + folder + ": it is not a folder");
        }
        if (Path.of("").toAbsolutePath().startsWith(target)) {
            // The folder is replaced as a whole: never the folder one works in, nor one above it.
            throw new IOException("cannot write results to " + folder + ": it holds the current folder; name a"
                    + " results folder of its own, such as .mlgates/results");
        }
        String name = target.getFileName().toString();
        Path lockPath = parent.resolve("." + name + ".lock");
        FileChannel channel;
        try {
            Files.createDirectories(parent);
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw FileProblems.named("cannot create the lock", lockPath, e);
        }
        try {
            FileLock lock = acquire(channel, lockPath);
            try {
                recover(parent, name);
                Path staging = parent.resolve("." + name + "." + AtomicFiles.nonce() + ".tmp");
                try {
                    Files.createDirectory(staging);
                } catch (IOException e) {
                    throw FileProblems.named("cannot create", staging, e);
                }
                return new RunFolder(target, folder, staging, disk, channel, lock);
            } catch (IOException | RuntimeException e) {
                lock.release();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Whether a folder is empty or was put in place by a run: each commit writes {@value #MANIFEST} at its top. */
    private static boolean ours(Path folder) throws IOException {
        if (Files.isRegularFile(folder.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw FileProblems.named("cannot read", folder, e);
        }
    }

    private static FileLock acquire(FileChannel channel, Path lockPath) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                // Another run in this JVM holds it (two steps of one agent): wait as a process would.
                try {
                    Thread.sleep(LOCK_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the lock " + lockPath, interrupted);
                }
            } catch (IOException e) {
                throw FileProblems.named("cannot lock", lockPath, e);
            }
        }
    }

    /** The folder as it will be once committed. */
    public Path folder() {
        return folder;
    }

    /** Where this run's files are being written; every path below it is gone unless {@link #commit} succeeds. */
    public Path staging() {
        return staging;
    }

    /**
     * Writes the file {@code name} (a name, not a path) of this run. A failure names the file as the user knows it,
     * inside the results folder.
     */
    public void write(String name, AtomicFiles.Content content) throws IOException {
        writeStaged(stagedPath(name), name, content);
        written.add(name);
    }

    /** Writes {@code file} of the staging folder; a failure names it as {@code name} inside the results folder. */
    private void writeStaged(Path file, String name, AtomicFiles.Content content) throws IOException {
        try {
            AtomicFiles.write(disk, file, content);
        } catch (IOException e) {
            throw new FileProblems.NamedFileProblem("cannot write " + shownAs.resolve(name) + ": "
                    + FileProblems.cause(e), e);
        }
    }

    /** A folder of this run, such as the report's, for a writer that fills a folder itself. */
    public Path folderFor(String name) throws IOException {
        Path dir = stagedPath(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw FileProblems.named("cannot create", shownAs.resolve(name), e);
        }
        written.add(name);
        return dir;
    }

    private Path stagedPath(String name) {
        Path file = staging.resolve(name).normalize();
        if (!file.getParent().equals(staging) || name.equals(MANIFEST) || name.equals(SIGNATURE)) {
            throw new IllegalArgumentException("not a file name of a results folder: " + name);
        }
        return file;
    }

    /**
     * Carries into this run whatever the folder holds besides this run's files and {@code replaced} (files of other
     * gates, results kept per build), as hard links, so the current folder is never touched.
     */
    public void keepOthers(Set<String> replaced) throws IOException {
        keptOthers = true;
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(MANIFEST) || name.equals(SIGNATURE) || replaced.contains(name)
                        || Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                linkTree(entry, staging.resolve(name));
            }
        } catch (IOException e) {
            throw FileProblems.named("cannot keep the other files of", shownAs, e);
        }
    }

    private static void linkTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectory(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                try {
                    Files.createLink(target, file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    // a file system without hard links: a copy is as good, only larger
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Writes the manifest and puts the run's folder in place of the old one.
     *
     * @return the files this run wrote, in the order written, under the folder's final path
     */
    public List<Path> commit() throws IOException {
        return commit(manifest -> Optional.empty());
    }

    /**
     * {@link #commit()}, with a detached signature of the manifest written beside it as {@value #SIGNATURE} before the
     * folder is put in place: a signer that fails leaves the folder as it was.
     */
    public List<Path> commit(ManifestSigner signer) throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        if (!keptOthers && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && !ours(folder)) {
            // The folder is replaced as a whole: one that holds files no run wrote (every run leaves its manifest)
            // would be lost with them.
            throw new IOException("cannot write results to " + shownAs + ": it holds files ML Gates did not write"
                    + " (no " + MANIFEST + "), which replacing the folder would delete; name a new or empty folder");
        }
        String sums = manifest(staging);
        writeStaged(staging.resolve(MANIFEST), MANIFEST, out -> out.write(sums.getBytes(StandardCharsets.UTF_8)));
        Optional<byte[]> signature = signer.sign(sums.getBytes(StandardCharsets.UTF_8));
        if (signature.isPresent()) {
            writeStaged(staging.resolve(SIGNATURE), SIGNATURE, out -> out.write(signature.get()));
        }
        syncFolder(staging);
        Path parent = folder.getParent();
        String name = folder.getFileName().toString();
        Path old = parent.resolve("." + name + "." + AtomicFiles.nonce() + ".old");
        boolean movedAside = false;
        try {
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                move(folder, old);
                movedAside = true;
            }
            move(staging, folder);
        } catch (IOException e) {
            if (movedAside && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    move(old, folder);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw FileProblems.named("cannot put in place the results folder", shownAs, e);
        }
        committed = true;
        syncFolder(parent);
        if (movedAside) {
            try {
                deleteTree(old);
            } catch (IOException e) {
                // The run is complete; the next one removes what is left of the old folder.
            }
        }
        return written.stream().map(folder::resolve).toList();
    }

    /** Signs a manifest's bytes, or declines. */
    @FunctionalInterface
    public interface ManifestSigner {
        Optional<byte[]> sign(byte[] manifest) throws IOException;
    }

    /** Leaves the folder as it was when the run was not committed, and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                deleteTree(staging);
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockFile.close();
            }
        }
    }

    /** The manifest of a folder: each regular file below it, but the manifest, with its SHA-256, sorted by path. */
    static String manifest(Path dir) throws IOException {
        TreeMap<String, String> sums = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (attrs.isRegularFile() && !relative.equals(MANIFEST)) {
                    sums.put(relative, sha256(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        StringBuilder text = new StringBuilder();
        sums.forEach((path, sum) -> text.append(sum).append("  ").append(path).append('\n'));
        return text.toString();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** What killed runs left beside {@code NAME}: an old folder goes back if the folder is missing, the rest goes. */
    private static void recover(Path parent, String name) throws IOException {
        Pattern leftover = Pattern.compile(Pattern.quote("." + name + ".") + "[0-9a-f]{16}\\.(tmp|old|del)");
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                p -> leftover.matcher(p.getFileName().toString()).matches())) {
            entries.forEach(found::add);
        } catch (IOException e) {
            throw FileProblems.named("cannot list", parent, e);
        }
        found.sort(null);
        Path folder = parent.resolve(name);
        for (Path p : found) {
            try {
                if (p.getFileName().toString().endsWith(".old") && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    move(p, folder);
                    continue;
                }
                Path doomed = p;
                if (!p.getFileName().toString().endsWith(".del")) {
                    String base = p.getFileName().toString();
                    doomed = parent.resolve(base.substring(0, base.length() - 4) + ".del");
                    move(p, doomed);
                }
                deleteTree(doomed);
            } catch (IOException e) {
                throw FileProblems.named("cannot remove what an interrupted run left:", p, e);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Makes a folder's entries durable where the platform allows opening a folder (POSIX); elsewhere a no-op. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder; its renames are durable through the journal.
        }
    }
}
