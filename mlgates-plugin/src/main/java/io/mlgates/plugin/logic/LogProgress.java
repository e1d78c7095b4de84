package io.mlgates.plugin.logic;

import io.mlgates.core.data.ProgressListener;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Rows read and throughput in the build log, every ten seconds once a read takes longer than that. */
final class LogProgress implements ProgressListener {
    static final long INTERVAL_NANOS = 10_000_000_000L;

    private final StepLog log;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastPrint;

    LogProgress(StepLog log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastPrint = start;
    }

    @Override
    public void onProgress(long rowsRead, long bytesRead) {
        long now = nanoTime.getAsLong();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        log.say(String.format(Locale.ROOT, "%,d rows read (%,.0f rows/s, %.1f MB/s)", rowsRead, rowsRead / seconds,
                bytesRead / seconds / 1e6));
    }
}
