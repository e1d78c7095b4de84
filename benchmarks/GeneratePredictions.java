import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes a synthetic binary prediction file for benchmarks: label, score, and two group columns.
 * Deterministic for a given row count and number of decimals (fixed seed). By default scores carry 6 decimals, as a
 * model export typically does; with fewer (3 or 4) many rows share a score, so the exact rank metrics must average
 * the ranks of ties.
 *
 * Usage: java benchmarks/GeneratePredictions.java ROWS OUT.csv [DECIMALS]
 */
public final class GeneratePredictions {
    private static final byte[][] REGIONS = bytes("north", "south", "east", "west", "centre");
    private static final byte[][] AGES = bytes("<25", "25-39", "40-59", "60+");

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        int decimals = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        if (decimals < 1 || decimals > 9) {
            throw new IllegalArgumentException("DECIMALS must be 1 to 9, got " + decimals);
        }
        long scale = (long) Math.pow(10, decimals);
        SplittableRandom random = new SplittableRandom(20261126L);
        // Bytes written by hand: String.format per row would make 100 M rows take minutes.
        byte[] line = new byte[64];
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            w.write("label,score,region,age_band\n".getBytes(StandardCharsets.US_ASCII));
            for (long i = 0; i < rows; i++) {
                boolean positive = random.nextDouble() < 0.3;
                // Positives score higher on average: an AUC of about 0.8.
                double z = random.nextDouble() + random.nextDouble() + (positive ? 0.9 : 0.0);
                double score = Math.min(1.0, Math.max(0.0, z / 2.9));
                long fixed = Math.round(score * scale); // 0 .. scale: the score with DECIMALS decimals
                int n = 0;
                line[n++] = (byte) (positive ? '1' : '0');
                line[n++] = ',';
                line[n++] = (byte) ('0' + fixed / scale);
                line[n++] = '.';
                long fraction = fixed % scale;
                for (long d = scale / 10; d >= 1; d /= 10) {
                    line[n++] = (byte) ('0' + (fraction / d) % 10);
                }
                line[n++] = ',';
                n = append(line, n, REGIONS[random.nextInt(REGIONS.length)]);
                line[n++] = ',';
                n = append(line, n, AGES[random.nextInt(AGES.length)]);
                line[n++] = '\n';
                w.write(line, 0, n);
            }
        }
    }

    private static int append(byte[] line, int at, byte[] value) {
        System.arraycopy(value, 0, line, at, value.length);
        return at + value.length;
    }

    private static byte[][] bytes(String... values) {
        byte[][] result = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i].getBytes(StandardCharsets.US_ASCII);
        }
        return result;
    }
}
