package io.mlgates.core.attestation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-toto ResourceDescriptor (attestation framework v1, spec/v1/resource_descriptor.md), the fields ML Gates
 * writes: a name, a URI, a digest set and a media type. At least a URI or a digest, as the framework requires.
 *
 * @param name a stable name such as a file's path
 * @param uri where the resource is
 * @param digest algorithm to lower-case hex value ({@code sha256}, or a named algorithm such as
 *     {@link CandidateSubjects#TREE_ALGORITHM})
 * @param mediaType the resource's media type
 */
public record ResourceDescriptor(Optional<String> name, Optional<String> uri, Map<String, String> digest,
                                 Optional<String> mediaType) {
    public ResourceDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(mediaType, "mediaType");
        digest = Collections.unmodifiableMap(new LinkedHashMap<>(digest));
        if (uri.isEmpty() && digest.isEmpty()) {
            throw new IllegalArgumentException("a resource descriptor has a uri or a digest");
        }
        for (Map.Entry<String, String> e : digest.entrySet()) {
            if (e.getKey().isEmpty() || !e.getValue().matches("[0-9a-f]+")) {
                throw new IllegalArgumentException("a digest is an algorithm and lower-case hex, not " + e);
            }
        }
    }

    /** A named file or artefact with one digest: what a Statement's subject is. */
    public static ResourceDescriptor of(String name, String algorithm, String hex) {
        return new ResourceDescriptor(Optional.of(name), Optional.empty(), Map.of(algorithm, hex), Optional.empty());
    }

    /**
     * A resource named by an ML Gates digest string ({@code sha256:} and hex, as results write them).
     *
     * @throws IllegalArgumentException if {@code prefixedDigest} is not {@code algorithm:hex}
     */
    public static ResourceDescriptor ofDigest(String name, String prefixedDigest) {
        int colon = prefixedDigest.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("expected algorithm:hex, not " + prefixedDigest);
        }
        return of(name, prefixedDigest.substring(0, colon), prefixedDigest.substring(colon + 1));
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        name.ifPresent(n -> node.put("name", n));
        uri.ifPresent(u -> node.put("uri", u));
        if (!digest.isEmpty()) {
            ObjectNode set = node.putObject("digest");
            digest.forEach(set::put);
        }
        mediaType.ifPresent(m -> node.put("mediaType", m));
        return node;
    }
}
