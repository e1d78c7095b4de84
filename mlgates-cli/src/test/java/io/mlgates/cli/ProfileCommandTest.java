package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.profile.ColumnType;
import io.mlgates.core.profile.DataProfile;
import io.mlgates.core.stats.ProfileFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(TestEnvironment.FIXED, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    @DisplayName("mlgates profile writes a profile of every column that reads back, and names its source")
    void profilesEveryColumn() throws Exception {
        Path csv = tmp.resolve("train.csv");
        Files.writeString(csv, "age,purpose,income\n31,car,1200.5\n45,\"radio, tv\",\n27,car,800\n");
        Path profile = tmp.resolve("out/profile.json");

        assertThat(run("profile", "--data", csv.toString(), "--out", profile.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("mlgates profile: 3 rows and 3 columns of").contains("profile.json");
        assertThat(Files.list(profile.getParent())).as("no temporary file left").hasSize(1);
        ProfileFiles.Read read = ProfileFiles.read(profile, "profile.json");
        DataProfile p = read.profile();
        assertThat(p.names()).containsExactly("age", "purpose", "income");
        assertThat(p.column("age").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(p.column("purpose").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(p.column("income").orElseThrow().nulls()).isEqualTo(1);
        assertThat(read.source().orElseThrow().file()).isEqualTo("train.csv");
        assertThat(read.source().orElseThrow().digest()).startsWith("sha256:");
    }

    @Test
    @DisplayName("a malformed row is exit 2 with its file and line, and no profile is written")
    void malformedRowIsBadInput() throws Exception {
        Path csv = tmp.resolve("train.csv");
        Files.writeString(csv, "age,purpose\n31,car\n45\n");
        Path profile = tmp.resolve("profile.json");

        assertThat(run("profile", "--data", csv.toString(), "--out", profile.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("train.csv:3:").contains("expected 2 fields as in the header, found 1");
        assertThat(profile).doesNotExist();
    }

    @Test
    @DisplayName("a column the header does not have is exit 2, naming the columns it has")
    void unknownColumn() throws Exception {
        Path csv = tmp.resolve("train.csv");
        Files.writeString(csv, "age,purpose\n31,car\n");

        assertThat(run("profile", "--data", csv.toString(), "--columns", "age,income", "--out",
                tmp.resolve("p.json").toString())).isEqualTo(2);

        assertThat(err.toString()).contains("train.csv:1:").contains("no column 'income' in the header; the file has"
                + " age, purpose");
    }
}
