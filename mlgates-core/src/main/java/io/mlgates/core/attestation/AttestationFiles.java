package io.mlgates.core.attestation;

import io.mlgates.core.BadInputException;
import io.mlgates.core.report.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Attestation files as in-toto tools exchange them ({@code .intoto.jsonl}): one DSSE envelope a line, UTF-8, each
 * line ending in a line feed.
 */
public final class AttestationFiles {
    /** The file name ending in-toto and SLSA tools look for. */
    public static final String SUFFIX = ".intoto.jsonl";
    /** The name of a promotion's Verification Summary file: {@code promotion-STAGE.intoto.jsonl}. */
    public static final String PROMOTION_PREFIX = "promotion-";

    private AttestationFiles() {
    }

    /** {@code GATE.intoto.jsonl}: the file of a gate's attestation. */
    public static String ofGate(String gate) {
        return gate + SUFFIX;
    }

    /** {@code promotion-STAGE.intoto.jsonl}: the file of a promotion's Verification Summary. */
    public static String ofPromotion(String stage) {
        return PROMOTION_PREFIX + stage + SUFFIX;
    }

    /** Writes the envelopes, one a line, replacing the file whole (readers never see half of it). */
    public static void write(Path file, List<Envelope> envelopes) throws IOException {
        StringBuilder text = new StringBuilder();
        envelopes.forEach(e -> text.append(e.toJson()).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Reads every envelope of a file; blank lines are skipped.
     *
     * @param shown the file as the user named it, for messages ({@code shown:LINE: ...})
     */
    public static List<Envelope> read(Path file, String shown) throws BadInputException {
        byte[] bytes = BoundedFiles.read(file, shown, Envelope.MAX_CHARS, "an attestation file (.intoto.jsonl)",
                "no such attestation file", "is larger than " + (Envelope.MAX_CHARS >> 20)
                        + " MiB; expected an attestation file");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(shown, 0, 0, "is not UTF-8 text; expected one JSON envelope a line");
        }
        List<Envelope> envelopes = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                envelopes.add(Envelope.parse(lines[i], shown + ":" + (i + 1)));
            }
        }
        if (envelopes.isEmpty()) {
            throw new BadInputException(shown, 0, 0, "holds no envelope; expected one DSSE JSON envelope a line");
        }
        return envelopes;
    }
}
