package io.mlgates.core.identity;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An allowed-signers file in OpenSSH's format (ssh-keygen(1), ALLOWED SIGNERS), the file {@code git} and
 * {@code ssh-keygen -Y verify} use: one signer per line, {@code principals [options] keytype base64-key [comment]};
 * blank lines and lines starting with {@code #} are comments. Options: {@code namespaces="pattern-list"},
 * {@code valid-after="time"}, {@code valid-before="time"} (YYYYMMDD or YYYYMMDDHHMM[SS], in UTC with a {@code Z} or
 * {@code UTC} suffix, otherwise in the given time zone, as OpenSSH reads them in the system's). {@code cert-authority}
 * is refused: certificates are not verified here.
 *
 * <p>Unlike OpenSSH, which reads only the lines whose principals match and ignores the rest, the whole file is
 * checked when it is read, so that a broken line is reported where it is and not when someone first needs it.
 *
 * @param source the file as the user named it, for messages
 * @param signers the signers in file order
 */
public record AllowedSigners(String source, List<AllowedSigner> signers) {
    /** Far more than any organisation's list; a bound so that a hostile file cannot exhaust memory. */
    private static final long MAX_BYTES = 4L << 20;
    private static final String EXPECTED_LINE = "expected principals, options (optional), key type and base64 key";
    private static final String EXPECTED_TIME = "expected YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, optionally "
            + "followed by Z or UTC";

    public AllowedSigners {
        Objects.requireNonNull(source, "source");
        signers = List.copyOf(signers);
    }

    /** Reads {@code file}; times without a Z or UTC suffix are in the system's time zone, as OpenSSH reads them. */
    public static AllowedSigners parse(Path file) throws BadInputException {
        return parse(file, ZoneId.systemDefault());
    }

    /** Reads {@code file}; times without a Z or UTC suffix are in {@code zone}. */
    public static AllowedSigners parse(Path file, ZoneId zone) throws BadInputException {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new BadInputException(name, 0, 0, "no such allowed signers file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(name, 0, 0, "is not a regular file; expected an allowed signers file");
        }
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(name, 0, 0, "is larger than " + (MAX_BYTES >> 20)
                        + " MiB; expected an allowed signers file");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, 0, 0, "is not UTF-8 text; expected an allowed signers file", e);
        } catch (IOException e) {
            throw new BadInputException(name, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
        List<AllowedSigner> signers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            new LineParser(name, i + 1, lines[i], zone).parse().ifPresent(signers::add);
        }
        return new AllowedSigners(name, signers);
    }

    /** One line, read left to right as OpenSSH's parse_principals_key_and_options does. */
    private static final class LineParser {
        private final String file;
        private final int lineNumber;
        private final String line;
        private final ZoneId zone;
        private int at;
        private Optional<String> namespaces = Optional.empty();
        private Optional<Instant> validAfter = Optional.empty();
        private Optional<Instant> validBefore = Optional.empty();

        LineParser(String file, int lineNumber, String line, ZoneId zone) {
            this.file = file;
            this.lineNumber = lineNumber;
            this.line = line;
            this.zone = zone;
        }

        Optional<AllowedSigner> parse() throws BadInputException {
            skipSpace();
            if (at == line.length() || line.charAt(at) == '#') {
                return Optional.empty();
            }
            String principals = principals();
            if (principals.isEmpty()) {
                throw error(1, "empty principals; " + EXPECTED_LINE);
            }
            skipSpace();
            if (at == line.length()) {
                throw error(at + 1, "nothing after the principals; " + EXPECTED_LINE);
            }
            if (!SshPublicKey.isKeyType(word())) {
                options();
                skipSpace();
                if (at == line.length()) {
                    throw error(at + 1, "nothing after the options; expected a key type and base64 key");
                }
            }
            SshPublicKey key = key();
            try {
                return Optional.of(new AllowedSigner(lineNumber, principals, namespaces, validAfter, validBefore,
                        key));
            } catch (IllegalArgumentException e) {
                throw error(1, e.getMessage());
            }
        }

        /** The first field: up to white space; a double-quoted part may hold spaces (OpenSSH's strdelimw). */
        private String principals() throws BadInputException {
            StringBuilder value = new StringBuilder();
            while (at < line.length() && !isSpace(line.charAt(at))) {
                char c = line.charAt(at);
                if (c == '"') {
                    int close = line.indexOf('"', at + 1);
                    if (close < 0) {
                        throw error(at + 1, "the principals' quote is not closed; expected a closing \"");
                    }
                    value.append(line, at + 1, close);
                    at = close + 1;
                    if (at < line.length() && !isSpace(line.charAt(at))) {
                        throw error(at + 1, "expected white space after the quoted principals");
                    }
                    break;
                }
                value.append(c);
                at++;
            }
            return value.toString();
        }

        /** The second field when it is not a key type: comma-separated options, spaces only inside quotes. */
        private void options() throws BadInputException {
            while (true) {
                int start = at;
                if (matches("cert-authority")) {
                    throw error(start + 1, "cert-authority is not supported: signatures are verified against "
                            + "plain keys, not certificates; list each signer's own public key instead");
                } else if (matches("namespaces=")) {
                    if (namespaces.isPresent()) {
                        throw error(start + 1, "namespaces is given twice; expected it at most once");
                    }
                    namespaces = Optional.of(quoted("namespaces"));
                } else if (matches("valid-after=")) {
                    if (validAfter.isPresent()) {
                        throw error(start + 1, "valid-after is given twice; expected it at most once");
                    }
                    validAfter = Optional.of(time("valid-after", start));
                } else if (matches("valid-before=")) {
                    if (validBefore.isPresent()) {
                        throw error(start + 1, "valid-before is given twice; expected it at most once");
                    }
                    validBefore = Optional.of(time("valid-before", start));
                } else {
                    throw error(start + 1, "unknown option or key type '" + Shown.clip(word()) + "'; expected "
                            + "options namespaces=\"...\", valid-after=\"...\", valid-before=\"...\", or a key type ("
                            + SshPublicKey.ED25519 + ", " + SshPublicKey.RSA + ")");
                }
                if (at == line.length() || isSpace(line.charAt(at))) {
                    break;
                }
                if (line.charAt(at) != ',') {
                    throw error(at + 1, "unexpected '" + Shown.clip(String.valueOf(line.charAt(at)))
                            + "' after an option; expected ',' between options and white space before the key type");
                }
                at++;
                if (at == line.length() || isSpace(line.charAt(at))) {
                    throw error(at + 1, "nothing after ','; expected another option");
                }
            }
            if (validAfter.isPresent() && validBefore.isPresent() && !validBefore.get().isAfter(validAfter.get())) {
                throw error(1, "valid-before " + validBefore.get() + " is not after valid-after " + validAfter.get()
                        + "; expected a time range in which the key is valid");
            }
        }

        /** A case-insensitive option name, as OpenSSH compares them. */
        private boolean matches(String name) {
            if (line.regionMatches(true, at, name, 0, name.length())) {
                at += name.length();
                return true;
            }
            return false;
        }

        /** A double-quoted option value, {@code \"} standing for a quote (OpenSSH's opt_dequote). */
        private String quoted(String option) throws BadInputException {
            if (at == line.length() || line.charAt(at) != '"') {
                throw error(at + 1, option + "= must be followed by a double-quoted value, e.g. " + option
                        + "=\"...\"");
            }
            int open = at++;
            StringBuilder value = new StringBuilder();
            while (at < line.length() && line.charAt(at) != '"') {
                if (line.charAt(at) == '\\' && at + 1 < line.length() && line.charAt(at + 1) == '"') {
                    at++;
                }
                value.append(line.charAt(at++));
            }
            if (at == line.length()) {
                throw error(open + 1, "the value of " + option + " has no closing quote; expected a closing \"");
            }
            at++;
            return value.toString();
        }

        /** OpenSSH's parse_absolute_time: YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, optional Z or UTC suffix. */
        private Instant time(String option, int start) throws BadInputException {
            String text = quoted(option);
            String digits = text;
            boolean utc = false;
            if (text.length() > 1 && text.regionMatches(true, text.length() - 1, "Z", 0, 1)) {
                digits = text.substring(0, text.length() - 1);
                utc = true;
            } else if (text.length() > 3 && text.regionMatches(true, text.length() - 3, "UTC", 0, 3)) {
                digits = text.substring(0, text.length() - 3);
                utc = true;
            }
            String pattern = switch (digits.length()) {
                case 8 -> "uuuuMMdd";
                case 12 -> "uuuuMMddHHmm";
                case 14 -> "uuuuMMddHHmmss";
                default -> null;
            };
            if (pattern == null || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error(start + 1, option + " \"" + Shown.clip(text) + "\" is not a time; " + EXPECTED_TIME);
            }
            try {
                DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
                LocalDateTime local = digits.length() == 8 ? LocalDate.parse(digits, format).atStartOfDay()
                        : LocalDateTime.parse(digits, format);
                return utc ? local.toInstant(ZoneOffset.UTC) : local.atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw error(start + 1, option + " \"" + Shown.clip(text) + "\" is not a valid date or time; "
                        + EXPECTED_TIME);
            }
        }

        private SshPublicKey key() throws BadInputException {
            int typeColumn = at + 1;
            String type = word();
            if (!SshPublicKey.isKeyType(type)) {
                throw error(typeColumn, "unknown key type '" + Shown.clip(type) + "'; expected "
                        + SshPublicKey.ED25519 + " or " + SshPublicKey.RSA);
            }
            at += type.length();
            skipSpace();
            int blobColumn = at + 1;
            String base64 = word();
            if (base64.isEmpty()) {
                throw error(blobColumn, "no key after '" + type + "'; expected the base64-encoded key");
            }
            at += base64.length();
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw error(blobColumn, "the key is not valid base64 (" + e.getMessage() + ")");
            }
            SshPublicKey key;
            try {
                key = SshPublicKey.decode(blob);
            } catch (SshWire.MalformedException e) {
                throw error(blobColumn, "the " + type + " key is malformed: " + e.getMessage());
            }
            if (!key.type().equals(type)) {
                throw error(blobColumn, "the key says it is " + key.type() + " but the line says " + type
                        + "; expected the key type that the key itself names");
            }
            return key;
        }

        /** The characters from here to the next white space, without consuming them. */
        private String word() {
            int end = at;
            while (end < line.length() && !isSpace(line.charAt(end))) {
                end++;
            }
            return line.substring(at, end);
        }

        private void skipSpace() {
            while (at < line.length() && isSpace(line.charAt(at))) {
                at++;
            }
        }

        /** OpenSSH's WHITESPACE: space, tab, CR (a CRLF file reads as intended), LF. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private BadInputException error(int column, String problem) {
            return new BadInputException(file, lineNumber, column, problem);
        }
    }
}
