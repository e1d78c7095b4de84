package io.mlgates.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allowed-signers format of ssh-keygen(1). The keys below were made with {@code ssh-keygen -t ed25519},
 * {@code -t rsa -b 2048} and {@code -t ecdsa}; their fingerprints are those {@code ssh-keygen -l} printed.
 */
class AllowedSignersTest {
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFLzfYqjSma0vF/HW+uEVnMPtwVzBTP7vBbQwMzg1aA5";
    static final String ED25519_FINGERPRINT = "SHA256:rFksL60NnSQFvR5S7GHxUUfioAQmQ4elMv1e6/nWal0";
    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCfj6PT90T/WiipJDtUHQgQcaAAzXg8xw/kSUdW5n73V/U4IXK"
            + "Qb0Z5b+FKa59YH4yf0T9FtvkU5QfirzbYtlKJaHEKAhB+Km9qsiiJClEeaLQK9oV/HBtMzKdIvx4TCjCvE8SZSn5B4m6nvPkcSvO+CjlMt"
            + "VsghyJjWB7JoS56Sv0NkdsYO/l8sn+4+lSJ8AgT8Wpf93o/8WJuupJ3B2obcEVljOHVkOYY3wyxrhV+Pe710WBY6uWPnRRP5pgnLm3TIpf7"
            + "S0pRaSLUh2+3jAZTqm/Hdatk1ytM4JIsEeMvQTZTs/aAY7hVgrMLKy7B043TD728Lugw08Vyi/VfLiIP";
    static final String RSA_FINGERPRINT = "SHA256:1Nk+YVh78KbKYqXXgwvzBTPCzyG3bMQe9KMb+VwtTX8";
    static final String ECDSA = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBL4SZU72z9W"
            + "cIweR9ybRwtjlV+PUer50t70bKlEVe3Oz9nrNh/uF4Pock3kwb1WSD5Q6aTcessaWkxnHKrEH7pQ=";

    @TempDir
    Path tmp;

    private Path file(String text) throws Exception {
        return Files.writeString(tmp.resolve("allowed_signers"), text);
    }

