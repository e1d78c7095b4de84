package io.mlgates.plugin.logic;

import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.release.PromotionRace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's promotion race, run against the controller's registry as the plugin opens it: the same file under
 * {@code $JENKINS_HOME} for every thread (each build's promotion opens its own) and for another process.
 */
class TeamRegistryRaceTest {
    @TempDir
    Path jenkinsHome;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("8 threads and 2 processes promote through the team registry's wiring, 50 rounds: exactly one wins"
            + " each stage move, the history is complete, the audit chain verifies")
    void exactlyOneWinsEachRound() throws Exception {
        TeamRegistry team = TeamRegistrySetting.embedded().registry(jenkinsHome, Optional::empty, Clock.systemUTC());
        try (ModelRegistry registry = team.open()) {
            PromotionRace.registerVersions(registry);
        }
        PromotionRace.exactlyOneWinsEachRound(team::open,
                () -> PromotionRace.java(TeamRegistryContender.class.getName(), jenkinsHome.toString()), 50);
    }
}
