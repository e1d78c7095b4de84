package io.mlgates.core.release;

import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.MlflowRegistry;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.SqliteRegistry;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A second process that promotes on the same registry as the test, started by {@link ConcurrencyAndCrashTest}
 * with the test class path.
 *
 * <ul>
 *   <li>{@code rounds FILE|URL}: on the embedded registry's file or an MLflow tracking server, for each line {@code ROUND EXPECTED VERSION} on standard input ({@code EXPECTED} is
 *       {@code -} for none), promotes VERSION to staging against EXPECTED and prints {@code ROUND won} or
 *       {@code ROUND lost};</li>
 *   <li>{@code loop FILE}: promotes version after version to staging, each with an approval, printing the count
 *       after each commit, until it is killed.</li>
 * </ul>
 */
public final class PromotionContender {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    /** Versions 1 to 20 are registered by the test before any contender runs. */
    static final int VERSIONS = 20;
    static final PromotionPolicy POLICY = PromotionPolicy.defaults();

    private PromotionContender() {
    }

    static PromotionRequest request(int version) {
        return new PromotionRequest(ReleaseFixtures.MODEL, ReleaseFixtures.candidate(version), POLICY, "staging",
                ReleaseFixtures.passed(version, NOW), "contender", "alice", "model", Optional.empty(),
                Optional.empty(), ReleaseFixtures.CURRENT);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // an MLflow tracking server's address, or the embedded registry's file
        try (ModelRegistry registry = args[1].startsWith("http://")
                ? new MlflowRegistry(URI.create(args[1]), ReleaseFixtures.MODEL, Map.of())
                : SqliteRegistry.open(Path.of(args[1]), "registry.db", clock)) {
            Promoter promoter = new Promoter(registry, clock);
            if (args[0].equals("rounds")) {
                PromotionRace.rounds(registry, System.in, out);
            } else {
                // start after the version a killed predecessor left in the stage, so that every promotion moves it
                int start = registry.current(ReleaseFixtures.MODEL, "staging").orElse(0);
                for (int i = 1; ; i++) {
                    int version = 1 + (start + i) % VERSIONS;
                    registry.decide(new Approval(ReleaseFixtures.MODEL, ReleaseFixtures.digest(version), "staging",
                            "carol", Approval.Decision.APPROVE, "round " + i, NOW));
                    PromotionOutcome outcome = promoter.promote(request(version));
                    if (outcome.result() != PromotionOutcome.Result.PROMOTED) {
                        throw new IllegalStateException("alone on the file, every promotion wins: " + outcome);
                    }
                    out.println(i);
                }
            }
        }
    }
}
