package io.mlgates.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.PredictionSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the CSV reader refuses and where it says so: a record past {@link CsvRows#MAX_RECORD} (an unclosed quote early
 * in a large file), and bytes that are not UTF-8 in a value it reads; on one thread and in parallel ranges alike.
 */
class ReaderInputLimitsTest {
    @TempDir
    Path dir;

    private static final PredictionReader.Shards<long[]> COUNT = new PredictionReader.Shards<>() {
        @Override
        public long[] create() {
            return new long[1];
        }

        @Override
        public void add(long[] shard, PredictionReader row) {
            shard[0]++;
        }

        @Override
        public void merge(long[] into, long[] later) {
            into[0] += later[0];
        }
    };

    private long read(Path p, int threads) throws BadInputException, IOException {
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of("region"), ProgressListener.NONE)) {
            return r.readAll(COUNT, threads, threads == 1 ? Long.MAX_VALUE : 1 << 20)[0];
        }
    }

    /** A header, {@code head}, then rows up to {@code bytes} in all. */
    private Path file(byte[] head, long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("label,score,region\n".getBytes(StandardCharsets.US_ASCII));
        out.write(head);
        byte[] row = "1,0.75,north\n0,0.25,south\n".getBytes(StandardCharsets.US_ASCII);
        while (out.size() < bytes) {
            out.write(row);
        }
        return Files.write(dir.resolve("p.csv"), out.toByteArray());
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    @DisplayName("an unclosed quote early in a file larger than the longest record is told at the quote once the record is too long")
    void unclosedQuote(int threads) throws Exception {
        Path p = file("1,0.5,north\n0,0.5,\"sou\nth\n".getBytes(StandardCharsets.US_ASCII),
                CsvRows.MAX_RECORD + (4L << 20));
        assertThatThrownBy(() -> read(p, threads)).isInstanceOf(BadInputException.class)
                .hasMessage("p.csv:3:7: unclosed quote: the quoted field that opens here runs on for more than 16 MiB"
                        + " without a closing quote; expected a closing \" (a quote inside a quoted field is written"
                        + " twice: \"\")");
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    @DisplayName("a record longer than the longest record without a quote is told at its line")
    void recordWithoutLineBreak(int threads) throws Exception {
        byte[] head = new byte[CsvRows.MAX_RECORD + 10];
        java.util.Arrays.fill(head, (byte) '7');
        Path p = file(("1,0.5,north\n").getBytes(StandardCharsets.US_ASCII), 0);
        Files.write(p, head, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> read(p, threads)).isInstanceOf(BadInputException.class)
                .hasMessage("p.csv:3: a record of more than 16 MiB without a line break; expected rows of predictions,"
                        + " one a line");
    }

    @Test
    @DisplayName("a quoted field just under the longest record is read")
    void longQuotedFieldIsRead() throws Exception {
        String longName = "n".repeat(PredictionReader.MAX_GROUP_NAME_LENGTH);
        Path p = file(("1,0.5,\"" + longName + "\"\n").getBytes(StandardCharsets.US_ASCII), 3L << 20);
        assertThat(read(p, 2)).isGreaterThan(100_000);
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    @DisplayName("a slice value that is not UTF-8 (Latin-1 é) is told at its line and column, not read as a replaced character")
    void latin1Group(int threads) throws Exception {
        // line 3 holds a quoted value over two lines; line 5, column 8, a Latin-1 é
        byte[] head = "1,0.5,north\n0,0.25,\"so\nuth\"\n1,0.5,ré\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = file(head, 3L << 20);
        assertThatThrownBy(() -> read(p, threads)).isInstanceOf(BadInputException.class)
                .hasMessage("p.csv:5:8: slice column 'region' holds a byte that is not UTF-8 text (0xE9); expected the"
                        + " file in UTF-8: re-encode it (from Latin-1, for example: iconv -f latin1 -t utf-8)");
    }

    @Test
    @DisplayName("a byte that is not UTF-8 after a quoted line break is placed on its own line")
    void notUtf8InsideQuotedLineBreak() throws Exception {
        byte[] head = "1,0.5,\"north\nw\u00e9st\"\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = file(head, 1000);
        assertThatThrownBy(() -> read(p, 1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("p.csv:3:2: slice column 'region' holds a byte that is not UTF-8 text (0xE9)");
    }

    @Test
    @DisplayName("a label cut in the middle of a character is told; valid UTF-8 beyond ASCII is read")
    void labelsAndValidUtf8() throws Exception {
        byte[] cut = {'1', (byte) 0xC3, ',', '0', '.', '5', ',', 'n', '\n'};
        Path p = file(cut, 1000);
        assertThatThrownBy(() -> read(p, 1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("p.csv:2:2: column 'label' holds a byte that is not UTF-8 text (0xC3)");
        Path ok = file("1,0.5,r\u00e9gion \u2013 \uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8), 1000);
        assertThat(read(ok, 1)).isGreaterThan(10);
    }

    @Test
    @DisplayName("a header name that is not UTF-8 is told in the header")
    void header() throws Exception {
        Path p = dir.resolve("h.csv");
        Files.write(p, "label,score,r\u00e9gion\n1,0.5,a\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> read(p, 1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("p.csv:1:14: the header holds a byte that is not UTF-8 text (0xE9)");
    }
}
