package io.mlgates.cli;

import io.mlgates.core.data.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Rows read and throughput on standard error, every two seconds once a read takes longer than that. */
final class Progress implements ProgressListener {
    private static final long INTERVAL_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(long rowsRead, long bytesRead) {
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        err.printf(Locale.ROOT, "mlgates: %,d rows read (%,.0f rows/s, %.1f MB/s)%n", rowsRead, rowsRead / seconds,
                bytesRead / seconds / 1e6);
        err.flush();
    }
}
