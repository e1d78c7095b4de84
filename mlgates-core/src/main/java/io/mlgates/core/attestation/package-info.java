/**
 * Signed evidence that travels: gate results and promotion decisions as in-toto Statements in DSSE envelopes,
 * signed with Ed25519 on the JDK, readable by any in-toto or SLSA verifier (docs/attestations.md). Pure Java; keys
 * and allowed signers in OpenSSH's formats come from {@code io.mlgates.core.identity}.
 *
 * <p>The public face:
 * <ul>
 *   <li>{@link io.mlgates.core.attestation.SigningKey}: an Ed25519 private key from a file or from bytes (OpenSSH
 *       {@code openssh-key-v1} unencrypted, or PKCS#8 PEM); signs a {@link io.mlgates.core.attestation.Statement}
 *       into an {@link io.mlgates.core.attestation.Envelope}.</li>
 *   <li>{@link io.mlgates.core.attestation.TestResultStatement#of} and
 *       {@link io.mlgates.core.attestation.VerificationSummaryStatement#of}: the Statement of a gate result (in-toto
 *       Test Result v0.1) and of a promotion (SLSA Verification Summary v1); their subjects from
 *       {@link io.mlgates.core.attestation.CandidateSubjects#of}.</li>
 *   <li>{@link io.mlgates.core.attestation.TrustedKeys}: a public key or an allowed-signers file, which verifies an
 *       envelope into a {@link io.mlgates.core.attestation.VerifiedEnvelope} naming who signed.</li>
 *   <li>{@link io.mlgates.core.attestation.AttestationFiles}: reading and writing {@code .intoto.jsonl} files.</li>
 * </ul>
 */
package io.mlgates.core.attestation;
