package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlgates.core.BadInputException;
import io.mlgates.core.workspace.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a model repository's policy, {@code mlgates.yaml}: YAML read safely, checked against the policy's JSON
 * Schema, then against the rules a schema cannot say, every missing key at its default. All problems are
 * reported together, each with the file, line and column, in a {@link PolicyException}.
 *
 * <p>Limits: the file may have at most {@value #MAX_FILE_BYTES} bytes (1 MiB), must be UTF-8, holds one YAML
 * document, and may use no YAML tags beyond the core schema's; aliases to lists or mappings (at most 50), the
 * values they expand to (at most 100,000) and nesting (at most 50 levels) are bounded; duplicate keys are errors.
 * {@code docs/policy.md} describes the format and these limits.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class PolicyLoader {
    /** Largest policy file accepted, in bytes. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /** Model name when the repository folder has none (the file system root). */
    private static final String FALLBACK_MODEL_NAME = "model";

    private final PolicyYamlReader reader = new PolicyYamlReader(MAX_FILE_BYTES);
    private final Optional<OrganisationPolicy> organisation;

    public PolicyLoader() {
        this.organisation = Optional.empty();
    }

    /** A loader that applies the organisation's floor to every policy it loads (the defaults included). */
    public PolicyLoader(OrganisationPolicy organisation) {
        this.organisation = Optional.of(Objects.requireNonNull(organisation, "organisation"));
    }

    /**
     * Builds the policy schema, which every load needs and no policy file decides (with Jackson's and the validator's
     * start, about 70 ms of a small gate run). The command line calls it on a second thread while it parses its
     * arguments. Reading a constant policy here too was tried: no faster, since the loader then reads twice.
     */
    public static void prepare() {
        PolicySchema.get();
    }

    /**
     * Loads an organisation policy: the policy format, with only {@code ethics} set (see {@link OrganisationPolicy}).
     *
     * @param file the organisation policy
     * @param displayName how the file is named in messages
     * @throws PolicyException when the file is missing, malformed, or sets keys an organisation may not set
     */
    public OrganisationPolicy loadOrganisation(Path file, String displayName) throws BadInputException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(displayName, "displayName");
        byte[] bytes = readBounded(file, displayName, Optional.empty());
        Problems problems = new Problems();
        PolicyDocument document = reader.read(decode(bytes, displayName), problems);
        JsonNode root = document.root().orElse(JsonNodeFactory.instance
                .objectNode());
        PolicySchema.get().validate(document, root, problems);
        if (root.isObject()) {
            PolicyRules.check(document, root, problems);
            OrganisationPolicy.checkOwnKeys(document, root, problems);
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(displayName, problems.list());
        }
        Optional<Path> signers = Optional.of(root.path("identity").path("allowedSigners")).filter(JsonNode::isTextual)
                .map(n -> file.toAbsolutePath().normalize().resolveSibling(n.asText()));
        return new OrganisationPolicy(displayName, digest(bytes), document, root,
                PolicyMapper.toPolicy(root, FALLBACK_MODEL_NAME).ethics(), signers);
    }

    /**
     * The policy of a model repository: {@code repositoryRoot/mlgates.yaml} when it exists, else the built-in
     * defaults ({@link Policy#defaults}) with the repository folder's name as the model name.
     */
    public LoadedPolicy loadFromRepository(Path repositoryRoot) throws BadInputException {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        String modelName = folderName(repositoryRoot);
        Path file = repositoryRoot.resolve(Policy.DEFAULT_FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // A policy under a near-miss name would otherwise be ignored, and its limits with it: the defaults
            // have none, so the gate would pass on rules nobody wrote.
            for (String nearMiss : List.of("mlgates.yml", "mlgates.json", ".mlgates.yaml", "MLGates.yaml")) {
                if (Files.exists(repositoryRoot.resolve(nearMiss), LinkOption.NOFOLLOW_LINKS)) {
                    throw new PolicyException(nearMiss, List.of(new PolicyProblem(0, 0, "the policy file must be named "
                            + Policy.DEFAULT_FILE_NAME + "; rename " + nearMiss + " so that its rules apply")));
                }
            }
            return defaults(modelName);
        }
        return load(file, Policy.DEFAULT_FILE_NAME, modelName, repositoryRoot);
    }

    /**
     * The built-in defaults ({@link Policy#defaults}) under this loader's organisation floor, if it has one: what a
     * repository without a policy file is judged under, with the digest of empty input.
     */
    public LoadedPolicy defaults(String modelName) {
        LoadedPolicy defaults = LoadedPolicy.defaults(modelName);
        if (organisation.isEmpty()) {
            return defaults;
        }
        Problems problems = new Problems();
        Policy floor = organisation.get().applyTo(defaults.policy(), Optional.empty(),
                JsonNodeFactory.instance.objectNode(), problems);
        return new LoadedPolicy(floor, defaults.digest(), defaults.fileName(), Optional.of(organisation.get().ref()));
    }

    /**
     * Loads the given policy file.
     *
     * @param policyFile the file to read
     * @param displayName how the file is named in messages, for example {@code mlgates.yaml}
     * @param defaultModelName the model name when the policy does not set {@code model.name}
     * A policy file is read only when it is a regular file; a symbolic link is followed only when it stays in the
     * policy's folder (the model repository), and its target is never echoed.
     *
     * @throws PolicyException when the file is missing, unreadable or malformed; it lists every problem found
     */
    public LoadedPolicy load(Path policyFile, String displayName, String defaultModelName) throws BadInputException {
        Objects.requireNonNull(policyFile, "policyFile");
        return load(policyFile, displayName, defaultModelName, policyFile.toAbsolutePath().normalize().getParent());
    }

    private LoadedPolicy load(Path policyFile, String displayName, String defaultModelName, Path repositoryRoot)
            throws BadInputException {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(defaultModelName, "defaultModelName");
        byte[] bytes = readBounded(policyFile, displayName, Optional.of(repositoryRoot));
        String digest = digest(bytes);
        String text = decode(bytes, displayName);

        Problems problems = new Problems();
        PolicyDocument document = reader.read(text, problems);
        Optional<JsonNode> root = document.root();
        if (root.isPresent()) {
            PolicySchema.get().validate(document, root.get(), problems);
            if (root.get().isObject()) {
                PolicyRules.check(document, root.get(), problems);
                OrganisationPolicy.checkModelKeys(document, root.get(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(displayName, problems.list());
        }
        Policy policy;
        try {
            policy = root.isPresent() ? PolicyMapper.toPolicy(root.get(), defaultModelName)
                    : Policy.defaults(defaultModelName);
        } catch (IllegalArgumentException e) {
            // The schema and the rules should have caught it; still, never let a malformed policy through.
            throw new PolicyException(displayName, List.of(new PolicyProblem(0, 0, e.getMessage())), e);
        }
        if (organisation.isPresent()) {
            policy = organisation.get().applyTo(policy, Optional.of(document), root.orElse(
                    JsonNodeFactory.instance.objectNode()), problems);
            if (!problems.isEmpty()) {
                throw new PolicyException(displayName, problems.list());
            }
        }
        return new LoadedPolicy(policy, digest, Optional.of(displayName),
                organisation.map(OrganisationPolicy::ref));
    }

    private static byte[] readBounded(Path file, String displayName, Optional<Path> confinedTo)
            throws PolicyException {
        Path checked;
        try {
            checked = RegularFiles.checked(file, confinedTo);
        } catch (NoSuchFileException e) {
            throw whole(displayName, "the policy file does not exist", e);
        } catch (RegularFiles.Refused e) {
            throw whole(displayName, "the policy file " + e.getMessage(), e);
        } catch (IOException e) {
            throw whole(displayName, "the policy file cannot be read: " + e.getMessage(), e);
        }
        try (InputStream in = RegularFiles.open(checked)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw whole(displayName, "the file is larger than " + MAX_FILE_BYTES + " bytes (1 MiB), the most a"
                        + " policy file may have", null);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw whole(displayName, "the policy file does not exist", e);
        } catch (IOException e) {
            throw whole(displayName, "the policy file cannot be read: " + e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes, String displayName) throws PolicyException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int offset = bytes.length;
            if (e instanceof MalformedInputException malformed) {
                // the decoder stops at the first bad byte: find it
                offset = firstMalformedByte(bytes);
            }
            String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
            long line = before.chars().filter(c -> c == '\n').count() + 1;
            long column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
            throw new PolicyException(displayName, List.of(new PolicyProblem(line, column,
                    "the file is not valid UTF-8; a policy file must be UTF-8 text")), e);
        }
    }

    private static int firstMalformedByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static PolicyException whole(String displayName, String problem, Throwable cause) {
        return new PolicyException(displayName, List.of(new PolicyProblem(0, 0, problem)), cause);
    }

    /** {@code sha256:} and the lowercase hex SHA-256 of the bytes: how every file a result names is digested. */
    public static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String folderName(Path repositoryRoot) {
        Path name = repositoryRoot.toAbsolutePath().normalize().getFileName();
        return name == null ? FALLBACK_MODEL_NAME : name.toString();
    }
}
