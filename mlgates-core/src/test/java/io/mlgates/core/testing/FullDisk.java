package io.mlgates.core.testing;

import io.mlgates.core.report.Disk;
import java.io.IOException;
import java.io.OutputStream;

/** A disk that is full for some files: what the operating system says when a write finds no space. */
public final class FullDisk {
    private FullDisk() {
    }

    /**
     * The local disk, except that every write to a file whose name starts with {@code prefix} (a temporary file is
     * named {@code .<target>.<random>.tmp}) fails with "No space left on device".
     */
    public static Disk forFilesStartingWith(String prefix) {
        return file -> {
            OutputStream real = Disk.LOCAL.create(file);
            if (!file.getFileName().toString().startsWith(prefix)) {
                return real;
            }
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        };
    }
}
