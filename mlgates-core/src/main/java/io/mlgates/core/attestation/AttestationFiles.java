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
import java.util.Objects;

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
     * @throws BadInputException for the file, or for its first line that is not an envelope
     */
    public static List<Envelope> read(Path file, String shown) throws BadInputException {
        List<Envelope> envelopes = new ArrayList<>();
        for (Line line : lines(file, shown)) {
            if (line instanceof Unreadable unreadable) {
                throw unreadable.problem();
            }
            envelopes.add(((Parsed) line).envelope());
        }
        return envelopes;
    }

    /**
     * Every non-blank line of a file, each an envelope or why it is not one, so that a verifier can tell each line's
     * outcome rather than stop at the first bad one.
     *
     * @param shown the file as the user named it, for messages ({@code shown:LINE: ...})
     * @throws BadInputException for the file as a whole: unreadable, too large, not UTF-8, or without an envelope
     */
    public static List<Line> lines(Path file, String shown) throws BadInputException {
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
        List<Line> lines = new ArrayList<>();
        String[] texts = text.split("\n", -1);
        for (int i = 0; i < texts.length; i++) {
            if (!texts[i].isBlank()) {
                try {
                    lines.add(new Parsed(i + 1, Envelope.parse(texts[i], shown + ":" + (i + 1))));
                } catch (BadInputException e) {
                    lines.add(new Unreadable(i + 1, e));
                }
            }
        }
        if (lines.isEmpty()) {
            throw new BadInputException(shown, 0, 0, "holds no envelope; expected one DSSE JSON envelope a line");
        }
        return lines;
    }

    /** A non-blank line of an attestation file. */
    public sealed interface Line permits Parsed, Unreadable {
        /** The line's 1-based number in the file. */
        int number();
    }

    /** A line that is a DSSE envelope (its signature not yet checked). */
    public record Parsed(int number, Envelope envelope) implements Line {
        public Parsed {
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    /** A line that is not an envelope, and why, at file and line. */
    public record Unreadable(int number, BadInputException problem) implements Line {
        public Unreadable {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
