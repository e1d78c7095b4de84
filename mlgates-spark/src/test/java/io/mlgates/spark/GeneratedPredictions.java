package io.mlgates.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Prediction rows made from a seed: a binary model's labels ({@code bad} the positive class), scores with two
 * decimals (so many rows tie), sample weights (most 1, some not), and the group columns {@code sex}, {@code age_band}
 * and {@code region}. The same rows are written as CSV, as {@code mlgates} reads them, and as Parquet.
 */
public record GeneratedPredictions(List<Row> rows) {
    public static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, false)
            .add("weight", DataTypes.DoubleType, false)
            .add("sex", DataTypes.StringType, false)
            .add("age_band", DataTypes.StringType, false)
            .add("region", DataTypes.StringType, false);
    private static final String[] SEXES = {"female", "male"};
    private static final String[] AGES = {"<25", "25-39", "40-59", "60+"};
    private static final String[] REGIONS = {"north", "south", "east"};
    private static final double[] WEIGHTS = {1, 1, 1, 1, 0.5, 2, 1.25, 0.1};

    public static GeneratedPredictions of(long seed, int n) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String sex = SEXES[random.nextInt(SEXES.length)];
            String age = AGES[random.nextInt(AGES.length)];
            boolean bad = random.nextDouble() < (age.equals("<25") ? 0.4 : 0.28);
            double raw = Math.min(1, Math.max(0, random.nextGaussian() * 0.2 + (bad ? 0.6 : 0.35)
                    + (sex.equals("female") ? 0.03 : 0)));
            double score = Math.round(raw * 100) / 100.0;
            rows.add(RowFactory.create(bad ? "bad" : "good", score, WEIGHTS[random.nextInt(WEIGHTS.length)], sex,
                    age, REGIONS[random.nextInt(REGIONS.length)]));
        }
        return new GeneratedPredictions(List.copyOf(rows));
    }

    public void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("label,score,weight,sex,age_band,region\n");
        for (Row r : rows) {
            csv.append(r.getString(0)).append(',').append(r.getDouble(1)).append(',').append(r.getDouble(2))
                    .append(',').append(r.getString(3)).append(',').append(r.getString(4)).append(',')
                    .append(r.getString(5)).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    public Dataset<Row> frame(SparkSession spark) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    public void writeParquet(SparkSession spark, Path folder, int partitions) {
        frame(spark).repartition(partitions).write().parquet(folder.toString());
    }
}
