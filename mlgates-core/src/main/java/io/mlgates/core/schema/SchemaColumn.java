package io.mlgates.core.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One input column of a model's declared schema.
 *
 * @param name the column's name in the data
 * @param type what its values are
 * @param min smallest allowed value (inclusive), numeric and integer columns only
 * @param max largest allowed value (inclusive), numeric and integer columns only
 * @param categories the allowed values of a categorical column, in the declared order; empty: any value
 * @param maxNullShare the largest share of null values (empty or missing) allowed; empty when the schema does not
 *     say (then the policy's {@code schema.maxNullShare} applies)
 */
public record SchemaColumn(String name, ColumnType type, OptionalDouble min, OptionalDouble max,
                           List<String> categories, OptionalDouble maxNullShare) {
    public SchemaColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        categories = List.copyOf(categories);
        Objects.requireNonNull(maxNullShare, "maxNullShare");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a column has a name");
        }
        boolean numbers = type == ColumnType.NUMERIC || type == ColumnType.INTEGER;
        if (!numbers && (min.isPresent() || max.isPresent())) {
            throw new IllegalArgumentException("column " + name + ": a range needs a numeric or integer column");
        }
        if (min.isPresent() && max.isPresent() && !(min.getAsDouble() <= max.getAsDouble())) {
            throw new IllegalArgumentException("column " + name + ": min " + min.getAsDouble() + " above max "
                    + max.getAsDouble());
        }
        if (type != ColumnType.CATEGORICAL && !categories.isEmpty()) {
            throw new IllegalArgumentException("column " + name + ": categories need a categorical column");
        }
        if (new LinkedHashSet<>(categories).size() != categories.size()) {
            throw new IllegalArgumentException("column " + name + ": a category is listed twice");
        }
        if (maxNullShare.isPresent() && !(maxNullShare.getAsDouble() >= 0 && maxNullShare.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("column " + name + ": maxNullShare lies in [0, 1]: "
                    + maxNullShare.getAsDouble());
        }
    }

    /** A column with a name and a type only. */
    public static SchemaColumn of(String name, ColumnType type) {
        return new SchemaColumn(name, type, OptionalDouble.empty(), OptionalDouble.empty(), List.of(),
                OptionalDouble.empty());
    }

    /** The null share allowed: the column's own, else {@code policyDefault}. */
    public double maxNullShareOr(double policyDefault) {
        return maxNullShare.orElse(policyDefault);
    }

    /** The range as a reader sees it ({@code [4, 72]}, {@code >= 18}), when there is one. */
    public Optional<String> shownRange() {
        if (min.isEmpty() && max.isEmpty()) {
            return Optional.empty();
        }
        if (min.isPresent() && max.isPresent()) {
            return Optional.of("[" + SchemaFiles.number(min.getAsDouble()) + ", "
                    + SchemaFiles.number(max.getAsDouble()) + "]");
        }
        return Optional.of(min.isPresent() ? ">= " + SchemaFiles.number(min.getAsDouble())
                : "<= " + SchemaFiles.number(max.getAsDouble()));
    }
}
