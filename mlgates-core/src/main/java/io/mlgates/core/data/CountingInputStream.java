package io.mlgates.core.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts the bytes read, so that progress and throughput can be reported in MB, and digests them, so that a result
 * names the exact file it judged without a second pass over it.
 */
final class CountingInputStream extends FilterInputStream {
    private final MessageDigest sha256;
    private long count;
    private boolean atEnd;

    CountingInputStream(InputStream in) {
        super(in);
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    long count() {
        return count;
    }

    /**
     * {@code sha256:} and the hex digest of the whole file: what the parser left unread is read here first.
     * Call once, at the end.
     */
    String digest() throws IOException {
        // The parser closes the stream once it meets the end; before that, what is left is read here.
        byte[] rest = new byte[1 << 16];
        while (!atEnd && read(rest, 0, rest.length) >= 0) {
            // drained into the digest
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
            sha256.update((byte) b);
        } else {
            atEnd = true;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            sha256.update(b, off, n);
        } else if (n < 0) {
            atEnd = true;
        }
        return n;
    }

    /** Skipped bytes are read, so that the digest covers them. */
    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 1 << 16)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }
}
