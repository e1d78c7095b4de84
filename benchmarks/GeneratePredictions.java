import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic binary prediction file for benchmarks: label, score, and two group columns.
 * Deterministic for a given row count (fixed seed). Scores carry 6 decimals, as a model export typically does.
 *
 * Usage: java benchmarks/GeneratePredictions.java ROWS OUT.csv
 */
public final class GeneratePredictions {
    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        String[] regions = {"north", "south", "east", "west", "centre"};
        String[] ages = {"<25", "25-39", "40-59", "60+"};
        SplittableRandom random = new SplittableRandom(20261126L);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            w.write("label,score,region,age_band\n");
            StringBuilder line = new StringBuilder(64);
            for (long i = 0; i < rows; i++) {
                boolean positive = random.nextDouble() < 0.3;
                // Positives score higher on average: an AUC of about 0.8.
                double z = random.nextDouble() + random.nextDouble() + (positive ? 0.9 : 0.0);
                double score = Math.min(1.0, Math.max(0.0, z / 2.9));
                line.setLength(0);
                line.append(positive ? '1' : '0').append(',')
                        .append(String.format(Locale.ROOT, "%.6f", score)).append(',')
                        .append(regions[random.nextInt(regions.length)]).append(',')
                        .append(ages[random.nextInt(ages.length)]).append('\n');
                w.append(line);
            }
        }
    }
}
