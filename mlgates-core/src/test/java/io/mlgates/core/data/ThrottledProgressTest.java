package io.mlgates.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThrottledProgressTest {
    @Test
    @DisplayName("says how far the read has come once per interval, and nothing before the first interval")
    void oncePerInterval() {
        AtomicLong now = new AtomicLong();
        List<String> lines = new ArrayList<>();
        ThrottledProgress progress = new ThrottledProgress(Duration.ofSeconds(10), now::get, lines::add);

        progress.onProgress(1000, 1_000_000);
        now.set(Duration.ofSeconds(10).toNanos());
        progress.onProgress(2_000_000, 50_000_000);
        now.addAndGet(1);
        progress.onProgress(2_000_001, 50_000_001);

        assertThat(lines).containsExactly("2,000,000 rows read (200,000 rows/s, 5.0 MB/s)");
    }
}
