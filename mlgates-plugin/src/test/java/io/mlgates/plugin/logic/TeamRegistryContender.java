package io.mlgates.plugin.logic;

import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.release.PromotionRace;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A second process that promotes on the team registry of the same {@code $JENKINS_HOME}, opened through the plugin's
 * wiring ({@link TeamRegistrySetting#registry}): {@code JENKINS_HOME}, then the race's rounds on standard input.
 */
public final class TeamRegistryContender {
    private TeamRegistryContender() {
    }

    public static void main(String[] args) throws Exception {
        TeamRegistry team = TeamRegistrySetting.embedded().registry(Path.of(args[0]), Optional::empty,
                Clock.systemUTC());
        try (ModelRegistry registry = team.open()) {
            PromotionRace.rounds(registry, System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        }
    }
}
