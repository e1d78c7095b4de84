package io.mlgates.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlotTest {
    @Test
    @DisplayName("ticks are round numbers that cover the data: steps of 1, 2 or 5 times a power of ten")
    void niceTicks() {
        assertThat(Plot.niceTicks(0, 1, 5)).containsExactly(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, within(1e-12));
        double[] t = Plot.niceTicks(0.7062, 0.8177, 4);
        assertThat(t).containsExactly(new double[] {0.7, 0.75, 0.8, 0.85}, within(1e-12));
        double[] wide = Plot.niceTicks(-2.5, 3, 5);
        assertThat(wide[0]).isLessThanOrEqualTo(-2.5);
        assertThat(wide[wide.length - 1]).isGreaterThanOrEqualTo(3);
        assertThat(wide[1] - wide[0]).isCloseTo(2, within(1e-12));
    }
}
