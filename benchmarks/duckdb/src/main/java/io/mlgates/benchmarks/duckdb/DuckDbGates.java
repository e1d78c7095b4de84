package io.mlgates.benchmarks.duckdb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What a data engineer would run instead of the gates: DuckDB loads the prediction file and computes the gates' own
 * work on it, the per-group confusion counts (grouping sets over each group column, their intersection and all) and
 * the exact ROC AUC (Mann-Whitney U with average ranks for ties, in integer arithmetic, one division at the end).
 *
 * <p>Usage: {@code DuckDbGates PREDICTIONS.csv OUT.json THREADS THRESHOLD}. Writes the figures to OUT.json and one
 * summary line to standard output.
 */
public final class DuckDbGates {
    private DuckDbGates() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: DuckDbGates PREDICTIONS.csv OUT.json THREADS THRESHOLD");
            System.exit(2);
        }
        Path csv = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        double threshold = Double.parseDouble(args[3]);
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException(csv + ": no such file");
        }
        long start = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = json.createObjectNode();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement()) {
            result.put("connectSeconds", (System.nanoTime() - start) / 1e9); // loads the native library
            sql.execute("SET threads TO " + threads);
            result.put("duckdbVersion", single(sql, "SELECT version()"));
            result.put("threads", Long.parseLong(single(sql, "SELECT current_setting('threads')")));
            try (PreparedStatement load = db.prepareStatement("CREATE TABLE predictions AS SELECT * FROM read_csv(?, "
                    + "header = true, delim = ',', quote = '\"', "
                    + "columns = {'label': 'TINYINT', 'score': 'DOUBLE', 'region': 'VARCHAR', 'age_band': 'VARCHAR'})")) {
                load.setString(1, csv.toString());
                load.execute();
            }
            long loaded = System.nanoTime();
            result.put("loadSeconds", (loaded - start) / 1e9);
            result.set("groups", groups(db, json, threshold));
            long grouped = System.nanoTime();
            result.put("groupsSeconds", (grouped - loaded) / 1e9);
            auc(sql, result);
            result.put("aucSeconds", (System.nanoTime() - grouped) / 1e9);
        }
        result.put("seconds", (System.nanoTime() - start) / 1e9);
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        System.out.printf(Locale.ROOT, "duckdb %s, %d threads: %d rows, roc_auc %.17g, %.2f s in the JVM (load %.2f s)%n",
                result.get("duckdbVersion").asText(), result.get("threads").asLong(), result.get("rows").asLong(),
                result.get("rocAuc").asDouble(), result.get("seconds").asDouble(), result.get("loadSeconds").asDouble());
    }

    /** The per-group counts the gates keep: one row per group of each grouping set, and the whole file. */
    private static ArrayNode groups(Connection db, ObjectMapper json, double threshold) throws SQLException {
        ArrayNode groups = json.createArrayNode();
        String query = """
                SELECT GROUPING(region) AS no_region, GROUPING(age_band) AS no_age, region, age_band,
                       count(*) AS n,
                       count(*) FILTER (WHERE label = 1) AS positives,
                       count(*) FILTER (WHERE score >= ?) AS predicted,
                       count(*) FILTER (WHERE label = 1 AND score >= ?) AS true_positives
                FROM predictions
                GROUP BY GROUPING SETS ((region), (age_band), (region, age_band), ())
                ORDER BY no_region, no_age, region, age_band""";
        try (PreparedStatement statement = db.prepareStatement(query)) {
            statement.setDouble(1, threshold);
            statement.setDouble(2, threshold);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    boolean byRegion = rows.getInt("no_region") == 0;
                    boolean byAge = rows.getInt("no_age") == 0;
                    ObjectNode group = groups.addObject();
                    if (byRegion && byAge) {
                        group.put("attribute", "region&age_band");
                        group.put("group", rows.getString("region") + "&" + rows.getString("age_band"));
                    } else if (byRegion) {
                        group.put("attribute", "region");
                        group.put("group", rows.getString("region"));
                    } else if (byAge) {
                        group.put("attribute", "age_band");
                        group.put("group", rows.getString("age_band"));
                    } else {
                        group.put("attribute", "all");
                        group.put("group", "all");
                    }
                    group.put("rows", rows.getLong("n"));
                    group.put("positives", rows.getLong("positives"));
                    group.put("predictedPositives", rows.getLong("predicted"));
                    group.put("truePositives", rows.getLong("true_positives"));
                }
            }
        }
        return groups;
    }

    /**
     * Exact ROC AUC. Each distinct score's rows share the average rank below + (n + 1) / 2; twice the positives' rank
     * sum is then an integer, so U = rank sum - P (P + 1) / 2 is computed without rounding and AUC = 2U / (2 P N) is
     * one correctly rounded division.
     */
    private static void auc(Statement sql, ObjectNode result) throws SQLException {
        String query = """
                WITH by_score AS (
                  SELECT score, count(*)::BIGINT AS n, count(*) FILTER (WHERE label = 1)::BIGINT AS pos
                  FROM predictions GROUP BY score),
                ranked AS (
                  SELECT n, pos, coalesce(sum(n) OVER (ORDER BY score
                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::HUGEINT AS below
                  FROM by_score)
                SELECT sum(pos * (2 * below + n + 1))::VARCHAR AS twice_rank_sum,
                       sum(pos)::BIGINT AS positives, (sum(n) - sum(pos))::BIGINT AS negatives, sum(n)::BIGINT AS n,
                       count(*) AS distinct_scores
                FROM ranked""";
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            BigInteger twiceRankSum = new BigInteger(row.getString("twice_rank_sum"));
            long positives = row.getLong("positives");
            long negatives = row.getLong("negatives");
            result.put("rows", row.getLong("n"));
            result.put("distinctScores", row.getLong("distinct_scores"));
            result.put("positives", positives);
            result.put("negatives", negatives);
            BigInteger p = BigInteger.valueOf(positives);
            BigInteger twiceU = twiceRankSum.subtract(p.multiply(p.add(BigInteger.ONE)));
            BigInteger twicePairs = BigInteger.TWO.multiply(p).multiply(BigInteger.valueOf(negatives));
            result.put("twiceU", twiceU.toString());
            result.put("twicePairs", twicePairs.toString());
            if (positives == 0 || negatives == 0) {
                result.putNull("rocAuc");
            } else {
                result.put("rocAuc", new java.math.BigDecimal(twiceU)
                        .divide(new java.math.BigDecimal(twicePairs), java.math.MathContext.DECIMAL128).doubleValue());
            }
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
