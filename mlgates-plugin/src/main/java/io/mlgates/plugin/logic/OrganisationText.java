package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.OrganisationPolicy;
import io.mlgates.core.policy.PolicyLoader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The organisation policy set in Manage Jenkins → System, as the controller hands it to every gate: its YAML and the
 * name messages give it. It travels to the agent with the task, so the agent needs no file of the controller.
 *
 * @param name how messages and results name it: {@code Manage Jenkins: organisation policy}
 * @param yaml the policy's text
 */
public record OrganisationText(String name, String yaml) implements Serializable {
    private static final long serialVersionUID = 1L;

    public OrganisationText {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
    }

    /**
     * Reads the policy as the CLI's {@code --org-policy} reads its file.
     *
     * @throws BadInputException with the name, line and column of each problem
     */
    public OrganisationPolicy load() throws BadInputException {
        Path file = null;
        try {
            file = Files.createTempFile("mlgates-organisation", ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return new PolicyLoader().loadOrganisation(file, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary copy of the organisation policy", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
