package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organisation policy as Manage Jenkins holds it: text or a file on the controller, checked as the form shows. */
class OrganisationSettingTest {
    private static final String FLOOR = "ethics:\n  fairness:\n    sensitive: [age_band]\n";

    @TempDir
    Path controller;

    /** What a gate reports when it applies the setting, or null when it applies. */
    private static String problem(OrganisationSetting setting) {
        try {
            setting.resolve().ifPresent(org -> {
                try {
                    org.load();
                } catch (BadInputException e) {
                    throw new IllegalStateException(e.getMessage());
                }
            });
            return null;
        } catch (BadInputException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    @Test
    void nothingSetAppliesNothing() throws Exception {
        assertThat(new OrganisationSetting(null, " ").resolve()).isEmpty();
        assertThat(problem(new OrganisationSetting("", null))).isNull();
    }

    @Test
    void theTextIsThePolicyUnderItsOwnName() throws Exception {
        assertThat(new OrganisationSetting(FLOOR, null).resolve()).contains(
                new OrganisationText("Manage Jenkins: organisation policy", FLOOR));
        assertThat(problem(new OrganisationSetting(FLOOR, null))).isNull();
    }

    @Test
    void aProblemIsNamedWithItsLineAndColumn() {
        assertThat(problem(new OrganisationSetting("ethics:\n  fairness:\n    minGroupSize: many\n", null)))
                .startsWith("Manage Jenkins: organisation policy:3:").contains("minGroupSize");
        assertThat(problem(new OrganisationSetting("ethics: [\n", null)))
                .startsWith("Manage Jenkins: organisation policy:");
        assertThat(problem(new OrganisationSetting("limits:\n  - metric: accuracy\n    min: 0.5\n", null)))
                .as("an organisation sets only ethics").startsWith("Manage Jenkins: organisation policy:1:");
    }

    @Test
    void aFileOnTheControllerIsReadAtItsAbsolutePath() throws Exception {
        Path file = Files.writeString(controller.resolve("org.yaml"), FLOOR);

        assertThat(new OrganisationSetting(null, file.toString()).resolve())
                .contains(new OrganisationText("Manage Jenkins: org.yaml", FLOOR));
        assertThat(problem(new OrganisationSetting(null, "org.yaml")))
                .isEqualTo("Manage Jenkins: org.yaml: expected the absolute path of a file on the controller");
        assertThat(problem(new OrganisationSetting(null, controller.resolve("none.yaml").toString())))
                .endsWith("expected the absolute path of a file on the controller");
    }

    @Test
    void textAndFileTogetherAreRefused() throws Exception {
        Path file = Files.writeString(controller.resolve("org.yaml"), FLOOR);

        assertThatThrownBy(() -> new OrganisationSetting(FLOOR, file.toString()).resolve())
                .isInstanceOf(BadInputException.class).hasMessageContaining("expected one");
    }
}
