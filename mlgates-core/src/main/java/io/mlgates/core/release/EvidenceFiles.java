package io.mlgates.core.release;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.GateResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the evidence a stage asks for: the result file {@code <gate>.json} of each gate, as the gates wrote it into
 * a results folder. A gate without a file has no evidence (the promotion says so); a file that is not a gate
 * result is bad input.
 */
public final class EvidenceFiles {
    /** A gate result is small; anything far larger is not one. */
    private static final long MAX_BYTES = 64L << 20;

    private EvidenceFiles() {
    }

    /**
     * @param folder the results folder
     * @param shownAs how the folder is named in messages, for example {@code .mlgates/results}
     * @param gates the gates to read
     * @return gate name to its result, for the gates that have a file
     */
    public static Map<String, GateResult> read(Path folder, String shownAs, Collection<String> gates)
            throws BadInputException {
        Map<String, GateResult> results = new LinkedHashMap<>();
        GateResultJson json = new GateResultJson();
        for (String gate : gates) {
            Path file = folder.resolve(gate + ".json");
            String shown = shownAs + "/" + gate + ".json";
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                if (Files.size(file) > MAX_BYTES) {
                    throw new BadInputException(shown, 0, 0, "larger than " + (MAX_BYTES >> 20) + " MiB: not a gate"
                            + " result");
                }
                GateResult result = json.read(Files.readAllBytes(file), shown);
                if (!result.gate().equals(gate)) {
                    throw new BadInputException(shown, 0, 0, "holds the result of gate '" + result.gate()
                            + "', not of '" + gate + "'");
                }
                results.put(gate, result);
            } catch (IOException e) {
                throw new BadInputException(shown, 0, 0, "cannot read: " + e.getMessage(), e);
            }
        }
        return results;
    }
}
