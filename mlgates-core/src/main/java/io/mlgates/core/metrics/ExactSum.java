package io.mlgates.core.metrics;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact sum of doubles and of exact products of doubles: a fixed-point accumulator wide enough for every bit
 * of every such term (a "superaccumulator", after Kulisch and Neal), kept as 32-bit digits in {@code long}s so that
 * an addition touches at most five of them and a carry is propagated only once in 2^30 additions. A double is first
 * added to a lazy tier, the sum of the mantissas of each binary exponent, which costs one addition and is settled
 * into the digits every 2^10 additions and before the sum is read or merged. Since no
 * addition rounds, sums taken in any order, split and merged in any way, are the same number, bit for bit; it is
 * rounded once, correctly (to nearest, ties to even), when read.
 *
 * <p>Only the digits a sum has touched are stored (a window that grows), so a sum of probabilities and unit weights
 * holds a handful of {@code long}s. The range covers every product of three finite doubles, 2^-3222 to 2^3072, so
 * that no term overflows or underflows on the way; a value read beyond double's range is infinite, which the callers
 * report as undefined. Not thread-safe.
 */
public final class ExactSum {
    private static final int DIGIT_BITS = 32;
    private static final long DIGIT_MASK = 0xFFFF_FFFFL;
    /** Lowest and highest bit any term may touch (a product of three subnormals; of three values near 2^1024). */
    static final int MIN_BIT = -3300;
    static final int MAX_BIT = 3300;
    /** Additions between carry propagations: each adds less than 2^32 to a digit, so a long cannot overflow. */
    private static final int MAX_PENDING = 1 << 30;
    /** A multiple of 32 above -MIN_BIT: bit positions plus it are never negative. */
    private static final int OFFSET = 3328;
    private static final int OFFSET_DIGITS = OFFSET / DIGIT_BITS;
    private static final Pattern CANONICAL = Pattern.compile("0|(-?)0x([0-9a-f]+)p(-?[0-9]+)");

    /** Additions of doubles into the buckets between two settlings: 2^10 mantissas of 53 bits stay below 2^63. */
    static final int LAZY_ADDS = 1 << 10;
    /** Binary exponents a window of buckets grows by: the terms of one sum mostly lie within a few dozen. */
    private static final int BUCKET_WINDOW = 64;

    private static final long[] NO_BUCKETS = new long[0];

    /** digits[i] weighs 2^(32 (i + low)). */
    private long[] digits = new long[0];
    private int low;
    private int pending;
    /**
     * The lazy tier: buckets[i] is the sum of the mantissas (with their signs) of the doubles added since the last
     * settling whose biased exponent is bucketLow + i, so that it weighs 2^(bucketLow + i - 1075).
     */
    private long[] buckets = NO_BUCKETS;
    private int bucketLow;
    private int lazyAdds;

    public ExactSum() {
    }

