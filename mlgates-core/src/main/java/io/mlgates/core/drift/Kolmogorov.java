package io.mlgates.core.drift;

import org.apache.commons.math3.special.Gamma;

/**
 * The p-value of the two-sample Kolmogorov–Smirnov test as scipy 1.10's {@code ks_2samp} computes it (two-sided,
 * method 'auto'): exact when neither sample exceeds 10 000 values (Hodges' lattice-path count, in Viehmann's
 * form for 1 − p, or the closed form for equal sizes), otherwise the one-sample Kolmogorov distribution at
 * n = round(n1·n2 / (n1 + n2)) (Simard and L'Ecuyer's choice of method by n and x). See docs/drift.md.
 */
final class Kolmogorov {
    /** scipy's MAX_AUTO_N: 'auto' is exact while both samples have at most this many values. */
    static final long MAX_EXACT = 10_000;

    private static final double TWO_128 = Math.scalb(1.0, 128);
    private static final double TWO_MINUS_128 = Math.scalb(1.0, -128);
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Kolmogorov() {
    }

    /** The statistic as scipy reports it (rounded to a multiple of 1/lcm on the exact path) and its p-value. */
    record Result(double statistic, double pValue, boolean exact) {
    }

    static Result twoSample(long n1, long n2, double d) {
        if (Math.max(n1, n2) <= MAX_EXACT) {
            long g = gcd(n1, n2);
            long lcm = (n1 / g) * n2;
            long h = (long) Math.rint(d * lcm);
            double rounded = (double) h / lcm;
            if (h == 0) {
                return new Result(rounded, 1.0, true);
            }
            double p = n1 == n2 ? outsideSquare(n1, h) : outsideInside(n1, n2, g, h);
            if (p >= 0 && p <= 1) {
                return new Result(rounded, p, true);
            }
            d = rounded;
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        return new Result(d, clip(oneSampleSurvival((long) Math.rint(en), d)), false);
    }

    /** P(D ≥ h/n) for two samples of n each: 2·Σ ±binom(2n, n − kh)/binom(2n, n), summed in Horner form. */
    private static double outsideSquare(long n, long h) {
        double p = 0;
        for (long k = n / h; k >= 0; k--) {
            double term = 1;
            for (long j = 0; j < h; j++) {
                term = (n - k * h - j) * term / (n + k * h + j + 1);
            }
            p = term * (1 - p);
        }
        return 2 * p;
    }

    /**
     * The share of lattice paths from (0, 0) to (m, n) that leave the band |x/m − y/n| < h/lcm, by the column
     * recursion for 1 − p: one sliding window of a column kept at a time.
     */
    private static double outsideInside(long first, long second, long g, long h) {
        long m = Math.max(first, second);
        long n = Math.min(first, second);
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.min(ceilDiv(h, mg), n + 1);
        long curlen = maxj - minj;
        int lenA = (int) Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        for (long j = minj; j < Math.min(maxj, lenA); j++) {
            a[(int) j] = 0.0;
        }
        for (long i = 1; i <= m; i++) {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0), n);
            maxj = Math.min(ceilDiv(ng * i + h, mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[(int) (jj + minj - lastminj)] * i + val * j) / (i + j);
                a[(int) jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                long from = maxj - minj;
                long to = Math.min(from + (lastlen - curlen), lenA);
                for (long k = from; k < to; k++) {
                    a[(int) k] = 1.0;
                }
            }
        }
        return a[(int) (maxj - minj - 1)];
    }

    /**
     * P(D_n ≥ x) for the one-sample two-sided statistic (scipy's {@code kstwo.sf}), choosing the method as
     * Simard and L'Ecuyer do. Where scipy uses Pomeranz's recursion (n ≤ 140, 0.754693 < n·x² ≤ 4) this uses
     * the Durbin matrix, another exact method for the same probability.
     */
    static double oneSampleSurvival(long n, double x) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        if (x >= 1) {
            return 0;
        }
        if (x <= 0) {
            return 1;
        }
        double t = n * x;
        if (t <= 1) {
            if (t <= 0.5) {
                return 1;
            }
            double p;
            if (n <= 140) {
                p = 1;
                for (long i = 1; i <= n; i++) {
                    p *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                p = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            }
            return clip(1 - p);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 4) {
                return clip(1 - durbin(n, x));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nxSquared >= 370) {
            return 0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf;
        if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdf = durbin(n, x);
        } else {
            cdf = pelzGood(n, x);
        }
        return clip(1 - cdf);
    }

