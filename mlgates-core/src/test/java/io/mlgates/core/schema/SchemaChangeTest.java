package io.mlgates.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaChangeTest {
    private static InputSchema schema(SchemaColumn... columns) {
        return new InputSchema("s.json", "sha256:0", InputSchema.Origin.SCHEMA_FILE, List.of(columns));
    }

    @Test
    void tellsRemovedRetypedAndAddedInputsInThatOrder() {
        InputSchema production = schema(SchemaColumn.of("income", ColumnType.NUMERIC),
                SchemaColumn.of("age", ColumnType.INTEGER), SchemaColumn.of("region", ColumnType.CATEGORICAL),
                SchemaColumn.of("tenure", ColumnType.NUMERIC));
        InputSchema candidate = schema(SchemaColumn.of("age", ColumnType.INTEGER),
                SchemaColumn.of("region", ColumnType.TEXT), SchemaColumn.of("tenure", ColumnType.NUMERIC),
                SchemaColumn.of("household_income", ColumnType.NUMERIC));

        assertThat(SchemaChange.between(production, candidate)).containsExactly(
                new SchemaChange("income", SchemaRule.REMOVED, Optional.of("numeric"), Optional.empty(),
                        Optional.of("household_income")),
                new SchemaChange("region", SchemaRule.RETYPED, Optional.of("categorical"), Optional.of("text"),
                        Optional.empty()),
                new SchemaChange("household_income", SchemaRule.ADDED, Optional.empty(), Optional.of("numeric"),
                        Optional.empty()));
    }

    @Test
    void aColumnOfUnsaidTypeIsNeverRetypedAndARenameNeedsOneCandidate() {
        InputSchema production = schema(SchemaColumn.of("a", ColumnType.ANY), SchemaColumn.of("b", ColumnType.TEXT));
        InputSchema candidate = schema(SchemaColumn.of("a", ColumnType.NUMERIC), SchemaColumn.of("c", ColumnType.TEXT),
                SchemaColumn.of("d", ColumnType.TEXT));

        assertThat(SchemaChange.between(production, candidate)).extracting(SchemaChange::column, SchemaChange::rule,
                SchemaChange::renamedTo).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b", SchemaRule.REMOVED, Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("c", SchemaRule.ADDED, Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("d", SchemaRule.ADDED, Optional.empty()));
    }

    @Test
    void identicalSchemasHaveNoChange() {
        InputSchema one = schema(SchemaColumn.of("a", ColumnType.NUMERIC));

        assertThat(SchemaChange.between(one, one)).isEmpty();
    }
}
