package io.mlgates.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RowStatisticsShapeTest {

    @Test
    @DisplayName("a column both a slice and a sensitive column is one group column of the reader")
    void columnInTwoRolesIsReadOnce() {
        RowStatistics.Shape shape = new RowStatistics.Shape(List.of("region", "age"), List.of(),
                List.of("sex", "region"), List.of(List.of("sex", "region")), 10, 100, true);

        assertThat(shape.groupColumns()).containsExactly("region", "age", "sex");
        // sex is read third, region first: the fairness groups find their values there
        assertThat(shape.sensitiveColumns()).containsExactly(2, 0);
    }

    @Test
    @DisplayName("without slices the sensitive columns are the reader's, in their order")
    void sensitiveOnly() {
        RowStatistics.Shape shape = new RowStatistics.Shape(List.of(), List.of(), List.of("sex", "region"),
                List.of(), 10, 100, true);

        assertThat(shape.groupColumns()).containsExactly("sex", "region");
        assertThat(shape.sensitiveColumns()).containsExactly(0, 1);
    }
}
