package io.mlgates.core.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Writes a file so that readers see the old content or the new, never half of it: the bytes go to a
 * temporary file beside the target, are forced to disk, and the temporary file is renamed over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes what {@code content} produces; on any failure the target is untouched and no temporary file is left. */
    public static void write(Path target, Content content) throws IOException {
        write(Disk.LOCAL, target, content);
    }

    /**
     * Writes through {@code disk}. A failure names the target and the cause ("cannot write validate.json: No space
     * left on device").
     */
    public static void write(Disk disk, Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + nonce() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = disk.create(tmp)) {
                content.writeTo(new KeepOpen(out));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw FileProblems.named("cannot write", target, io);
            }
            throw e;
        }
    }

    /** A random name part for temporary files and folders: sixteen hex digits. */
    static String nonce() {
        return HexFormat.of().toHexDigits(UUID.randomUUID().getLeastSignificantBits());
    }

    /** Writers such as Jackson close the stream they were given; the file must stay open until it is forced. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Produces a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
