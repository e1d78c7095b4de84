package io.mlgates.core.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chart of one judged column needs: the reference's and the current data's counts in common bins (a numeric
 * column binned as Evidently bins it) or per category (the most common ones, the rest folded into {@code other}).
 * Counts are exact, except where a side was summarised by a quantile sketch (then estimated; see
 * {@link ColumnDrift#errorBound()}).
 *
 * @param kind bins or categories
 * @param edges the bin edges (one more than the bins); empty for categories
 * @param values the categories shown, as text; empty for bins
 * @param reference the reference's count per bin or category
 * @param current the current data's count per bin or category
 * @param other the categories folded together, when there were more than {@link Distributions#TOP_CATEGORIES}
 */
public record ColumnDistribution(Kind kind, List<Double> edges, List<String> values, List<Double> reference,
                                 List<Double> current, Optional<Other> other) {
    public enum Kind {
        BINS("bins"), CATEGORIES("categories");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Kind> byId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The categories beyond the most common ones, together.
     *
     * @param categories how many categories were folded
     * @param reference their reference rows
     * @param current their current rows
     */
    public record Other(int categories, double reference, double current) {
        public Other {
            if (categories < 1 || !(reference >= 0) || !(current >= 0)
                    || !Double.isFinite(reference) || !Double.isFinite(current)) {
                throw new IllegalArgumentException("other needs at least one category and finite counts >= 0");
            }
        }
    }

    public ColumnDistribution {
        Objects.requireNonNull(kind, "kind");
        edges = List.copyOf(edges);
        values = List.copyOf(values);
        reference = List.copyOf(reference);
        current = List.copyOf(current);
        Objects.requireNonNull(other, "other");
        int slots = kind == Kind.BINS ? edges.size() - 1 : values.size();
        if (kind == Kind.BINS && (!values.isEmpty() || other.isPresent() || edges.size() < 2)) {
            throw new IllegalArgumentException("bins need at least two edges, and no categories");
        }
        if (kind == Kind.CATEGORIES && (!edges.isEmpty() || values.isEmpty())) {
            throw new IllegalArgumentException("categories need at least one value, and no edges");
        }
        if (reference.size() != slots || current.size() != slots) {
            throw new IllegalArgumentException("need one reference and one current count per " + (kind == Kind.BINS
                    ? "bin" : "category") + " (" + slots + "), got " + reference.size() + " and " + current.size());
        }
        for (int i = 0; i + 1 < edges.size(); i++) {
            if (!(edges.get(i) < edges.get(i + 1)) || !Double.isFinite(edges.get(i + 1))
                    || !Double.isFinite(edges.get(0))) {
                throw new IllegalArgumentException("bin edges must be finite and increasing, got " + edges);
            }
        }
        for (List<Double> side : List.of(reference, current)) {
            for (double c : side) {
                if (!(c >= 0) || !Double.isFinite(c)) {
                    throw new IllegalArgumentException("counts must be finite and >= 0, got " + side);
                }
            }
        }
    }
}
