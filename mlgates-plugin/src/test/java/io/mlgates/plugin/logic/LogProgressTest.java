package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogProgressTest {
    @Test
    void saysHowFarTheReadHasComeEveryTenSecondsOnly() {
        AtomicLong now = new AtomicLong();
        Fakes.Log log = new Fakes.Log();
        LogProgress progress = new LogProgress(log, now::get);

        progress.onProgress(1000, 1_000_000);
        now.set(LogProgress.INTERVAL_NANOS);
        progress.onProgress(2_000_000, 50_000_000);
        now.addAndGet(1);
        progress.onProgress(2_000_001, 50_000_001);

        assertThat(log.lines).containsExactly("[ML Gates] 2,000,000 rows read (200,000 rows/s, 5.0 MB/s)");
    }
}
