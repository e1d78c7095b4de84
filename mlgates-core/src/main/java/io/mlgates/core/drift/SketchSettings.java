package io.mlgates.core.drift;

/**
 * When a numeric summary stops keeping every distinct value, and how fine its sketch is.
 *
 * @param distinctCap the most distinct values kept exactly; past it the values go into a quantile sketch
 * @param sketchBuckets the sketch's target number of buckets: each holds about {@code count / sketchBuckets}
 *     values, so the rank error is a few times {@code 1 / sketchBuckets} (each result states the actual bound)
 */
public record SketchSettings(int distinctCap, int sketchBuckets) {
    /** 65 536 distinct values exactly (1 MiB per column), then 8192 buckets: rank error a few in 10 000. */
    public static final SketchSettings DEFAULT = new SketchSettings(65_536, 8192);

    public SketchSettings {
        // KS on a reference of up to 1000 rows compares every value, so at least that many stay exact.
        if (distinctCap < 1000) {
            throw new IllegalArgumentException("the distinct-value cap must be at least 1000, got " + distinctCap);
        }
        if (sketchBuckets < 16 || sketchBuckets > distinctCap) {
            throw new IllegalArgumentException("sketch buckets must be in [16, cap], got " + sketchBuckets);
        }
    }
}
