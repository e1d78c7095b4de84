package io.mlgates.core.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DSSE specification's published test vector (published/dsse-test-vector.json, copied from
 * github.com/secure-systems-lab/dsse protocol.md and implementation/signing_spec.py): our PAE of its payload is the
 * published one, our envelope reader reads its envelope, and its ECDSA P-256 signature verifies over our PAE with its
 * published key (checked with the JDK's ECDSA, the vector's algorithm; ML Gates itself signs with Ed25519).
 */
class DsseTestVectorTest {
    private static final JsonNode VECTOR = Fixtures.json("published/dsse-test-vector.json");

    @Test
    void thePreAuthenticationEncodingIsThePublishedOne() {
        byte[] pae = Dsse.pae(VECTOR.get("payloadType").asText(),
                VECTOR.get("payload").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo(VECTOR.get("pae").asText())
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @ParameterizedTest
    @ValueSource(strings = {"envelope", "envelopeWithKeyid"})
    void thePublishedEnvelopeReadsAndItsSignatureVerifiesOverOurPae(String which) throws Exception {
        Envelope envelope = Envelope.parse(VECTOR.get(which).toString(), "dsse-test-vector.json");
        assertThat(envelope.payloadType()).isEqualTo("http://example.com/HelloWorld");
        assertThat(new String(envelope.payload(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(envelope.signatures()).hasSize(1);
        assertThat(envelope.signatures().get(0).keyId().isPresent()).isEqualTo(which.equals("envelopeWithKeyid"));
        assertThat(ecdsaVerifies(envelope.pae(), envelope.signatures().get(0).sig())).isTrue();
    }

    @Test
    void theVectorsSignatureDoesNotVerifyOverAnotherPayloadOrType() throws Exception {
        Envelope envelope = Envelope.parse(VECTOR.get("envelope").toString(), "dsse-test-vector.json");
        byte[] sig = envelope.signatures().get(0).sig();
        assertThat(ecdsaVerifies(Dsse.pae("http://example.com/HelloWorld",
                "hello world!".getBytes(StandardCharsets.UTF_8)), sig)).isFalse();
        assertThat(ecdsaVerifies(Dsse.pae("http://example.com/HelloWorlD",
                "hello world".getBytes(StandardCharsets.UTF_8)), sig)).isFalse();
    }

    @Test
    void theEnvelopeWeWriteReadsBackAndIsTheSpecificationsShape() throws Exception {
        Envelope envelope = Envelope.parse(VECTOR.get("envelopeWithKeyid").toString(), "v");
        JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(envelope.toJson());
        assertThat(written).isEqualTo(VECTOR.get("envelopeWithKeyid"));
        assertThat(envelope.toJson()).doesNotContain("\n");
    }

    @Test
    void urlSafeBase64IsReadAsTheSpecificationRequires() throws Exception {
        String standard = VECTOR.get("envelope").toString();
        String urlSafe = standard.replace("A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==",
                "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F-FnZ-O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==");
        assertThat(urlSafe).isNotEqualTo(standard);
        assertThat(Envelope.parse(urlSafe, "v")).isEqualTo(Envelope.parse(standard, "v"));
    }

    private static boolean ecdsaVerifies(byte[] message, byte[] rawSignature) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        JsonNode key = VECTOR.get("key");
        PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(key.get("x").asText()), new BigInteger(key.get("y").asText())), curve));
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(rawSignature);
    }
}
