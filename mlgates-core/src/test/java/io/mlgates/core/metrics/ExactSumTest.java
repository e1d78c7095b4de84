package io.mlgates.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact sum against the JDK's BigDecimal, whose sums and products of doubles are exact. */
class ExactSumTest {

    /** A double of any magnitude, subnormals and huge values included, or a small everyday one. */
    private static double anyDouble(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) * (random.nextBoolean() ? 1 : -1);
            case 1 -> Double.longBitsToDouble(random.nextLong() & 0x000F_FFFF_FFFF_FFFFL); // subnormal
            case 2 -> Math.scalb(random.nextDouble() - 0.5, random.nextInt(2000) - 1000);
            default -> random.nextDouble() * (random.nextBoolean() ? 1 : -1);
        };
    }

    private static BigDecimal exact(BigInteger m, int e) {
        BigDecimal d = new BigDecimal(m);
        return e >= 0 ? d.multiply(new BigDecimal(BigInteger.TWO.pow(e)))
                : d.divide(new BigDecimal(BigInteger.TWO.pow(-e))); // exact: a power of two's inverse terminates
    }

    @Test
    void sumsAndProductsOfAnyDoublesAreExactAndRoundedOnceCorrectly() {
        Random random = new Random(1);
        for (int trial = 0; trial < 300; trial++) {
            ExactSum sum = new ExactSum();
            BigDecimal expected = BigDecimal.ZERO;
            int terms = 1 + random.nextInt(40);
            for (int t = 0; t < terms; t++) {
                double a = anyDouble(random);
                double b = anyDouble(random);
                double c = anyDouble(random);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        sum.add(a);
                        expected = expected.add(new BigDecimal(a));
                    }
                    case 1 -> {
                        sum.addProduct(a, b);
                        expected = expected.add(new BigDecimal(a).multiply(new BigDecimal(b)));
                    }
                    default -> {
                        sum.addProduct(a, b, c);
                        expected = expected.add(new BigDecimal(a).multiply(new BigDecimal(b))
                                .multiply(new BigDecimal(c)));
                    }
                }
            }
            ExactSum.Exact value = sum.exact();
            assertThat(exact(value.mantissa(), value.exponent()).compareTo(expected)).isZero();
            // BigDecimal.doubleValue rounds correctly (to nearest, ties to even), infinite beyond the range
            assertThat(sum.value()).isEqualTo(expected.doubleValue());
        }
    }

    @Test
    void anOrderAndAnySplitGiveTheSameSumBitForBit() {
        Random random = new Random(2);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            terms.add(random.nextDouble() * Math.pow(10, random.nextInt(30) - 15) * (random.nextBoolean() ? 1 : -1));
        }
        ExactSum sequential = new ExactSum();
        terms.forEach(sequential::add);
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(terms, random);
            List<ExactSum> parts = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                parts.add(new ExactSum());
            }
            terms.forEach(t -> parts.get(random.nextInt(parts.size())).add(t));
            Collections.shuffle(parts, random);
            ExactSum merged = new ExactSum();
            parts.forEach(merged::add);
            assertThat(merged.exact()).isEqualTo(sequential.exact());
            assertThat(Double.doubleToRawLongBits(merged.value()))
                    .isEqualTo(Double.doubleToRawLongBits(sequential.value()));
        }
    }

    @Test
    void cancellationLeavesTheExactRemainder() {
        ExactSum sum = new ExactSum();
        sum.add(1e300);
        sum.add(Double.MIN_VALUE);
        sum.add(-1e300);
        assertThat(sum.value()).isEqualTo(Double.MIN_VALUE);
        sum.add(-Double.MIN_VALUE);
        assertThat(sum.isZero()).isTrue();
        assertThat(sum.exact()).isEqualTo(ExactSum.Exact.ZERO);
    }

    @Test
    void aSumBeyondDoublesRangeIsInfiniteAndItsRatiosStayFinite() {
        ExactSum big = new ExactSum();
        big.add(Double.MAX_VALUE);
        big.add(Double.MAX_VALUE);
        ExactSum half = new ExactSum();
        half.add(Double.MAX_VALUE);
        assertThat(big.value()).isInfinite();
        assertThat(half.ratioTo(big)).isEqualTo(0.5);
    }

    @Test
    void manyAdditionsPastTheCarryIntervalStayExact() {
        ExactSum sum = new ExactSum();
        ExactSum other = new ExactSum();
        for (int i = 0; i < 1000; i++) {
            sum.add(0.1);
            other.add(0.1);
        }
        for (int i = 0; i < 10; i++) {
            sum.add(sum); // doubling, with pending carries
        }
        BigDecimal expected = new BigDecimal(0.1).multiply(BigDecimal.valueOf(1000L << 10));
        ExactSum.Exact value = sum.exact();
        assertThat(exact(value.mantissa(), value.exponent()).compareTo(expected)).isZero();
    }

    @Test
    void theLargestMantissasFillABucketWithoutOverflowAcrossManySettlings() {
        double largest = Math.nextDown(2.0); // 53 bits set
        for (double x : new double[] {largest, -largest, Math.nextDown(Double.MAX_VALUE), Math.nextDown(1e-300)}) {
            ExactSum sum = new ExactSum();
            int n = 5 * ExactSum.LAZY_ADDS + 7;
            for (int i = 0; i < n; i++) {
                sum.add(x);
            }
            assertThat(exact(sum.exact().mantissa(), sum.exact().exponent()).compareTo(
                    new BigDecimal(x).multiply(BigDecimal.valueOf(n)))).as("%s", x).isZero();
        }
    }

    @Test
    void manyTermsOverAWideningRangeOfExponentsInterleavedWithReadsAndMergesStayExact() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            List<ExactSum> parts = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                parts.add(new ExactSum());
            }
            BigDecimal expected = BigDecimal.ZERO;
            // the exponents drift so that the buckets' window grows on both sides, past several settlings
            int centre = random.nextInt(200) - 100;
            for (int t = 0; t < 6000; t++) {
                ExactSum part = parts.get(random.nextInt(parts.size()));
                double x = random.nextInt(50) == 0 ? anyDouble(random)
                        : Math.scalb(random.nextDouble() + 1, centre + random.nextInt(9) - 4)
                        * (random.nextInt(4) == 0 ? -1 : 1);
                if (random.nextInt(10) == 0) {
                    double w = anyDouble(random);
                    part.addProduct(w, x);
                    expected = expected.add(new BigDecimal(w).multiply(new BigDecimal(x)));
                } else {
                    part.add(x);
                    expected = expected.add(new BigDecimal(x));
                }
                if (random.nextInt(1000) == 0) {
                    part.value(); // a read between additions settles the buckets early
                }
                if (t % 500 == 0) {
                    centre += random.nextBoolean() ? 70 : -70;
                }
            }
            Collections.shuffle(parts, random);
            ExactSum merged = new ExactSum();
            parts.forEach(merged::add);
            ExactSum.Exact value = merged.exact();
            assertThat(exact(value.mantissa(), value.exponent()).compareTo(expected)).isZero();
            assertThat(merged.value()).isEqualTo(expected.doubleValue());
        }
    }

    @Test
    void divisionIsCorrectlyRounded() {
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            double a = anyDouble(random);
            double b = anyDouble(random);
            if (b == 0) {
                continue;
            }
            ExactSum x = new ExactSum();
            x.add(a);
            ExactSum y = new ExactSum();
            y.add(b);
            assertThat(x.ratioTo(y)).as("%s / %s", a, b).isEqualTo(a / b);
        }
        // beyond double's range on both sides: the exact quotient, rounded once
        ExactSum x = new ExactSum();
        x.addProduct(Double.MAX_VALUE, Double.MAX_VALUE, 3);
        ExactSum y = new ExactSum();
        y.addProduct(Double.MAX_VALUE, Double.MAX_VALUE, 7);
        assertThat(x.ratioTo(y)).isEqualTo(3.0 / 7.0);
        BigDecimal q = new BigDecimal(1).divide(new BigDecimal(3), MathContext.DECIMAL128);
        assertThat(q.doubleValue()).isEqualTo(1.0 / 3.0);
    }

    @Test
    void theTextFormRoundTripsAndIsCanonical() {
        Random random = new Random(4);
        for (int i = 0; i < 200; i++) {
            ExactSum sum = new ExactSum();
            sum.addProduct(anyDouble(random), anyDouble(random), anyDouble(random));
            sum.add(anyDouble(random));
            String text = sum.toString();
            ExactSum.Exact parsed = ExactSum.parse(text);
            assertThat(parsed).isEqualTo(sum.exact());
            ExactSum again = new ExactSum();
            again.add(parsed);
            assertThat(again.exact()).isEqualTo(sum.exact());
        }
        assertThat(ExactSum.parse("0x1bp-4").toDouble()).isEqualTo(27.0 / 16);
        assertThat(ExactSum.parse("-0x3p0").toDouble()).isEqualTo(-3.0);
        assertThat(ExactSum.parse("0")).isEqualTo(ExactSum.Exact.ZERO);
        // not canonical (even mantissa, upper case, a sign on 0), or out of range: refused
        assertThat(ExactSum.parse("0x2p0")).isNull();
        assertThat(ExactSum.parse("0x1Bp0")).isNull();
        assertThat(ExactSum.parse("-0")).isNull();
        assertThat(ExactSum.parse("0x1p999999")).isNull();
        assertThat(ExactSum.parse("1.5")).isNull();
    }

    @Test
    void refusesWhatIsNotFinite() {
        ExactSum sum = new ExactSum();
        assertThatThrownBy(() -> sum.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sum.addProduct(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
