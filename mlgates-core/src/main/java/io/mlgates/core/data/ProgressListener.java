package io.mlgates.core.data;

/** Told how far a long read has come; the caller decides whether and how often to show it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (rows, bytes) -> { };

    /** Called every few tens of thousands of rows, on the reading thread. */
    void onProgress(long rowsRead, long bytesRead);
}
