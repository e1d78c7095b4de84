import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic prediction file with 20 input columns for the drift benchmark: label, score, 16 numeric
 * columns (2 decimals, so each has thousands of distinct values) and 4 categorical ones. SHIFT moves the numeric
 * columns' means (0 for a reference, 0.1 for a drifted current). Deterministic for its arguments (fixed seed).
 *
 * Usage: java benchmarks/GenerateFeatures.java ROWS OUT.csv SHIFT SEED
 */
public final class GenerateFeatures {
    private static final int NUMERIC = 16;
    private static final String[][] CATEGORIES = {{"north", "south", "east", "west"}, {"a", "b", "c"},
        {"web", "app", "shop", "phone", "mail"}, {"new", "known"}};

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        double shift = Double.parseDouble(args[2]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[3]));
        StringBuilder header = new StringBuilder("label,score");
        for (int c = 0; c < NUMERIC; c++) {
            header.append(",x").append(c);
        }
        for (int c = 0; c < CATEGORIES.length; c++) {
            header.append(",k").append(c);
        }
        byte[][][] categories = new byte[CATEGORIES.length][][];
        for (int c = 0; c < CATEGORIES.length; c++) {
            categories[c] = new byte[CATEGORIES[c].length][];
            for (int v = 0; v < CATEGORIES[c].length; v++) {
                categories[c][v] = CATEGORIES[c][v].getBytes(StandardCharsets.US_ASCII);
            }
        }
        byte[] line = new byte[512];
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            w.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
            for (long i = 0; i < rows; i++) {
                boolean positive = random.nextDouble() < 0.3;
                double score = Math.min(1.0, Math.max(0.0, (random.nextDouble() + random.nextDouble()
                        + (positive ? 0.9 : 0.0)) / 2.9));
                int n = 0;
                line[n++] = (byte) (positive ? '1' : '0');
                line[n++] = ',';
                n = fixed(line, n, Math.round(score * 10000), 4);
                for (int c = 0; c < NUMERIC; c++) {
                    // Sum of three uniforms: bell-shaped, mean 1.5 (+ shift), in [0, 3] before the shift.
                    double x = random.nextDouble() + random.nextDouble() + random.nextDouble() + shift;
                    line[n++] = ',';
                    n = fixed(line, n, Math.round(x * 100), 2);
                }
                for (byte[][] values : categories) {
                    line[n++] = ',';
                    byte[] v = values[random.nextInt(values.length)];
                    System.arraycopy(v, 0, line, n, v.length);
                    n += v.length;
                }
                line[n++] = '\n';
                w.write(line, 0, n);
            }
        }
    }

    /** value / 10^decimals, written with exactly that many decimals; value >= 0. */
    private static int fixed(byte[] line, int at, long value, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        String whole = Long.toString(value / scale);
        for (int i = 0; i < whole.length(); i++) {
            line[at++] = (byte) whole.charAt(i);
        }
        line[at++] = '.';
        long fraction = value % scale;
        for (long d = scale / 10; d >= 1; d /= 10) {
            line[at++] = (byte) ('0' + (fraction / d) % 10);
        }
        return at;
    }
}
