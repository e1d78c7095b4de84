package io.mlgates.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between production's input schema and the candidate's.
 *
 * @param column the input
 * @param rule {@link SchemaRule#REMOVED}, {@link SchemaRule#RETYPED} or {@link SchemaRule#ADDED}
 * @param production what production's schema says of it ({@code numeric}), empty for an added input
 * @param candidate what the candidate's schema says of it, empty for a removed input
 * @param renamedTo for a removed input, the one added input of the same type, which may be its new name
 */
public record SchemaChange(String column, SchemaRule rule, Optional<String> production, Optional<String> candidate,
                           Optional<String> renamedTo) {
    public SchemaChange {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(renamedTo, "renamedTo");
        if (rule != SchemaRule.REMOVED && rule != SchemaRule.RETYPED && rule != SchemaRule.ADDED) {
            throw new IllegalArgumentException("not a change between schemas: " + rule);
        }
        if (production.isEmpty() != (rule == SchemaRule.ADDED) || candidate.isEmpty() != (rule == SchemaRule.REMOVED)) {
            throw new IllegalArgumentException("a removed input has no candidate side, an added one no production side");
        }
        if (renamedTo.isPresent() && rule != SchemaRule.REMOVED) {
            throw new IllegalArgumentException("only a removed input may have been renamed");
        }
    }

    /**
     * The changes from {@code production} to {@code candidate}: each removed input, each input whose type differs
     * (an input of type {@code any} has no type to compare), then each added input; in the schemas' column order.
     */
    public static List<SchemaChange> between(InputSchema production, InputSchema candidate) {
        List<SchemaColumn> added = candidate.columns().stream()
                .filter(c -> production.column(c.name()).isEmpty()).toList();
        List<SchemaChange> changes = new ArrayList<>();
        for (SchemaColumn before : production.columns()) {
            Optional<SchemaColumn> after = candidate.column(before.name());
            if (after.isEmpty()) {
                List<String> sameType = added.stream()
                        .filter(a -> a.type() == before.type() && a.type() != ColumnType.ANY)
                        .map(SchemaColumn::name).toList();
                changes.add(new SchemaChange(before.name(), SchemaRule.REMOVED, Optional.of(before.type().shown()),
                        Optional.empty(), sameType.size() == 1 ? Optional.of(sameType.get(0)) : Optional.empty()));
            } else if (before.type() != after.get().type() && before.type() != ColumnType.ANY
                    && after.get().type() != ColumnType.ANY) {
                changes.add(new SchemaChange(before.name(), SchemaRule.RETYPED, Optional.of(before.type().shown()),
                        Optional.of(after.get().type().shown()), Optional.empty()));
            }
        }
        for (SchemaColumn a : added) {
            changes.add(new SchemaChange(a.name(), SchemaRule.ADDED, Optional.empty(), Optional.of(a.type().shown()),
                    Optional.empty()));
        }
        return changes;
    }
}
