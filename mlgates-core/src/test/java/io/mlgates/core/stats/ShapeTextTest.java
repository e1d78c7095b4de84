package io.mlgates.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.testing.RecordText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shape's text, which shared reads keep: the written-out {@code toString} says what the generated one says. */
class ShapeTextTest {
    @Test
    void anEmptyShapeReadsAsSpelledByHand() {
        RowStatistics.Shape shape = new RowStatistics.Shape(List.of(), List.of(), List.of(), List.of(), 10, 1000,
                false);

        assertThat(shape.toString()).isEqualTo("Shape[sliceColumns=[], rankSlices=[], sensitive=[],"
                + " intersections=[], calibrationBins=10, maxGroups=1000, overallRanks=false]");
        assertThat(shape.toString()).isEqualTo(RecordText.generated(shape));
    }

    @Test
    void everyComponentReadsAsInTheGeneratedText() {
        RowStatistics.Shape shape = new RowStatistics.Shape(List.of("region", "age_band"), List.of("region"),
                List.of("sex"), List.of(List.of("region", "sex")), 15, 200, true);

        assertThat(shape.toString()).isEqualTo(RecordText.generated(shape))
                .contains("intersections=[[region, sex]], ");
    }
}
