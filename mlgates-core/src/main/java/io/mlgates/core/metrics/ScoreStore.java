package io.mlgates.core.metrics;

import java.util.Arrays;

/**
 * The scores of one class (positives or negatives), kept for the exact rank metrics: a growable {@code float[]}
 * (4 bytes a row), and a parallel {@code double[]} of weights that is allocated only once a weight other than 1 is
 * seen. Order does not matter to the metrics, so {@link #sort()} sorts in place and keeps the weights paired.
 * Not thread-safe.
 */
final class ScoreStore {
    private static final int INITIAL_CAPACITY = 64;
    /** Largest array length the JVM is known to grant. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private float[] scores = new float[0];
    private double[] weights; // null while every weight is 1
    private int size;
    private boolean sorted = true;

    void add(double score, double weight) {
        ensureCapacity(size + 1L);
        // + 0.0f turns -0.0f into 0.0f, so that equal scores have equal bits
        scores[size] = (float) score + 0.0f;
        if (weight != 1.0 && weights == null) {
            allocateWeights();
        }
        if (weights != null) {
            weights[size] = weight;
        }
        size++;
        sorted = size <= 1;
    }

    void merge(ScoreStore other) {
        int otherSize = other.size; // read first: other may be this
        if (otherSize == 0) {
            return;
        }
        float[] otherScores = other.scores;
        double[] otherWeights = other.weights;
        ensureCapacity((long) size + otherSize);
        System.arraycopy(otherScores, 0, scores, size, otherSize);
        if (otherWeights != null && weights == null) {
            allocateWeights();
        }
        if (weights != null) {
            if (otherWeights != null) {
                System.arraycopy(otherWeights, 0, weights, size, otherSize);
            } else {
                Arrays.fill(weights, size, size + otherSize, 1.0);
            }
        }
        size += otherSize;
        sorted = false;
    }

    int size() {
        return size;
    }

    boolean hasWeightStorage() {
        return weights != null;
    }

    /** Sorts ascending by score, keeping each weight with its score. Idempotent and cheap when already sorted. */
    void sort() {
        if (sorted) {
            return;
        }
        if (weights == null) {
            Arrays.sort(scores, 0, size);
        } else {
            sortWeighted();
        }
        sorted = true;
    }

    /** Score at index i; ascending after {@link #sort()}. */
    float score(int i) {
        return scores[i];
    }

    /** Weight at index i. */
    double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    private void sortWeighted() {
        // Scores lie in [0, 1] and are never -0.0f, so their bit patterns are non-negative ints ordered like the
        // floats: a key of (bits << 32 | index) sorts by score, and the index brings the weight along.
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) Float.floatToRawIntBits(scores[i]) << 32) | i;
        }
        Arrays.sort(keys);
        double[] sortedWeights = new double[weights.length];
        for (int i = 0; i < size; i++) {
            long key = keys[i];
            scores[i] = Float.intBitsToFloat((int) (key >>> 32));
            sortedWeights[i] = weights[(int) key];
        }
        weights = sortedWeights;
    }

    private void allocateWeights() {
        weights = new double[scores.length];
        Arrays.fill(weights, 0, size, 1.0);
    }

    private void ensureCapacity(long needed) {
        if (needed <= scores.length) {
            return;
        }
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException("more than " + MAX_CAPACITY + " scores in one class");
        }
        long grown = Math.max(INITIAL_CAPACITY, scores.length + (scores.length >> 1));
        int capacity = (int) Math.min(MAX_CAPACITY, Math.max(needed, grown));
        scores = Arrays.copyOf(scores, capacity);
        if (weights != null) {
            weights = Arrays.copyOf(weights, capacity);
        }
    }
}
