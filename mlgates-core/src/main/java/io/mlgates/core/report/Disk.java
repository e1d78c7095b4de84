package io.mlgates.core.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Creates the files that results are written to. It is the seam where a test puts a full disk: a real one is not
 * needed to show that a failed write names the file and its cause.
 */
@FunctionalInterface
public interface Disk {
    /** The local file system: each file is forced to the storage device when its stream is closed. */
    Disk LOCAL = Disk::createLocal;

    /**
     * Creates {@code file}, which must not exist yet, and returns a stream to it. Closing the stream makes the bytes
     * durable; a stream that fails to close has not stored them.
     */
    OutputStream create(Path file) throws IOException;

    private static OutputStream createLocal(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try (channel) {
                    out.flush();
                    channel.force(true);
                }
            }
        };
    }
}
