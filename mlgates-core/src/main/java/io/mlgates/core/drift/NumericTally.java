package io.mlgates.core.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * Accumulates one numeric column in a streaming pass: counts each distinct finite value exactly until the
 * settings' cap, then folds the counted values into a {@link QuantileSketch} and starts counting afresh. Tallies of
 * parts of a file merge. Mutable and not thread-safe: one per column per reading thread.
 */
public final class NumericTally {
    private final SketchSettings settings;
    private long rows;
    private long nulls;
    /** Open addressing over the values' bits; a slot is used when its count is positive. */
    private long[] keys = new long[64];
    private long[] counts = new long[64];
    private int distinct;
    private QuantileSketch sketch;

    public NumericTally(SketchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** One row's value; NaN and ±infinity count as nulls, as Evidently drops them. */
    public void add(double value) {
        rows++;
        if (!Double.isFinite(value)) {
            nulls++;
            return;
        }
        count(value + 0.0, 1);
    }

    /** One row without a value. */
    public void addNull() {
        rows++;
        nulls++;
    }

    /** Adds another tally's rows to this one. */
    public void merge(NumericTally other) {
        rows = Math.addExact(rows, other.rows);
        nulls = Math.addExact(nulls, other.nulls);
        for (int i = 0; i < other.keys.length; i++) {
            if (other.counts[i] > 0) {
                count(Double.longBitsToDouble(other.keys[i]), other.counts[i]);
            }
        }
        if (other.sketch != null) {
            sketch = sketch == null ? other.sketch : sketch.merge(other.sketch, settings);
        }
    }

    /** The column so far. */
    public NumericSummary summary() {
        NumericDistribution counted = counted();
        return new NumericSummary(rows, nulls, sketch == null ? counted : sketch.merge(counted, settings));
    }

    private void count(double value, long n) {
        long bits = Double.doubleToLongBits(value);
        int mask = keys.length - 1;
        int slot = mix(bits) & mask;
        while (counts[slot] > 0 && keys[slot] != bits) {
            slot = (slot + 1) & mask;
        }
        if (counts[slot] == 0) {
            keys[slot] = bits;
            distinct++;
        }
        counts[slot] += n;
        if (distinct > settings.distinctCap()) {
            ExactValues counted = counted();
            sketch = sketch == null ? QuantileSketch.of(counted, settings) : sketch.merge(counted, settings);
            // The table keeps its size: the next batch will fill it as far.
            Arrays.fill(counts, 0);
            distinct = 0;
        } else if (distinct * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] > 0) {
                int slot = mix(oldKeys[i]) & mask;
                while (counts[slot] > 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private ExactValues counted() {
        double[] v = new double[distinct];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] > 0) {
                v[n++] = Double.longBitsToDouble(keys[i]);
            }
        }
        Arrays.sort(v);
        long[] c = new long[n];
        int mask = keys.length - 1;
        for (int j = 0; j < n; j++) {
            long bits = Double.doubleToLongBits(v[j]);
            int slot = mix(bits) & mask;
            while (keys[slot] != bits || counts[slot] == 0) {
                slot = (slot + 1) & mask;
            }
            c[j] = counts[slot];
        }
        return ExactValues.wrap(v, c);
    }

    /** Murmur3's finaliser: spreads the bits of values that differ only in their low mantissa bits. */
    private static int mix(long bits) {
        long h = bits;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
