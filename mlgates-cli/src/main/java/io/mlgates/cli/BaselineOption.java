package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.BaselineSource;
import io.mlgates.core.gate.RequestedFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --baseline}: a metrics file anywhere, or {@code registry:STAGE}; for validate and run. */
final class BaselineOption {
    @Option(names = "--baseline", paramLabel = "FILE|registry:STAGE",
            description = "baseline instead of the policy's: a metrics file anywhere (a flat {name: value} object or"
                    + " a gate result such as validate.json), or registry:production for the metrics the registry"
                    + " recorded for the version now in that stage")
    String baseline;

    Optional<BaselineSource> source() throws BadInputException {
        if (baseline == null) {
            return Optional.empty();
        }
        if (baseline.startsWith(BaselineSource.STAGE_PREFIX)) {
            String stage = baseline.substring(BaselineSource.STAGE_PREFIX.length());
            if (stage.isBlank()) {
                throw new BadInputException("--baseline", 0, 0, "'" + baseline + "' names no stage; expected"
                        + " registry:STAGE, such as registry:production");
            }
            return Optional.of(new BaselineSource.Stage(stage));
        }
        try {
            return Optional.of(new BaselineSource.File(RequestedFile.usersOwn(Path.of(baseline))));
        } catch (InvalidPathException e) {
            throw new BadInputException("--baseline", 0, 0, "'" + baseline + "' is not a valid path: "
                    + e.getReason());
        }
    }
}
