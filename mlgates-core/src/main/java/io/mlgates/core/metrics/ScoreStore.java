package io.mlgates.core.metrics;

import java.util.Arrays;

/**
 * The scores of one class (positives or negatives), kept for the exact rank metrics: a growable {@code double[]}
 * (8 bytes a row), so that two scores tie exactly when their doubles are equal, as in scikit-learn; and a parallel
 * {@code double[]} of weights that is allocated only once a weight other than 1 is seen. Order does not matter to
 * the metrics, so {@link #sort()} sorts in place and keeps the weights paired. Not thread-safe.
 */
final class ScoreStore {
    private static final int INITIAL_CAPACITY = 64;
    /** Largest array length the JVM is known to grant. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    /** Ranges this short are sorted by insertion; longer ones are partitioned. */
    private static final int INSERTION_SORT_MAX = 24;

    private double[] scores = new double[0];
    private double[] weights; // null while every weight is 1
    private int size;
    private boolean sorted = true;

    void add(double score, double weight) {
        ensureCapacity(size + 1L);
        // + 0.0 turns -0.0 into 0.0, so that equal scores have one representation and compare equal when sorted
        scores[size] = score + 0.0;
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
        double[] otherScores = other.scores;
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
            // no extra array: the weights move with their scores (introsort, depth-bounded by a heap sort)
            sortPaired(0, size - 1, 2 * (31 - Integer.numberOfLeadingZeros(Math.max(1, size))));
        }
        sorted = true;
    }

    /** Score at index i; ascending after {@link #sort()}. */
    double score(int i) {
        return scores[i];
    }

    /** Weight at index i. */
    double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /** The largest weight, 0 when empty: the scale that keeps products of weights inside double's range. */
    double maxWeight() {
        if (weights == null) {
            return size == 0 ? 0 : 1.0;
        }
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, weights[i]);
        }
        return max;
    }

    /** Sorts scores[lo..hi] (inclusive) with their weights. Scores are never NaN nor -0.0, so {@code <} orders them. */
    private void sortPaired(int lo, int hi, int depth) {
        while (hi - lo > INSERTION_SORT_MAX) {
            if (depth-- == 0) {
                heapSort(lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            // median of three to the middle, then Hoare partition around its value
            if (scores[mid] < scores[lo]) {
                swap(mid, lo);
            }
            if (scores[hi] < scores[lo]) {
                swap(hi, lo);
            }
            if (scores[hi] < scores[mid]) {
                swap(hi, mid);
            }
            double pivot = scores[mid];
            int i = lo - 1;
            int j = hi + 1;
            while (true) {
                do {
                    i++;
                } while (scores[i] < pivot);
                do {
                    j--;
                } while (pivot < scores[j]);
                if (i >= j) {
                    break;
                }
                swap(i, j);
            }
            // recurse into the smaller side, loop on the larger: the stack stays logarithmic
            if (j - lo < hi - j) {
                sortPaired(lo, j, depth);
                lo = j + 1;
            } else {
                sortPaired(j + 1, hi, depth);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double s = scores[i];
            double w = weights[i];
            int k = i - 1;
            while (k >= lo && s < scores[k]) {
                scores[k + 1] = scores[k];
                weights[k + 1] = weights[k];
                k--;
            }
            scores[k + 1] = s;
            weights[k + 1] = w;
        }
    }

    private void heapSort(int lo, int hi) {
        int n = hi - lo + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(lo, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(lo, lo + end);
            siftDown(lo, 0, end);
        }
    }

    private void siftDown(int lo, int root, int n) {
        while (true) {
            int child = 2 * root + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && scores[lo + child] < scores[lo + child + 1]) {
                child++;
            }
            if (!(scores[lo + root] < scores[lo + child])) {
                return;
            }
            swap(lo + root, lo + child);
            root = child;
        }
    }

    private void swap(int a, int b) {
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        double w = weights[a];
        weights[a] = weights[b];
        weights[b] = w;
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
