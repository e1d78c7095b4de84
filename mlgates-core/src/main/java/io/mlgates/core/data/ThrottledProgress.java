package io.mlgates.core.data;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells rows read and throughput as a line of text, at most once per interval and only once a read has lasted
 * that long: short reads stay quiet. The terminal and the Jenkins build log differ only in interval and sink.
 */
public final class ThrottledProgress implements ProgressListener {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Consumer<String> sink;
    private final long start;
    private long lastTold;

    /**
     * @param interval the least time between two lines, and before the first
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     * @param sink receives lines such as {@code 2,000,000 rows read (200,000 rows/s, 5.0 MB/s)}
     */
    public ThrottledProgress(Duration interval, LongSupplier nanoTime, Consumer<String> sink) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.start = nanoTime.getAsLong();
        this.lastTold = start;
    }

    @Override
    public void onProgress(long rowsRead, long bytesRead) {
        long now = nanoTime.getAsLong();
        if (now - lastTold < intervalNanos) {
            return;
        }
        lastTold = now;
        double seconds = (now - start) / 1e9;
        sink.accept(String.format(Locale.ROOT, "%,d rows read (%,.0f rows/s, %.1f MB/s)", rowsRead,
                rowsRead / seconds, bytesRead / seconds / 1e6));
    }
}
