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

    /** The refusal a save of the form gets when it submits {@code submitted} over the current setting. */
    private static Refused refused(OrganisationSetting current, OrganisationSetting submitted) {
        try {
            current.replacedBy(submitted);
        } catch (Refused e) {
            return e;
        }
        throw new AssertionError("saved: " + submitted);
    }

    @Test
    void theFormRefusesBadYamlWithItsLineAndColumn() {
        OrganisationSetting none = new OrganisationSetting(null, null);

        // "    minGroupSize: " is 18 characters: the value starts at column 19 of line 3
        Refused notANumber = refused(none,
                new OrganisationSetting("ethics:\n  fairness:\n    minGroupSize: many\n", null));
        assertThat(notANumber.field()).isEqualTo("policyText");
        assertThat(notANumber.getMessage()).startsWith("Manage Jenkins: organisation policy:3:19: ")
                .contains("minGroupSize");

        Refused unclosed = refused(none,
                new OrganisationSetting("ethics:\n  fairness: [a\n", null));
        assertThat(unclosed.field()).isEqualTo("policyText");
        assertThat(unclosed.getMessage()).matches("(?s)Manage Jenkins: organisation policy:[1-9]\\d*:[1-9]\\d*: .+");
    }

    @Test
    void theFormRefusesAPolicyThatLoosensOrSetsWhatOnlyAModelMay() {
        // a waiver loosens a check: only a model's policy may declare one, and the key starts line 4, column 1
        Refused waiver = refused(new OrganisationSetting(null, null), new OrganisationSetting(
                FLOOR + "waivers:\n  - check: fairness\n    reason: none\n    expires: 2030-01-01\n", null));
        assertThat(waiver.field()).isEqualTo("policyText");
        assertThat(waiver.getMessage()).startsWith("Manage Jenkins: organisation policy:4:1: ")
                .contains("'waivers' belongs in each model's mlgates.yaml");
    }

    @Test
    void theFormNamesABadFileByItsPathAndRefusesAmbiguity() throws Exception {
        OrganisationSetting none = new OrganisationSetting(null, null);
        Path bad = Files.writeString(controller.resolve("org.yaml"), "ethics:\n  fairness:\n    minGroupSize: many\n");

        Refused badFile = refused(none, new OrganisationSetting(null, bad.toString()));
        assertThat(badFile.field()).isEqualTo("policyPath");
        assertThat(badFile.getMessage()).startsWith(bad + ":3:19: ");
        assertThat(refused(none, new OrganisationSetting(null, "org.yaml")).getMessage())
                .isEqualTo("org.yaml: expected the absolute path of a file on the controller");
        assertThat(refused(none, new OrganisationSetting(null, controller.resolve("none.yaml").toString()))
                .field()).isEqualTo("policyPath");

        Refused both = refused(none, new OrganisationSetting(FLOOR, bad.toString()));
        assertThat(both.field()).isEqualTo("policyPath");
        assertThat(both.getMessage()).contains("expected one");
    }

    @Test
    void theFormSavesAValidPolicyAndKeepsThePreviousOneAfterARefusal() throws Exception {
        OrganisationSetting previous = new OrganisationSetting(null, null)
                .replacedBy(new OrganisationSetting(FLOOR, null));
        assertThat(previous).isEqualTo(new OrganisationSetting(FLOOR, null));

        Path file = Files.writeString(controller.resolve("org.yaml"), FLOOR);
        assertThat(previous.replacedBy(new OrganisationSetting(null, file.toString())))
                .isEqualTo(new OrganisationSetting(null, file.toString()));
        assertThat(previous.replacedBy(new OrganisationSetting("", " "))).as("emptying both sets none")
                .isEqualTo(new OrganisationSetting(null, null));

        refused(previous, new OrganisationSetting("ethics: [\n", null));
        assertThat(previous.resolve()).contains(new OrganisationText("Manage Jenkins: organisation policy", FLOOR));
    }
}
