import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

/**
 * A prediction table for the Spark benchmark, made by Spark in local mode with fixed seeds: {@code label} ("1" for 30 %
 * of rows), {@code score} (six decimals, so at most a million distinct scores: many ties), {@code weight} (1 for 80 %
 * of rows, else 0.01 to 2), {@code region}, {@code sex}, {@code age_band}; Parquet, snappy.
 *
 * <pre>java @lib/jvm.options -cp "$(cat lib/classpath.txt)" benchmarks/GenerateSparkTable.java ROWS OUT.parquet</pre>
 */
public final class GenerateSparkTable {
    public static void main(String[] args) {
        long rows = Long.parseLong(args[0]);
        SparkSession spark = SparkSession.builder().master("local[*]").appName("generate")
                .config("spark.ui.enabled", "false").getOrCreate();
        int partitions = (int) Math.max(1, rows / 2_000_000);
        Column positive = rand(1).lt(0.3);
        spark.range(0, rows, 1, partitions)
                .withColumn("positive", positive)
                .withColumn("label", when(col("positive"), lit("1")).otherwise(lit("0")))
                .withColumn("score", round(least(lit(1.0), greatest(lit(0.0), randn(2).multiply(0.15)
                        .plus(when(col("positive"), lit(0.62)).otherwise(lit(0.38))))), 6))
                .withColumn("weight", when(rand(3).lt(0.8), lit(1.0))
                        .otherwise(greatest(lit(0.01), round(rand(4).multiply(2), 2))))
                .withColumn("region", element_at(array(lit("north"), lit("south"), lit("east"), lit("west")),
                        rand(5).multiply(4).cast("int").plus(1)))
                .withColumn("sex", when(rand(6).lt(0.5), lit("female")).otherwise(lit("male")))
                .withColumn("age_band", element_at(array(lit("<25"), lit("25-39"), lit("40-59"), lit("60+")),
                        rand(7).multiply(4).cast("int").plus(1)))
                .drop("id", "positive")
                .write().mode("overwrite").parquet(args[1]);
        spark.stop();
    }
}
