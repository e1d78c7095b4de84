package io.mlgates.core.attestation;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the small files this package takes (keys, allowed signers, attestations) whole, refusing oversized ones. */
final class BoundedFiles {
    private BoundedFiles() {
    }

    /**
     * The file's bytes, or bad input named {@code shown}: {@code missing} when there is no such file, "is not a
     * regular file; expected {@code expected}" for a folder or device, {@code tooLarge} past {@code maxBytes}.
     */
    static byte[] read(Path file, String shown, long maxBytes, String expected, String missing, String tooLarge)
            throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(shown, 0, 0, Files.exists(file) ? "is not a regular file; expected "
                    + expected : missing);
        }
        try {
            // checked before reading, so that a huge file named by mistake is not read into memory
            if (Files.size(file) > maxBytes) {
                throw new BadInputException(shown, 0, 0, tooLarge);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(shown, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }
}
