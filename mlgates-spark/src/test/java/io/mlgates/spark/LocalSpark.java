package io.mlgates.spark;

import org.apache.spark.sql.SparkSession;

/** A small local Spark for the tests: two threads, few shuffle partitions, no UI. */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("mlgates-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                // small tables still read in several partitions, so that the merge is tested
                .config("spark.sql.files.maxPartitionBytes", "8k")
                .config("spark.sql.files.openCostInBytes", "8k")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
