package io.mlgates.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stream's check of an exact sum's text, by hand, against the schema's pattern it stands for. */
class ExactSumTextTest {
    /** The schema's {@code exactSum} pattern, strictly. */
    private static final Pattern SCHEMA = Pattern.compile("0|-?0x[0-9a-f]*[13579bdf]p-?[0-9]{1,6}");
    private static final String ALPHABET = "0x-p19afAFg +0x1p";

    @Test
    @DisplayName("random texts near the form: the hand-written check accepts exactly what the pattern accepts")
    void sameAsThePattern() {
        Random random = new Random(42);
        String[] seeds = {"0", "-0", "0x1p0", "-0x1p-0", "0x2p1", "0xfp123456", "0xfp1234567", "0x1p", "0xp1", "0x1P1",
            "0x01p-3", "0x1bp-4", "00x1p1", "", "-", "0x", "0x1p--1", "0xabcdefp-1"};
        for (String seed : seeds) {
            assertThat(StreamedDocument.exact(seed)).as(seed).isEqualTo(SCHEMA.matcher(seed).matches());
        }
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "0x" : random.nextBoolean() ? "-0x" : "");
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String t = text.toString();
            assertThat(StreamedDocument.exact(t)).as(t).isEqualTo(SCHEMA.matcher(t).matches());
        }
    }
}
