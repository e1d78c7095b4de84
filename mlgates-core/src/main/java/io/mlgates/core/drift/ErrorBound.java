package io.mlgates.core.drift;

import java.util.OptionalDouble;

/**
 * How far a result computed from a quantile sketch can be from the exact one.
 *
 * @param rankError the largest error of the sketched side's cumulative share at any point (the sum over sides
 *     when both are sketched): every bin's share is within twice this of the exact share
 * @param statisticError a bound on |statistic − exact statistic| where the method allows one (KS: the rank
 *     error; Wasserstein: the mass of the sketch's buckets times their widths, divided by the standard deviation);
 *     empty for the binned methods, whose statistic has no such bound
 */
public record ErrorBound(double rankError, OptionalDouble statisticError) {
    public ErrorBound {
        if (!(rankError >= 0 && rankError <= 1)) {
            throw new IllegalArgumentException("rank error must be a share in [0, 1], got " + rankError);
        }
        if (statisticError == null) {
            throw new NullPointerException("statisticError");
        }
        if (statisticError.isPresent() && !(statisticError.getAsDouble() >= 0
                && Double.isFinite(statisticError.getAsDouble()))) {
            throw new IllegalArgumentException("statistic error must be finite and >= 0");
        }
    }
}
