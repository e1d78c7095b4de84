package io.mlgates.core.registry;

import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.gate.BaselineSource;
import io.mlgates.core.gate.StageMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The metrics an embedded registry recorded, at registration, for the version now in a stage: a gate's baseline
 * {@code from: production}. The file is opened read-only and never created; its audit chain is verified first, since
 * the metrics are part of the record and a baseline read from an altered one could let a regression through.
 */
public final class RecordedMetrics implements StageMetrics {
    private final Path file;
    private final String shownAs;
    private final String model;

    /**
     * @param file the registry file
     * @param shownAs how messages name it, for example {@code .mlgates/registry.db}
     * @param model the model whose versions are read
     */
    public RecordedMetrics(Path file, String shownAs, String model) {
        this.file = Objects.requireNonNull(file, "file");
        this.shownAs = Objects.requireNonNull(shownAs, "shownAs");
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public Found in(String stage) throws BadInputException {
        String named = BaselineSource.STAGE_PREFIX + stage;
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Absent("no registry at " + shownAs + " yet, so no version is in " + stage
                    + ": nothing to compare with");
        }
        try (SqliteRegistry registry = SqliteRegistry.openForReading(file, shownAs)) {
            AuditVerification verification = registry.verifyAudit();
            if (!verification.intact()) {
                throw new BadInputException(shownAs, 0, 0, "the audit log does not hold ("
                        + verification.findings().get(0).message() + "), so the metrics recorded for " + named
                        + " are not read; mlgates audit verify lists every finding");
            }
            OptionalInt version = registry.current(model, stage);
            if (version.isEmpty()) {
                return new Absent("no version of " + model + " is in " + stage + " in " + shownAs
                        + ": nothing to compare with yet");
            }
            ModelVersion current = registry.version(model, version.getAsInt()).orElseThrow(() ->
                    new BadInputException(shownAs, 0, 0, stage + " points to version " + version.getAsInt()
                            + ", which is not registered"));
            Map<String, Double> recorded = current.registration().metrics();
            Map<String, OptionalDouble> values = new LinkedHashMap<>();
            recorded.forEach((name, value) -> values.put(name, OptionalDouble.of(value)));
            String digest = "sha256:" + HexFormat.of().formatHex(sha256().digest(
                    CanonicalJson.of(RegistryJson.metrics(recorded)).getBytes(StandardCharsets.UTF_8)));
            return new Recorded(named + " (version " + current.version() + ", " + current.digest() + ", in "
                    + shownAs + ")", values, digest);
        } catch (RegistryException e) {
            throw new BadInputException(shownAs, 0, 0, "cannot read the metrics recorded for " + named + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
