package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The organisation policy as an administrator sets it in Manage Jenkins → System: its text, or the path of a file on
 * the controller, or neither. Applied to every gate as the CLI's {@code --org-policy} is: a model policy may tighten
 * it, never loosen it.
 *
 * @param text the policy's YAML, or null
 * @param path an absolute path on the controller, or null
 */
public record OrganisationSetting(String text, String path) {
    /** How results and messages name the policy set as text. */
    public static final String TEXT_NAME = "Manage Jenkins: organisation policy";

    public OrganisationSetting {
        text = text == null || text.isBlank() ? null : text;
        path = path == null || path.isBlank() ? null : path.strip();
    }

    /**
     * The policy the gates apply, read (from the controller's file when a path is set), or empty when none is set.
     *
     * @throws BadInputException when both are set, or the file is not an absolute path to a readable file of at most
     *     {@value PolicyLoader#MAX_FILE_BYTES} bytes
     */
    public Optional<OrganisationText> resolve() throws BadInputException {
        if (text != null && path != null) {
            throw new BadInputException(TEXT_NAME, 0, 0, "both the policy text and a file are set; expected one");
        }
        if (text != null) {
            return Optional.of(new OrganisationText(TEXT_NAME, text));
        }
        if (path == null) {
            return Optional.empty();
        }
        Path file = Path.of(path);
        String name = "Manage Jenkins: " + (file.getFileName() == null ? path : file.getFileName().toString());
        if (!file.isAbsolute() || !Files.isRegularFile(file)) {
            throw new BadInputException(name, 0, 0, "expected the absolute path of a file on the controller");
        }
        try {
            if (Files.size(file) > PolicyLoader.MAX_FILE_BYTES) {
                throw new BadInputException(name, 0, 0, "larger than " + PolicyLoader.MAX_FILE_BYTES + " bytes");
            }
            return Optional.of(new OrganisationText(name, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new BadInputException(name, 0, 0, "cannot be read as UTF-8 text");
        }
    }
}
