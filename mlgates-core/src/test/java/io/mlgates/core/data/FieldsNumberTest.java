package io.mlgates.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reader's number parsing gives exactly what {@link Double#parseDouble} gives, or fails where it fails. */
class FieldsNumberTest {
    private static final String[] SHAPES = {"", "-", "+", ".", "e", "E-3", "e+400", "x", " ", "0", "00", "9"};

    /** What the JDK makes of the text: the double's bits, or the failure. */
    private static String jdk(String text) {
        try {
            return Long.toHexString(Double.doubleToRawLongBits(Double.parseDouble(text)));
        } catch (NumberFormatException e) {
            return "not a number";
        }
    }

    private static String ours(String text) {
        Fields f = new Fields(1);
        // the value lies inside a larger array, as a field of a record does
        byte[] bytes = ("7," + text + ",9").getBytes(StandardCharsets.UTF_8);
        f.bytes = bytes;
        f.set(0, 2, bytes.length - 2);
        try {
            return Long.toHexString(Double.doubleToRawLongBits(f.number(0)));
        } catch (NumberFormatException e) {
            return "not a number";
        }
    }

    private static String randomNumber(Random random) {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(4) == 0) {
            s.append(random.nextBoolean() ? '-' : '+');
        }
        int digits = random.nextInt(random.nextBoolean() ? 6 : 25);
        for (int i = 0; i < digits; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(3) > 0) {
            s.append('.');
            int decimals = random.nextInt(random.nextBoolean() ? 8 : 30);
            for (int i = 0; i < decimals; i++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(8) == 0) {
            s.append(SHAPES[random.nextInt(SHAPES.length)]);
        }
        if (random.nextInt(20) == 0) {
            s.insert(random.nextInt(s.length() + 1), SHAPES[random.nextInt(SHAPES.length)]);
        }
        return s.toString();
    }

    @Test
    @DisplayName("random decimals (signs, 0 to 25 digits, 0 to 30 decimals, exponents, junk) parse as parseDouble does")
    void asTheJdk() {
        Random random = new Random(15);
        for (int n = 0; n < 200_000; n++) {
            String text = randomNumber(random);
            assertThat(ours(text)).as("'%s'", text).isEqualTo(jdk(text));
        }
    }

    @Test
    @DisplayName("the edges of the fast path: 15 to 19 digits, 2^53, 22 and 23 decimals, signed zeros, lone signs")
    void edges() {
        String[] cases = {"9007199254740992", "9007199254740993", "900719925474099.3", "0.9007199254740993",
            "123456789012345678", "1234567890123456789", "0.0000000000000000000001", "0.00000000000000000000001",
            "1.0000000000000000000000", "-0", "+0", "-0.0", "0.", ".5", "-.5", ".", "-", "+", "", "1e5", "0.3879",
            "999999999999999999", "0.999999999999999999"};
        for (String text : cases) {
            assertThat(ours(text)).as("'%s'", text).isEqualTo(jdk(text));
        }
    }
}