    /** log(n!/n^n) by Stirling's series with n·log n removed first, as scipy computes it. */
    private static double logFactorialOverPower(long n) {
        double[] stirling = {-2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
            8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
            -2.7777777777777777778e-3, 8.3333333333333333333e-2};
        double rn = 1.0 / n;
        double z = rn / n;
        double poly = 0;
        for (double c : stirling) {
            poly = poly * z + c;
        }
        return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
    }

    /**
     * P(D_n^+ ≥ x), Birnbaum and Tingey's exact sum x·Σ_{v ≤ n(1−x)} C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v),
     * each term in logarithms.
     */
    static double smirnov(long n, double x) {
        if (x <= 0) {
            return 1;
        }
        if (x >= 1) {
            return 0;
        }
        long last = (long) Math.floor(n * (1 - x));
        double logFactorialN = Gamma.logGamma(n + 1.0);
        double sum = 0;
        for (long v = 0; v <= last; v++) {
            double evn = x + (double) v / n;
            double rest = 1 - evn;
            if (rest <= 0) {
                if (v == n) {
                    sum += Math.pow(evn, v - 1);
                }
                continue;
            }
            double log = logFactorialN - Gamma.logGamma(v + 1.0) - Gamma.logGamma(n - v + 1.0)
                    + (v - 1) * Math.log(evn) + (n - v) * Math.log(rest);
            sum += Math.exp(log);
        }
        return sum * x;
    }

    /** P(D_n < x) by Durbin's matrix in Marsaglia, Tsang and Wang's form, with scaled powers. */
    static double durbin(long n, double d) {
        if (d >= 1) {
            return 1;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1 - Math.pow(h, j)) * fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1 + tt) * fac;
        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - i + 1];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        double[][] power = identity(m);
        long nn = n;
        long exponent = 0;
        long hExponent = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                exponent += hExponent;
            }
            hm = multiply(hm, hm);
            hExponent *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > TWO_128) {
                scale(hm, TWO_MINUS_128);
                hExponent += 128;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (long i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < TWO_MINUS_128) {
                p *= TWO_128;
                exponent -= 128;
            }
        }
        return clip(Math.scalb(p, (int) exponent));
    }

    /** Pelz and Good's approximation of P(D_n ≤ x) for large n. */
    static double pelzGood(long n, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI_SQUARED / 8 / z2;
        if (qlog < -708) {
            return 0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
        double k2c = PI_SQUARED * PI_SQUARED * (1 - 2 * z2) / 16;
        double k3d = Math.pow(Math.PI, 6) * (5 - 30 * z2) / 64;
        double k3c = PI_SQUARED * PI_SQUARED * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] k = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int j = maxk; j > 0; j--) {
            double mm = 2 * j - 1;
            double m2 = mm * mm;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qpower = Math.pow(q, 8 * j);
            double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
                k3a + k3b * m2 + k3c * m4 + k3d * m6};
            for (int i = 0; i < 4; i++) {
                k[i] = k[i] * qpower + coeffs[i];
            }
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] = k[i] * q * SQRT_2PI / divisors[i];
        }
        double q2 = Math.exp(-PI_SQUARED / 2 / z2);
        double k2extra = 0;
        double k3extra = 0;
        double sqrt3z = Math.sqrt(3) * z;
        for (int j = maxk; j > 0; j--) {
            double j2 = (double) j * j;
            double qp = Math.pow(q2, j2);
            k2extra += j2 * qp;
            double kspi = Math.PI * j;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * j2 * qp;
        }
        k[2] += k2extra * PI_SQUARED * SQRT_2PI / (-36 * z3);
        k[3] += k3extra * PI_SQUARED * SQRT_2PI / (216 * z6);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += k[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }

    private static double[][] identity(int m) {
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            r[i][i] = 1;
        }
        return r;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail != 0) {
                    for (int j = 0; j < m; j++) {
                        r[i][j] += ail * b[l][j];
                    }
                }
            }
        }
        return r;
    }

    private static void scale(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static double clip(double p) {
        return Math.min(1, Math.max(0, p));
    }
}
