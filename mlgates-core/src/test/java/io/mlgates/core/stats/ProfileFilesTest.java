package io.mlgates.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlgates.core.BadInputException;
import io.mlgates.core.profile.ColumnAccumulator;
import io.mlgates.core.profile.ColumnProfile;
import io.mlgates.core.profile.ColumnType;
import io.mlgates.core.profile.ColumnValues;
import io.mlgates.core.profile.DataProfile;
import io.mlgates.core.profile.TableAccumulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFilesTest {
    private static final ProfileFiles.Source SOURCE = new ProfileFiles.Source("train.csv",
            "sha256:" + "ab".repeat(32));

    @TempDir
    Path tmp;

    private static DataProfile sample() {
        TableAccumulator table = new TableAccumulator(List.of("age", "purpose", "income", "id", "empty"));
        for (int i = 0; i < ColumnAccumulator.MAX_EXACT_VALUES + 10; i++) {
            table.countRow();
            table.column(0).add(String.valueOf(18 + i % 60));
            table.column(1).add(List.of("car", "radio/tv", "\"education\"", "é, ü").get(i % 4));
            table.column(2).add(String.valueOf(1234.5 + i * 0.37));
            table.column(3).add("id-" + i);
            table.column(4).addNull();
        }
        return table.profile();
    }

    @Test
    @DisplayName("a profile written and read back is the same profile, with its source")
    void roundTrip() throws Exception {
        DataProfile profile = sample();
        byte[] bytes = ProfileFiles.write(profile, Optional.of(SOURCE));

        ProfileFiles.Read read = ProfileFiles.parse(bytes, "p.json");

        assertThat(read.profile()).isEqualTo(profile);
        assertThat(read.source()).contains(SOURCE);
        assertThat(read.profile().column("income").orElseThrow().values()).isInstanceOf(ColumnValues.Buckets.class);
        assertThat(read.profile().column("id").orElseThrow().values()).isInstanceOf(ColumnValues.TooMany.class);
        assertThat(read.profile().column("empty").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(ProfileFiles.write(read.profile(), read.source())).isEqualTo(bytes);
    }

    @Test
    @DisplayName("the file states mean and standard deviation for people, and each count on a line")
    void readableShape() {
        TableAccumulator table = new TableAccumulator(List.of("x"));
        for (String v : List.of("1", "2", "3", "4")) {
            table.countRow();
            table.column(0).add(v);
        }
        String text = new String(ProfileFiles.write(table.profile(), Optional.empty()), StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"format\": \"mlgates-profile\",\n  \"version\": 1,\n  \"rows\": 4,\n")
                .contains("\"mean\": 2.5, \"std\": 1.118033988749895")
                .contains("\"counts\": [\n      [1.0, 1],\n      [2.0, 1],");
    }

    private BadInputException refused(String json) {
        return catchThrowableOfType(BadInputException.class,
                () -> ProfileFiles.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"));
    }

    private static String column(String values) {
        return """
                {"format": "mlgates-profile", "version": 1, "rows": 3, "columns": [
                  {"name": "x", "type": "numeric", "rows": 3, "nulls": 1, "numbers": 2, "sum": "0x3p0",
                   "squares": "0x5p0", "min": 1, "max": 2, "mean": 1.5, "std": 0.5,
                   "values": %s}
                ]}
                """.formatted(values);
    }

    @Test
    @DisplayName("a hand-written valid file is read")
    void handWritten() throws Exception {
        ColumnProfile x = ProfileFiles.parse(column("{\"kind\": \"numbers\", \"counts\": [[1, 1], [2, 1]]}")
                .getBytes(StandardCharsets.UTF_8), "p.json").profile().column("x").orElseThrow();
        assertThat(x.mean().getAsDouble()).isEqualTo(1.5);
        assertThat(x.std().getAsDouble()).isEqualTo(0.5);
    }

    @Test
    @DisplayName("another format or version is refused before anything else, at its line")
    void formatAndVersion() {
        assertThat(refused("{\"format\": \"mlgates-statistics\", \"version\": 1}")).hasMessage("p.json:1:12: at"
                + " /format: expected \"format\": \"mlgates-profile\" (a column profile written by 'mlgates profile'),"
                + " got \"mlgates-statistics\"");
        assertThat(refused("{\"format\": \"mlgates-profile\",\n\"version\": 2}")).hasMessageStartingWith(
                "p.json:2:12: at /version: expected version 1, the version this engine reads, got 2: written by a"
                        + " newer engine");
    }

    @Test
    @DisplayName("the schema's refusal names the value's pointer and line")
    void schema() {
        BadInputException e = refused(column("{\"kind\": \"numbers\", \"counts\": [[1, 0]]}"));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("at /columns/0/values").contains("expected what the profile schema says");
    }

    @Test
    @DisplayName("counts that do not add up to the column's numbers are refused at the counts")
    void countsAddUp() {
        assertThat(refused(column("{\"kind\": \"numbers\", \"counts\": [[1, 1], [2, 2]]}")))
                .hasMessage("p.json:4:44: at /columns/0/values/counts: expected counts that add up to the column's 2"
                        + " numbers, got 3");
        assertThat(refused(column("{\"kind\": \"numbers\", \"counts\": [[2, 1], [1, 1]]}")))
                .hasMessageContaining("at /columns/0/values/counts/1: expected distinct numbers in ascending order");
        assertThat(refused(column("{\"kind\": \"categories\", \"counts\": [[\"a\", 2]]}")))
                .hasMessageContaining("expected numbers or buckets for a numeric column");
    }

    @Test
    @DisplayName("a file that is not there names the command that writes one")
    void missing() throws Exception {
        BadInputException e = catchThrowableOfType(BadInputException.class,
                () -> ProfileFiles.read(tmp.resolve("nope.json"), "data/nope.json"));
        assertThat(e).hasMessage("data/nope.json: profile not found; expected one written by 'mlgates profile --data"
                + " FILE --out data/nope.json'");
        Files.writeString(tmp.resolve("bad.json"), "{\"format\": ");
        assertThat(catchThrowableOfType(BadInputException.class, () -> ProfileFiles.read(tmp.resolve("bad.json"),
                "bad.json")).getMessage()).startsWith("bad.json:1:").contains("not valid JSON");
    }
}
