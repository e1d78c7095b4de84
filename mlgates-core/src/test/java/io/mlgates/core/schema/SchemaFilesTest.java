package io.mlgates.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsEveryKeyOfAColumn() throws Exception {
        Path file = write("schema.json", """
                {"format": "mlgates-input-schema", "version": 1, "columns": [
                  {"name": "age", "type": "integer", "min": 18, "max": 99, "nullable": false},
                  {"name": "purpose", "type": "categorical", "categories": ["car", "tv"], "maxNullShare": 0.05},
                  {"name": "note", "type": "text", "nullable": true},
                  {"name": "amount", "type": "numeric"}
                ]}
                """);

        InputSchema schema = SchemaFiles.read(file, "model/schema.json");

        assertThat(schema.origin()).isEqualTo(InputSchema.Origin.SCHEMA_FILE);
        assertThat(schema.digest()).startsWith("sha256:");
        assertThat(schema.names()).containsExactly("age", "purpose", "note", "amount");
        SchemaColumn age = schema.column("age").orElseThrow();
        assertThat(age.type()).isEqualTo(ColumnType.INTEGER);
        assertThat(age.shownRange()).contains("[18, 99]");
        assertThat(age.maxNullShareOr(0.5)).isZero();
        assertThat(schema.column("purpose").orElseThrow().categories()).containsExactly("car", "tv");
        assertThat(schema.column("purpose").orElseThrow().maxNullShareOr(0.5)).isEqualTo(0.05);
        assertThat(schema.column("note").orElseThrow().maxNullShareOr(0.5)).isEqualTo(1.0);
        assertThat(schema.column("amount").orElseThrow().maxNullShareOr(0.5)).isEqualTo(0.5);
    }

    @Test
    void anUnknownTypeIsToldAtItsLineAndColumn() throws Exception {
        Path file = write("schema.json", """
                {"format": "mlgates-input-schema", "version": 1, "columns": [
                  {"name": "age", "type": "integer"},
                  {"name": "purpose", "type": "enum"}
                ]}
                """);

        assertThatThrownBy(() -> SchemaFiles.read(file, "model/schema.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("model/schema.json:3:31: column 'purpose': expected \"type\": numeric, integer,"
                        + " categorical (or nominal), text (or string), any, got \"enum\"");
    }

    @Test
    void malformedJsonIsToldAtItsLine() throws Exception {
        Path file = write("schema.json", "{\"format\": \"mlgates-input-schema\",\n  \"version\": 1,,\n}");

        assertThatThrownBy(() -> SchemaFiles.read(file, "model/schema.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("model/schema.json:2:16: not valid JSON");
    }

    @Test
    void refusesWhatASchemaCannotMean() throws Exception {
        String head = "{\"format\": \"mlgates-input-schema\", \"version\": 1, \"columns\": [\n";
        assertThatThrownBy(() -> SchemaFiles.read(write("a.json", head
                + "{\"name\": \"a\", \"type\": \"numeric\"},\n{\"name\": \"a\", \"type\": \"text\"}]}"), "a.json"))
                .hasMessage("a.json:3:10: column 'a' is declared twice; expected each input once");
        assertThatThrownBy(() -> SchemaFiles.read(write("b.json", head
                + "{\"name\": \"b\", \"type\": \"numeric\", \"min\": 5, \"max\": 1}]}"), "b.json"))
                .hasMessage("b.json:2:1: column b: min 5.0 above max 1.0");
        assertThatThrownBy(() -> SchemaFiles.read(write("c.json", head
                + "{\"name\": \"c\", \"type\": \"numeric\", \"nullable\": false, \"maxNullShare\": 0.1}]}"), "c.json"))
                .hasMessage("c.json:2:69: column 'c' is not nullable but allows a null share of 0.1; expected one"
                        + " of the two");
        assertThatThrownBy(() -> SchemaFiles.read(write("d.json", head
                + "{\"name\": \"d\", \"type\": \"numeric\", \"catgories\": [\"x\"]}]}"), "d.json"))
                .hasMessageStartingWith("d.json:2:47: unknown key \"catgories\"; expected one of categories,");
        assertThatThrownBy(() -> SchemaFiles.read(write("e.json", "{\"format\": \"mlgates-input-schema\","
                + " \"version\": 2, \"columns\": []}"), "e.json"))
                .hasMessage("e.json:1:47: expected \"version\": 1 (the schema format this engine reads), got 2:"
                        + " written for a newer engine");
        assertThatThrownBy(() -> SchemaFiles.read(dir.resolve("none.json"), "none.json"))
                .hasMessageStartingWith("none.json: ");
    }

    @Test
    void derivesTypesAndCategoriesFromAFeatureList() throws Exception {
        Path file = write("features.json", """
                {"target": {"name": "class"},
                 "features": [
                   {"name": "checking_status", "type": "nominal", "values": ["<0", "no checking"]},
                   {"name": "duration", "type": "numeric"},
                   "free_text_name"
                 ]}
                """);

        InputSchema schema = SchemaFiles.derive(file, "model/features.json");

        assertThat(schema.origin()).isEqualTo(InputSchema.Origin.FEATURE_LIST);
        assertThat(schema.columns()).containsExactly(
                new SchemaColumn("checking_status", ColumnType.CATEGORICAL, java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(), List.of("<0", "no checking"),
                        java.util.OptionalDouble.empty()),
                SchemaColumn.of("duration", ColumnType.NUMERIC),
                SchemaColumn.of("free_text_name", ColumnType.ANY));
    }

    @Test
    void derivesTheCreditRiskExamplesTwentyInputs() throws Exception {
        InputSchema schema = SchemaFiles.derive(Path.of("../examples/credit-risk/model/features.json"),
                "model/features.json");

        assertThat(schema.columns()).hasSize(20);
        assertThat(schema.column("purpose").orElseThrow().categories()).hasSize(11).contains("radio/tv");
        assertThat(schema.column("age").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
    }

    @Test
    void aFeatureListWithAnUnknownTypeIsToldAtIt() throws Exception {
        Path file = write("features.json", "[\"a\",\n {\"name\": \"b\", \"type\": \"date\"}]");

        assertThatThrownBy(() -> SchemaFiles.derive(file, "model/features.json"))
                .hasMessageStartingWith("model/features.json:2:24: expected a type: numeric,");
    }
}
