package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void atMostFourDecimalsWithoutTrailingZeros() {
        assertThat(Format.number(0.80789)).isEqualTo("0.8079");
        assertThat(Format.number(0.5)).isEqualTo("0.5");
        assertThat(Format.number(12)).isEqualTo("12");
        assertThat(Format.number(100)).isEqualTo("100");
        assertThat(Format.number(0.10000)).isEqualTo("0.1");
        assertThat(Format.number(1.00004)).isEqualTo("1");
        assertThat(Format.number(-2.5)).isEqualTo("-2.5");
        assertThat(Format.number(1e20)).isEqualTo("100000000000000000000");
    }

    @Test
    void zeroHasNoSign() {
        assertThat(Format.number(-0.0)).isEqualTo("0");
        assertThat(Format.number(-0.00001)).isEqualTo("0");
        assertThat(Format.number(0)).isEqualTo("0");
    }

    @Test
    void notANumberAndInfinitiesAsJavaWritesThem() {
        assertThat(Format.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Format.number(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Format.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    /** The rule as it was first written, with regular expressions: the same text for any value. */
    @Test
    void theSameAsTheRuleWrittenAsRegularExpressions() {
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> Math.round(random.nextDouble() * 10_000) / 10_000.0 - 0.5;
                case 2 -> random.nextInt(2_000) - 1_000;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("(\\.\\d*?)0+$", "$1")
                    .replaceAll("\\.$", "");
            assertThat(Format.number(v)).as("%s", v).isEqualTo("-0".equals(s) ? "0" : s);
        }
    }
}