    @Test
    @DisplayName("comments, blank lines, options, quoted principals, key comments and CRLF lines are read")
    void readsTheFormat() throws Exception {
        Path file = file("""
                # Comments allowed at start of line
                  # and indented

                alice@example.com,bob@example.com %s alice's laptop
                "carol smith@example.com" namespaces="git,mlgates",VALID-AFTER="20260101Z" %s\r
                *@example.com,!eve@example.com valid-before="202612312359UTC" %s
                """.formatted(ED25519, RSA, ECDSA));

        AllowedSigners signers = AllowedSigners.parse(file, ZoneOffset.UTC);

        assertThat(signers.source()).isEqualTo(file.toString());
        assertThat(signers.signers()).hasSize(3);
        AllowedSigner alice = signers.signers().get(0);
        assertThat(alice.line()).isEqualTo(4);
        assertThat(alice.principals()).isEqualTo("alice@example.com,bob@example.com");
        assertThat(alice.namespaces()).isEmpty();
        assertThat(alice.key().type()).isEqualTo("ssh-ed25519");
        assertThat(alice.key().fingerprint()).isEqualTo(ED25519_FINGERPRINT);
        AllowedSigner carol = signers.signers().get(1);
        assertThat(carol.principals()).isEqualTo("carol smith@example.com");
        assertThat(carol.namespaces()).contains("git,mlgates");
        assertThat(carol.validAfter()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(carol.key().fingerprint()).isEqualTo(RSA_FINGERPRINT);
        assertThat(carol.key().supported()).isTrue();
        AllowedSigner team = signers.signers().get(2);
        assertThat(team.validBefore()).contains(Instant.parse("2026-12-31T23:59:00Z"));
        assertThat(team.key().type()).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(team.key().supported()).as("kept by name, refused when it signs").isFalse();
        assertThat(team.allowsPrincipal("dan@example.com")).isTrue();
        assertThat(team.allowsPrincipal("eve@example.com")).isFalse();
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            "20260601Z,          UTC,           2026-06-01T00:00:00Z",
            "20260601z,          UTC,           2026-06-01T00:00:00Z",
            "202606011230UTC,    Europe/Paris,  2026-06-01T12:30:00Z",
            "20260601123045Z,    Europe/Paris,  2026-06-01T12:30:45Z",
            "20260601,           Europe/Paris,  2026-05-31T22:00:00Z",
            "202601011200,       Europe/Paris,  2026-01-01T11:00:00Z",
            "20260601123045,     America/New_York, 2026-06-01T16:30:45Z"})
    @DisplayName("times are UTC with a Z or UTC suffix, otherwise in the given zone, as OpenSSH reads them")
    void times(String written, String zone, String instant) throws Exception {
        Path file = file("alice@example.com valid-after=\"" + written + "\" " + ED25519 + "\n");

        assertThat(AllowedSigners.parse(file, ZoneId.of(zone)).signers().get(0).validAfter())
                .contains(Instant.parse(instant));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "alice@example.com | 18: nothing after the principals; expected principals, options (optional), key type "
                    + "and base64 key",
            "\"alice@example.com ED | 1: the principals' quote is not closed; expected a closing \"",
            "\"alice@example.com\"x ED | 20: expected white space after the quoted principals",
            "alice@example.com cert-authority ED | 19: cert-authority is not supported: signatures are verified "
                    + "against plain keys, not certificates; list each signer's own public key instead",
            "alice@example.com namespaces=git ED | 30: namespaces= must be followed by a double-quoted value, e.g. "
                    + "namespaces=\"...\"",
            "alice@example.com namespaces=\"git ED | 30: the value of namespaces has no closing quote; expected a "
                    + "closing \"",
            "alice@example.com namespaces=\"a\",namespaces=\"b\" ED | 34: namespaces is given twice; expected it at "
                    + "most once",
            "alice@example.com valid-after=\"2026\" ED | 19: valid-after \"2026\" is not a time; expected YYYYMMDD, "
                    + "YYYYMMDDHHMM or YYYYMMDDHHMMSS, optionally followed by Z or UTC",
            "alice@example.com valid-before=\"20260230Z\" ED | 19: valid-before \"20260230Z\" is not a valid date or "
                    + "time; expected YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, optionally followed by Z or UTC",
            "alice@example.com valid-after=\"20260601Z\",valid-before=\"20260101Z\" ED | 1: valid-before "
                    + "2026-01-01T00:00:00Z is not after valid-after 2026-06-01T00:00:00Z; expected a time range in "
                    + "which the key is valid",
            "alice@example.com foo=\"bar\" ED | 19: unknown option or key type 'foo=\"bar\"'; expected options "
                    + "namespaces=\"...\", valid-after=\"...\", valid-before=\"...\", or a key type (ssh-ed25519, "
                    + "ssh-rsa)",
            "alice@example.com ssh-ed448 AAAA | 19: unknown option or key type 'ssh-ed448'; expected options "
                    + "namespaces=\"...\", valid-after=\"...\", valid-before=\"...\", or a key type (ssh-ed25519, "
                    + "ssh-rsa)",
            "alice@example.com namespaces=\"git\", ED | 36: nothing after ','; expected another option",
            "alice@example.com namespaces=\"git\";x ED | 35: unexpected ';' after an option; expected ',' between "
                    + "options and white space before the key type",
            "alice@example.com namespaces=\"git\" | 35: nothing after the options; expected a key type and base64 "
                    + "key",
            "alice@example.com namespaces=\"git\" ssh-foo AAAA | 36: unknown key type 'ssh-foo'; expected "
                    + "ssh-ed25519 or ssh-rsa",
            "alice@example.com ssh-ed25519 | 30: no key after 'ssh-ed25519'; expected the base64-encoded key",
            "alice@example.com ssh-ed25519 AAAA!!!! | 31: the key is not valid base64 (Illegal base64 character 21)",
            "alice@example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI | 31: the key is not valid base64 (Last "
                    + "unit does not have enough valid bits)",
            "alice@example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFLzfYqj | 31: the ssh-ed25519 key is malformed: "
                    + "the Ed25519 public key claims 32 bytes but only 5 remain",
            "alice@example.com ssh-ed25519 RSAKEY | 31: the key says it is ssh-rsa but the line says ssh-ed25519; "
                    + "expected the key type that the key itself names"})
    @DisplayName("each malformed line is refused at file:line:column, saying what was expected")
    void malformedLine(String line, String expected) throws Exception {
        String text = line.replace(" ED", " " + ED25519).replace("RSAKEY", RSA.split(" ")[1]);
        Path file = file("# team\n" + text + "\n");

        assertThatThrownBy(() -> AllowedSigners.parse(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ":2:" + expected);
    }

    @Test
    @DisplayName("a missing file, a folder and bytes that are not UTF-8 are refused, naming the file")
    void unreadableFiles() throws Exception {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> AllowedSigners.parse(missing)).hasMessage(missing + ": no such allowed signers file");
        assertThatThrownBy(() -> AllowedSigners.parse(tmp))
                .hasMessage(tmp + ": is not a regular file; expected an allowed signers file");
        Path latin1 = Files.write(tmp.resolve("latin1"), new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> AllowedSigners.parse(latin1))
                .hasMessage(latin1 + ": is not UTF-8 text; expected an allowed signers file");
    }

    @Test
    @DisplayName("an empty file is a list of no signers, as for ssh-keygen")
    void emptyFile() throws Exception {
        assertThat(AllowedSigners.parse(file("# nobody yet\n")).signers()).isEmpty();
    }

    @Test
    @DisplayName("a hostile value is shown bounded and with its control characters escaped")
    void boundedMessages() throws Exception {
        Path file = file("alice@example.com valid-after=\"" + "9".repeat(500) + "\u001b[2J\" " + ED25519 + "\n");

        assertThatThrownBy(() -> AllowedSigners.parse(file)).hasMessageContaining("\"" + "9".repeat(80) + "...\"")
                .hasMessageNotContaining("\u001b");
    }

    @Test
    @DisplayName("the records refuse what a file could not say")
    void recordsValidate() throws Exception {
        SshPublicKey key = AllowedSigners.parse(file("a " + ED25519 + "\n")).signers().get(0).key();
        assertThatThrownBy(() -> new AllowedSigner(0, "a", Optional.empty(), Optional.empty(), Optional.empty(), key))
                .hasMessage("line must be 1 or more, was 0");
        assertThatThrownBy(() -> new AllowedSigner(1, "", Optional.empty(), Optional.empty(), Optional.empty(), key))
                .hasMessage("principals must not be empty");
        assertThatThrownBy(() -> new VerifiedSigner("alice", "MD5:aa"))
                .hasMessage("keyFingerprint must be SHA256: and 43 base64 characters, was MD5:aa");
        assertThatThrownBy(() -> new VerifiedSigner(" ", ED25519_FINGERPRINT))
                .hasMessage("principal must not be blank");
    }
}
