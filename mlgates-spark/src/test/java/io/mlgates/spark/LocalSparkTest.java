package io.mlgates.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Tests that run Spark: one local session per test class (starting one costs seconds), stopped after it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LocalSparkTest {
    protected SparkSession spark;

    @BeforeAll
    protected void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    protected void stopSpark() {
        spark.stop();
    }
}
