package io.mlgates.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** The SHA-256 digest of a whole file, read in order from its channel (beside a parallel read of its ranges). */
public final class FileDigest {
    private FileDigest() {
    }

    /** {@code sha256:} and the hex digest of {@code file}'s bytes, as a read of its rows names them. */
    public static String of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return of(channel);
        }
    }

    /** {@code sha256:} and the hex digest of the channel's file, from its first byte to its last. */
    static String of(FileChannel channel) throws IOException {
        return of(channel, () -> false);
    }

    /**
     * As {@link #of(FileChannel)}, but given up (with {@link CancellationException}) between two buffers once
     * {@code abandoned} says no one waits for the digest any more: a read that failed need not hash the rest.
     */
    static String of(FileChannel channel, BooleanSupplier abandoned) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(CsvRows.BUFFER);
        long position = 0;
        while (true) {
            if (abandoned.getAsBoolean()) {
                throw new CancellationException("digest no longer wanted");
            }
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n < 0) {
                break;
            }
            position += n;
            buffer.flip();
            sha256.update(buffer);
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