    /**
     * Adds a finite double, the hot path of every accumulator: its mantissa goes into the bucket of its binary
     * exponent, a single addition; the buckets are settled into the digits every {@link #LAZY_ADDS} additions and
     * whenever the sum is read or merged. A zero, a subnormal or an exponent outside the buckets' window takes the
     * digits' path.
     */
    public void add(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52) & 0x7FF;
        int i = biased - bucketLow;
        // the window lies within biased exponents 1 to 0x7FE: a zero, a subnormal and a non-finite x fall outside it
        if (i < 0 || i >= buckets.length) {
            addOutsideBuckets(x, biased);
            return;
        }
        long sign = bits >> 63; // 0 or -1
        long m = (bits & 0xF_FFFF_FFFF_FFFFL | 1L << 52) ^ sign;
        buckets[i] += m - sign; // the mantissa, negated for a negative x
        if (++lazyAdds == LAZY_ADDS) {
            settle();
        }
    }

    /** A zero, a subnormal, an infinity or NaN, or a normal double whose exponent the buckets do not cover yet. */
    private void addOutsideBuckets(double x, int biased) {
        if (biased == 0x7FF) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        if (biased == 0) {
            addToDigits(x);
            return;
        }
        widenBuckets(biased);
        add(x);
    }

    /** Widens the buckets' window to cover a biased exponent, by at least a window's length each time. */
    private void widenBuckets(int biased) {
        if (buckets.length == 0) {
            int from = Math.max(1, biased - BUCKET_WINDOW / 2);
            int to = Math.min(0x7FE, from + BUCKET_WINDOW - 1);
            buckets = new long[to - from + 1];
            bucketLow = from;
            return;
        }
        int high = bucketLow + buckets.length - 1;
        int from = biased < bucketLow ? Math.max(1, Math.min(biased, bucketLow - BUCKET_WINDOW)) : bucketLow;
        int to = biased > high ? Math.min(0x7FE, Math.max(biased, high + BUCKET_WINDOW)) : high;
        long[] grown = new long[to - from + 1];
        System.arraycopy(buckets, 0, grown, bucketLow - from, buckets.length);
        buckets = grown;
        bucketLow = from;
    }

    /**
     * Moves the buckets into the digits: each holds the sum of fewer than {@link #LAZY_ADDS} mantissas of 53 bits,
     * below 2^63 in magnitude, at its exponent.
     */
    private void settle() {
        lazyAdds = 0;
        long[] b = buckets;
        for (int i = 0; i < b.length; i++) {
            long v = b[i];
            if (v != 0) {
                b[i] = 0;
                addMagnitude(0, Math.abs(v), bucketLow + i - 1075, v < 0);
            }
        }
    }

    /** Adds a finite double straight into the digits: three digits at most. */
    private void addToDigits(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long m = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased == 0) {
            if (m == 0) {
                return;
            }
            biased = 1;
        } else if (biased == 0x7FF) {
            throw new IllegalArgumentException("not a finite number: " + x);
        } else {
            m |= 1L << 52;
        }
        int position = biased - 1075 + OFFSET; // >= 0: no floor division needed
        int k = (position >>> 5) - OFFSET_DIGITS;
        int s = position & 31;
        long lo = m << s;
        long hi = s == 0 ? 0 : m >>> (64 - s); // below 2^21
        int at = k - low;
        if (at < 0 || at + 3 >= digits.length) {
            cover(k, k + 2);
            at = k - low;
        }
        long[] d = digits;
        if (bits < 0) {
            d[at] -= lo & DIGIT_MASK;
            d[at + 1] -= lo >>> DIGIT_BITS;
            d[at + 2] -= hi;
        } else {
            d[at] += lo & DIGIT_MASK;
            d[at + 1] += lo >>> DIGIT_BITS;
            d[at + 2] += hi;
        }
        if (++pending >= MAX_PENDING) {
            normalize();
        }
    }

    /** Adds a * b exactly, without rounding the product (finite a and b). */
    public void addProduct(double a, double b) {
        if (a == 1.0) {
            add(b);
            return;
        }
        long ma = mantissa(a);
        long mb = mantissa(b);
        if (ma == 0 || mb == 0) {
            return;
        }
        addMagnitude(Math.multiplyHigh(ma, mb), ma * mb, exponent(a) + exponent(b), (a < 0) != (b < 0));
    }

    /** Adds a * b * c exactly (finite a, b and c). */
    public void addProduct(double a, double b, double c) {
        long ma = mantissa(a);
        long mb = mantissa(b);
        long mc = mantissa(c);
        if (ma == 0 || mb == 0 || mc == 0) {
            return;
        }
        int e = exponent(a) + exponent(b) + exponent(c);
        boolean negative = (a < 0) ^ (b < 0) ^ (c < 0);
        long hi = Math.multiplyHigh(ma, mb); // below 2^42
        long lo = ma * mb; // unsigned low 64 bits
        // (hi 2^64 + lo) mc = hi mc 2^64 + lo mc: two products of at most 117 bits
        addMagnitude(unsignedMultiplyHigh(lo, mc), lo * mc, e, negative);
        addMagnitude(Math.multiplyHigh(hi, mc), hi * mc, e + 64, negative);
    }

    /** Adds another sum; {@code other} is unchanged (and may be this). */
    public void add(ExactSum other) {
        other.settle();
        if (other != this) {
            other.buckets = NO_BUCKETS; // a merged sum is mostly added to no more: its window need not stay
        }
        settle();
        if (other.digits.length == 0) {
            return;
        }
        long[] od = other.digits.clone();
        int oLow = other.low;
        int oPending = other.pending;
        cover(oLow, oLow + od.length - 1);
        for (int i = 0; i < od.length; i++) {
            digits[oLow + i - low] += od[i];
        }
        pending += oPending + 1;
        if (pending >= MAX_PENDING) {
            normalize();
        }
    }

    /** The exact value. */
    public Exact exact() {
        settle();
        normalize();
        BigInteger m = BigInteger.ZERO;
        for (int i = digits.length - 1; i >= 0; i--) {
            m = m.shiftLeft(DIGIT_BITS).add(BigInteger.valueOf(digits[i]));
        }
        return Exact.of(m, DIGIT_BITS * low);
    }

    /** The sum, correctly rounded; infinite beyond double's range. */
    public double value() {
        return exact().toDouble();
    }

    /** Whether the sum is exactly 0. */
    public boolean isZero() {
        return exact().mantissa().signum() == 0;
    }

    /** This sum over {@code other}'s, from the exact values: no overflow whatever their size. */
    public double ratioTo(ExactSum other) {
        return exact().divide(other.exact());
    }

    /** Adds an exact value, e.g. one read from a statistics file. */
    public void add(Exact value) {
        if (value.mantissa().signum() == 0) {
            return;
        }
        BigInteger m = value.mantissa().abs();
        boolean negative = value.mantissa().signum() < 0;
        int e = value.exponent();
        // 64 bits at a time, from the lowest
        for (int shift = 0; shift < m.bitLength(); shift += 64) {
            long chunk = m.shiftRight(shift).longValue();
            if (chunk != 0) {
                addMagnitude(0, chunk, e + shift, negative);
            }
        }
    }

    @Override
    public String toString() {
        return exact().toString();
    }

    private static long mantissa(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52) & 0x7FF;
        if (biased == 0x7FF) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        long m = bits & 0xF_FFFF_FFFF_FFFFL;
        return biased == 0 ? m : m | 1L << 52;
    }

    private static int exponent(double x) {
        int biased = (int) (Double.doubleToRawLongBits(x) >>> 52) & 0x7FF;
        return Math.max(biased, 1) - 1075;
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** Adds or subtracts (hi 2^64 + lo) 2^exponent, hi and lo unsigned, hi below 2^63. */
    private void addMagnitude(long hi, long lo, int exponent, boolean negative) {
        if (hi == 0 && lo == 0) {
            return;
        }
        int k = Math.floorDiv(exponent, DIGIT_BITS);
        int s = exponent - DIGIT_BITS * k;
        if (exponent < MIN_BIT || exponent > MAX_BIT) {
            throw new ArithmeticException("a term beyond 2^" + MAX_BIT + " or below 2^" + MIN_BIT);
        }
        long w0 = lo << s;
        long w1 = s == 0 ? hi : hi << s | lo >>> (64 - s);
        long w2 = s == 0 ? 0 : hi >>> (64 - s);
        long d0 = w0 & DIGIT_MASK;
        long d1 = w0 >>> DIGIT_BITS;
        long d2 = w1 & DIGIT_MASK;
        long d3 = w1 >>> DIGIT_BITS;
        long d4 = w2 & DIGIT_MASK;
        int top = d4 != 0 ? 4 : d3 != 0 ? 3 : d2 != 0 ? 2 : d1 != 0 ? 1 : 0;
        int bottom = d0 != 0 ? 0 : d1 != 0 ? 1 : d2 != 0 ? 2 : d3 != 0 ? 3 : 4;
        cover(k + bottom, k + top);
        int at = k - low;
        if (negative) {
            d0 = -d0;
            d1 = -d1;
            d2 = -d2;
            d3 = -d3;
            d4 = -d4;
        }
        long[] d = digits;
        // only the digits inside the window: the others are 0
        if (bottom <= 0) {
            d[at] += d0;
        }
        if (bottom <= 1 && top >= 1) {
            d[at + 1] += d1;
        }
        if (bottom <= 2 && top >= 2) {
            d[at + 2] += d2;
        }
        if (bottom <= 3 && top >= 3) {
            d[at + 3] += d3;
        }
        if (top >= 4) {
            d[at + 4] += d4;
        }
        if (++pending >= MAX_PENDING) {
            normalize();
        }
    }

    /** Widens the window to digits from..to, with a spare digit above for carries. */
    private void cover(int from, int to) {
        if (digits.length == 0) {
            checkRange(from, to);
            digits = new long[to - from + 2];
            low = from;
            return;
        }
        int high = low + digits.length - 1;
        if (from >= low && to < high) {
            return;
        }
        checkRange(from, to);
        int newLow = Math.min(low, from);
        int newHigh = Math.max(high, to + 1);
        long[] grown = new long[newHigh - newLow + 1];
        System.arraycopy(digits, 0, grown, low - newLow, digits.length);
        digits = grown;
        low = newLow;
    }

    private static void checkRange(int from, int to) {
        if (from * DIGIT_BITS < MIN_BIT - DIGIT_BITS || (to + 1) * DIGIT_BITS > MAX_BIT + 2 * DIGIT_BITS) {
            throw new ArithmeticException("a term beyond 2^" + MAX_BIT + " or below 2^" + MIN_BIT);
        }
    }

    /** Propagates carries so that every digit but the top one lies in [0, 2^32). */
    private void normalize() {
        pending = 0;
        long carry = 0;
        for (int i = 0; i < digits.length; i++) {
            long d = digits[i] + carry;
            carry = d >> DIGIT_BITS;
            digits[i] = i == digits.length - 1 ? d : d & DIGIT_MASK;
        }
        // the top digit keeps the sign; the spare digit above every term keeps it from overflowing
    }

    /** Parses {@link Exact#toString()}'s form, e.g. {@code 0x1bp-4}; null when {@code text} is not in that form. */
    public static Exact parse(String text) {
        Matcher m = CANONICAL.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if (text.equals("0")) {
            return Exact.ZERO;
        }
        String hex = m.group(2);
        if (hex.length() > (MAX_BIT - MIN_BIT) / 4 + 16 || m.group(3).length() > 6) {
            return null;
        }
        BigInteger mantissa = new BigInteger(hex, 16);
        int exponent = Integer.parseInt(m.group(3));
        if (mantissa.signum() == 0 || exponent < MIN_BIT || exponent + mantissa.bitLength() > MAX_BIT + 64) {
            return null;
        }
        Exact value = Exact.of(m.group(1).isEmpty() ? mantissa : mantissa.negate(), exponent);
        return value.toString().equals(text) ? value : null;
    }

    /**
     * An exact binary number, mantissa * 2^exponent, kept with an odd mantissa (or 0 with exponent 0) so that each
     * number has one form.
     */
    public record Exact(BigInteger mantissa, int exponent) {
        public static final Exact ZERO = new Exact(BigInteger.ZERO, 0);

        public Exact {
            if (mantissa.signum() == 0 ? exponent != 0 : !mantissa.testBit(0)) {
                throw new IllegalArgumentException("not in canonical form: " + mantissa + " * 2^" + exponent);
            }
        }

        public static Exact of(BigInteger m, int e) {
            if (m.signum() == 0) {
                return ZERO;
            }
            int zeros = m.getLowestSetBit();
            return new Exact(m.shiftRight(zeros), e + zeros);
        }

        public Exact add(Exact other) {
            if (mantissa.signum() == 0) {
                return other;
            }
            if (other.mantissa.signum() == 0) {
                return this;
            }
            int e = Math.min(exponent, other.exponent);
            return of(mantissa.shiftLeft(exponent - e).add(other.mantissa.shiftLeft(other.exponent - e)), e);
        }

        public Exact negate() {
            return new Exact(mantissa.negate(), exponent);
        }

        public Exact multiply(Exact other) {
            return of(mantissa.multiply(other.mantissa), exponent + other.exponent);
        }

        /** Times 2^n. */
        public Exact scale(int n) {
            return mantissa.signum() == 0 ? this : new Exact(mantissa, exponent + n);
        }

        public int signum() {
            return mantissa.signum();
        }

        /** Correctly rounded to the nearest double (ties to even); infinite beyond double's range. */
        public double toDouble() {
            return round(mantissa, exponent, false);
        }

        /** This over {@code other}, correctly rounded; NaN when {@code other} is 0. */
        public double divide(Exact other) {
            if (other.mantissa.signum() == 0) {
                return Double.NaN;
            }
            if (mantissa.signum() == 0) {
                return 0.0;
            }
            // a quotient of at least 55 bits, with a sticky bit for what the division left: enough to round once
            int shift = Math.max(0, 56 + other.mantissa.bitLength() - mantissa.bitLength());
            BigInteger[] qr = mantissa.shiftLeft(shift).divideAndRemainder(other.mantissa);
            return round(qr[0], exponent - shift - other.exponent, qr[1].signum() != 0);
        }

        /**
         * Rounds m 2^e (plus a hair when {@code sticky}: the value lies strictly above |m| 2^e, below the next
         * unit) to the nearest double.
         */
        private static double round(BigInteger m, int e, boolean sticky) {
            if (m.signum() == 0) {
                return 0.0;
            }
            boolean negative = m.signum() < 0;
            BigInteger a = m.abs();
            int length = a.bitLength();
            long top = (long) e + length - 1; // exponent of the leading bit
            if (top > Double.MAX_EXPONENT) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            // bits kept: 53, fewer for a subnormal result (down to 2^-1074)
            long keep = top >= Double.MIN_EXPONENT ? 53 : top + 1075;
            long drop = length - keep;
            long q;
            if (drop <= 0) {
                q = a.longValueExact() << -drop;
            } else {
                BigInteger kept = a.shiftRight((int) Math.min(drop, Integer.MAX_VALUE));
                q = kept.signum() == 0 ? 0 : kept.longValueExact();
                // compare the dropped bits with one half of the last kept unit
                int cmp;
                if (drop > length) {
                    cmp = -1; // even the leading bit lies below the half
                } else {
                    boolean halfBit = a.testBit((int) drop - 1);
                    boolean below = a.getLowestSetBit() < drop - 1 || sticky;
                    cmp = !halfBit ? -1 : below ? 1 : 0;
                }
                if (cmp > 0 || cmp == 0 && (q & 1) == 1) {
                    q++;
                }
            }
            long unitExponent = e + drop; // q's last bit
            double magnitude = q == 0 ? 0.0 : Math.scalb((double) q, (int) unitExponent);
            return negative ? -magnitude : magnitude;
        }

        /** {@code 0}, or a hexadecimal odd mantissa and a decimal binary exponent: {@code -0x1bp-4} is -27/16. */
        @Override
        public String toString() {
            if (mantissa.signum() == 0) {
                return "0";
            }
            return (mantissa.signum() < 0 ? "-" : "") + "0x" + mantissa.abs().toString(16).toLowerCase(Locale.ROOT)
                    + "p" + exponent;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactSum other && exact().equals(other.exact());
    }

    @Override
    public int hashCode() {
        return exact().hashCode();
    }
}
