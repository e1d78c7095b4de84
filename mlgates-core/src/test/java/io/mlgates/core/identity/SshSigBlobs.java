package io.mlgates.core.identity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Writes SSH signatures field by field from PROTOCOL.sshsig, for the cases ssh-keygen will not produce (SHA-1 RSA,
 * other versions, odd fields). Whether a crafted signature is well formed is settled by ssh-keygen -Y verify, not by
 * the verifier under test.
 */
final class SshSigBlobs {
    private SshSigBlobs() {
    }

    static byte[] string(byte[] value) {
        return ByteBuffer.allocate(4 + value.length).putInt(value.length).put(value).array();
    }

    static byte[] string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] uint32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    /** The armored form: header, base64 in lines of 70 as ssh-keygen writes them, footer. */
    static String armor(byte[] blob) {
        String base64 = Base64.getEncoder().encodeToString(blob);
        StringBuilder text = new StringBuilder("-----BEGIN SSH SIGNATURE-----\n");
        for (int i = 0; i < base64.length(); i += 70) {
            text.append(base64, i, Math.min(base64.length(), i + 70)).append('\n');
        }
        return text.append("-----END SSH SIGNATURE-----\n").toString();
    }

    static byte[] dearmor(String armored) {
        String body = armored.replace("-----BEGIN SSH SIGNATURE-----", "").replace("-----END SSH SIGNATURE-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /** The public key blob of an OpenSSH .pub line. */
    static byte[] publicKeyBlob(String publicKeyLine) {
        return Base64.getDecoder().decode(publicKeyLine.split(" ")[1]);
    }

    /** A PKCS#8 private key as {@code ssh-keygen -m PKCS8} writes it. */
    static PrivateKey rsaPrivateKey(Path pkcs8Pem) throws Exception {
        String pem = Files.readString(pkcs8Pem).replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(pem)));
    }

    /**
     * A complete RSA SSH signature over {@code message}: {@code sigAlgorithm} is the SSH name written in the
     * signature, {@code javaAlgorithm} the JDK algorithm that makes it.
     */
    static String rsaSignature(PrivateKey key, byte[] publicKeyBlob, String namespace, byte[] message,
            String sigAlgorithm, String javaAlgorithm) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(message);
        byte[] signed = concat("SSHSIG".getBytes(StandardCharsets.US_ASCII), string(namespace), string(new byte[0]),
                string("sha512"), string(digest));
        Signature signer = Signature.getInstance(javaAlgorithm);
        signer.initSign(key);
        signer.update(signed);
        byte[] signature = concat(string(sigAlgorithm), string(signer.sign()));
        return armor(concat("SSHSIG".getBytes(StandardCharsets.US_ASCII), uint32(1), string(publicKeyBlob),
                string(namespace), string(new byte[0]), string("sha512"), string(signature)));
    }
}
