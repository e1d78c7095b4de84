/**
 * Verified identity: who signed, checked against an organisation's list of signers, in OpenSSH's formats so that
 * the keys people already sign git commits with serve here too. Pure Java on the JDK's Ed25519 and RSA; no
 * dependency.
 *
 * <p>The public face:
 * <ul>
 *   <li>{@link io.mlgates.core.identity.AllowedSigners#parse(java.nio.file.Path)} reads an allowed-signers file
 *       (ssh-keygen(1), ALLOWED SIGNERS) into {@link io.mlgates.core.identity.AllowedSigner} lines; a bad line is a
 *       {@link io.mlgates.core.BadInputException} at file:line:column saying what was expected.</li>
 *   <li>{@link io.mlgates.core.identity.SshSignatures#verify} checks an armored SSH signature (PROTOCOL.sshsig)
 *       over a message for a principal and namespace at a time, and returns the
 *       {@link io.mlgates.core.identity.VerifiedSigner} (principal and key fingerprint), or throws a
 *       {@link io.mlgates.core.identity.SignatureException} saying what failed.</li>
 *   <li>{@link io.mlgates.core.identity.SshKeygen#sign} signs by running {@code ssh-keygen -Y sign}, for the
 *       command line's signers; verification never needs ssh-keygen.</li>
 * </ul>
 * {@link io.mlgates.core.identity.SshPublicKey} is the key as OpenSSH encodes it, with its {@code SHA256:}
 * fingerprint.
 */
package io.mlgates.core.identity;
