package io.mlgates.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 digest of a whole file, read in order from its channel (beside a parallel read of its ranges). */
final class FileDigest {
    private FileDigest() {
    }

    /** {@code sha256:} and the hex digest of the channel's file, from its first byte to its last. */
    static String of(FileChannel channel) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(CsvRows.BUFFER);
        long position = 0;
        while (true) {
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
