package io.mlgates.spark;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.OrganisationPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.core.stats.Statistics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code mlgates-spark}: the statistics of a table for the gates, computed by Spark (docs/spark.md). Under
 * {@code spark-submit} the cluster's session is used; {@code --master} starts one (local mode, for trying it).
 * Exit codes as {@code mlgates}: 0 written, 2 bad input or usage, 3 an internal error.
 */
public final class Main {
    static final String USAGE = "usage: mlgates-spark [--master URL] --policy FILE [--org-policy FILE] --input PATH"
            + " [--format parquet|csv|json|orc|...] [--option KEY=VALUE]... --out STATS.json";
    private static final String ORG_POLICY_VARIABLE = "MLGATES_ORG_POLICY";

    private Main() {
    }

    /** The command line, parsed. */
    record Arguments(Optional<String> master, Path policy, Optional<Path> orgPolicy, String input, String format,
                     Map<String, String> options, Path out) {
        static Arguments parse(String[] args) {
            Optional<String> master = Optional.empty();
            Path policy = null;
            Optional<Path> org = Optional.empty();
            String input = null;
            String format = "parquet";
            Map<String, String> options = new LinkedHashMap<>();
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    throw new UsageException("");
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(a.startsWith("--") ? "option " + a + " needs a value"
                            : "unexpected argument '" + a + "'");
                }
                String v = args[++i];
                switch (a) {
                    case "--master" -> master = Optional.of(v);
                    case "--policy" -> policy = Path.of(v);
                    case "--org-policy" -> org = Optional.of(Path.of(v));
                    case "--input" -> input = v;
                    case "--format" -> format = v;
                    case "--option" -> {
                        int eq = v.indexOf('=');
                        if (eq <= 0) {
                            throw new UsageException("--option takes KEY=VALUE, got '" + v + "'");
                        }
                        options.put(v.substring(0, eq), v.substring(eq + 1));
                    }
                    case "--out" -> out = Path.of(v);
                    default -> throw new UsageException("unknown option '" + a + "'");
                }
            }
            if (policy == null || input == null || out == null) {
                throw new UsageException("--policy, --input and --out are required");
            }
            return new Arguments(master, policy, org, input, format, options, out);
        }
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("mlgates-spark: " + e.getMessage());
            }
            (e.getMessage().isEmpty() ? out : err).println(USAGE);
            return e.getMessage().isEmpty() ? 0 : 2;
        }
        try {
            LoadedPolicy policy = load(a, environment);
            SparkSession.Builder builder = SparkSession.builder().appName("mlgates-spark");
            a.master().ifPresent(builder::master);
            SparkSession spark = builder.getOrCreate();
            try {
                DataFrameReader reader = spark.read().format(a.format()).options(ReaderOptions.of(a.format(),
                        a.options(), policy.policy().predictions()));
                Dataset<Row> table = reader.load(a.input());
                try (SparkStatistics.Summary summary = SparkStatistics.summarise(table, policy.policy(), a.input(),
                        a.format())) {
                    Statistics s = summary.statistics();
                    AtomicFiles.write(a.out(), s::write);
                    out.println("mlgates-spark: " + s.rows() + " rows of " + a.input() + " summarised by "
                            + s.origin().orElseThrow().describe() + " in " + a.out());
                }
            } finally {
                spark.stop();
            }
            return 0;
        } catch (BadInputException e) {
            err.println("mlgates-spark: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                // a path that is not there, a format Spark does not know: the user's input (Scala throws it unchecked)
                err.println("mlgates-spark: " + a.input() + ": " + e.getMessage());
                return 2;
            }
            java.util.Optional<String> malformed = malformedRecord(e);
            if (malformed.isPresent()) {
                // mode FAILFAST (ReaderOptions): a row Spark's parser cannot read is the user's input, not ours
                err.println("mlgates-spark: " + a.input() + ": a malformed row stopped the job (Spark's reader"
                        + " cannot say its line; `mlgates stats` on the same file names it): " + malformed.get());
                return 2;
            }
            err.println("mlgates-spark: internal error: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }

    /** The message of the innermost malformed-record error in a failed job's causes, if that is why it failed. */
    static java.util.Optional<String> malformedRecord(Throwable failure) {
        String found = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.apache.spark.SparkThrowable spark && spark.getCondition() != null
                    && spark.getCondition().startsWith("MALFORMED_")) {
                found = t.getMessage() == null ? spark.getCondition() : t.getMessage().lines().findFirst()
                        .orElse(spark.getCondition());
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    private static LoadedPolicy load(Arguments a, Map<String, String> environment) throws BadInputException {
        Optional<Path> orgFile = a.orgPolicy().or(() -> Optional.ofNullable(environment.get(ORG_POLICY_VARIABLE))
                .filter(v -> !v.isBlank()).map(Path::of));
        PolicyLoader loader = new PolicyLoader();
        if (orgFile.isPresent()) {
            if (!Files.isRegularFile(orgFile.get())) {
                throw new BadInputException(orgFile.get().toString(), 0, 0, "organisation policy not found");
            }
            OrganisationPolicy organisation = loader.loadOrganisation(orgFile.get(), orgFile.get().toString());
            loader = new PolicyLoader(organisation);
        }
        if (!Files.isRegularFile(a.policy())) {
            throw new BadInputException(a.policy().toString(), 0, 0, "policy file not found");
        }
        Path folder = a.policy().toAbsolutePath().normalize().getParent();
        return loader.load(a.policy(), a.policy().toString(), String.valueOf(folder.getFileName()));
    }
}
