package io.mlgates.core.identity;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the SSH wire encoding of RFC 4251 section 5 (uint32, string, mpint) from a byte array, refusing anything
 * truncated or oversized with the name of the field it was reading. It never reads past the array.
 */
final class SshWire {
    private final byte[] data;
    private int at;

    SshWire(byte[] data) {
        this.data = data;
    }

    /** Wire data that does not decode; the message names the field. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    long uint32(String field) throws MalformedException {
        if (data.length - at < 4) {
            throw new MalformedException("truncated before the " + field);
        }
        long value = ByteBuffer.wrap(data, at, 4).getInt() & 0xFFFF_FFFFL;
        at += 4;
        return value;
    }

    byte[] bytes(String field) throws MalformedException {
        long length = uint32("length of the " + field);
        if (length > data.length - at) {
            throw new MalformedException("the " + field + " claims " + length + " bytes but only "
                    + (data.length - at) + " remain");
        }
        byte[] value = Arrays.copyOfRange(data, at, at + (int) length);
        at += (int) length;
        return value;
    }

    /** A string field as UTF-8 text; anything that is not UTF-8 is malformed, never replaced. */
    String text(String field) throws MalformedException {
        byte[] raw = bytes(field);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("the " + field + " is not UTF-8 text");
        }
    }

    /** A non-negative mpint (two's complement, big-endian), as RSA keys carry them. */
    BigInteger positiveMpint(String field) throws MalformedException {
        byte[] raw = bytes(field);
        if (raw.length == 0) {
            return BigInteger.ZERO;
        }
        if ((raw[0] & 0x80) != 0) {
            throw new MalformedException("the " + field + " is negative");
        }
        return new BigInteger(raw);
    }

    /** Expects the text of {@code expected} at the current place, as the SSHSIG magic. */
    void magic(String expected, String what) throws MalformedException {
        byte[] magic = expected.getBytes(StandardCharsets.US_ASCII);
        if (data.length - at < magic.length
                || !Arrays.equals(data, at, at + magic.length, magic, 0, magic.length)) {
            throw new MalformedException(what + " does not start with \"" + expected + "\"");
        }
        at += magic.length;
    }

    /** The bytes not read yet, consumed. */
    byte[] remaining() {
        byte[] rest = Arrays.copyOfRange(data, at, data.length);
        at = data.length;
        return rest;
    }

    void end(String what) throws MalformedException {
        if (at != data.length) {
            throw new MalformedException(what + " has " + (data.length - at) + " bytes of trailing data");
        }
    }
}
