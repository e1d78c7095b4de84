package io.mlgates.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Downsamples the operating points of every distinct score to a bounded list, in one walk over the sorted scores.
 * A point is kept when it lies at least {@code step} from the last kept one in true positive rate plus false
 * positive rate; both rise from 0 to 1 along the curve, so at most 2 / step points are kept whatever the row count,
 * and between two kept points the true curve strays less than {@code step} from the straight line drawn.
 */
final class OperatingPoints {
    private OperatingPoints() {
    }

    /** Needs at least one positive and one negative; the last point (the lowest score, (1, 1)) is always kept. */
    static List<OperatingPoint> sample(ScoreGroups groups, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("at least two points: " + maxPoints);
        }
        RankMetrics.Scale scale = groups.scale();
        if (!(scale.positives > 0 && scale.negatives > 0)) {
            throw new IllegalArgumentException("operating points need both classes");
        }
        // A hair above 2 / (maxPoints - 1), so that rounding in the sums cannot let one point too many through.
        double step = 2.0 / (maxPoints - 1) * (1 + 1e-9);
        List<OperatingPoint> kept = new ArrayList<>();
        double[] last = {0, 0}; // true and false positive rate of the last kept point; the curve starts at (0, 0)
        groups.walk((s, pRows, nRows, tpAbove, tp, fpAbove, fp, isLast) -> {
            double tpr = isLast ? 1 : Intervals.clamp01(tp / scale.positives);
            double fpr = isLast ? 1 : Intervals.clamp01(fp / scale.negatives);
            boolean farEnough = (tpr - last[0]) + (fpr - last[1]) >= step && kept.size() < maxPoints - 1;
            if (isLast || farEnough) {
                kept.add(new OperatingPoint(s, tpr, fpr, Intervals.clamp01(scale.precision(tp, fp))));
                last[0] = tpr;
                last[1] = fpr;
            }
        });
        return kept;
    }
}
