package io.mlgates.core.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Data licences as SPDX identifiers, judged against an allow list and a deny list. The identifiers known are those
 * of the SPDX License List shipped as {@value #RESOURCE}; an organisation's own licences are written
 * {@code LicenseRef-...} and pass only when allowed by name. {@code NOASSERTION} and {@code NONE}, data without a
 * known licence, never pass.
 */
public final class Licences {
    static final String RESOURCE = "spdx-license-ids.txt";

    /**
     * The allow list when a policy states none: licences that let a company train and ship a model on the data,
     * with attribution or share-alike at most. Non-commercial and no-derivatives licences are not on it.
     */
    public static final List<String> OPEN_DATA = List.of("CC0-1.0", "PDDL-1.0", "CC-BY-3.0", "CC-BY-4.0",
            "CC-BY-SA-3.0", "CC-BY-SA-4.0", "ODC-By-1.0", "ODbL-1.0", "CDLA-Permissive-1.0",
            "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause",
            "Unlicense");

    /** Canonical spelling by lower-case identifier; deprecated ones map to themselves too. */
    private static final Map<String, String> KNOWN = load();

    private Licences() {
    }

    private static Map<String, String> load() {
        Map<String, String> known = new HashMap<>();
        try (InputStream in = Licences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String id = line.replaceFirst("\\s*#.*$", "").strip();
                known.put(id.toLowerCase(Locale.ROOT), id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
        return known;
    }

    /** The canonical SPDX identifier for this one, compared without regard to case (as SPDX says). */
    public static Optional<String> canonical(String id) {
        return Optional.ofNullable(KNOWN.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * Why the licence may not be used; empty when it may.
     *
     * @param id the licence as the policy states it
     * @param allow the allow list; empty means {@link #OPEN_DATA}
     * @param deny the deny list, which wins over the allow list
     */
    public static Optional<String> problem(String id, Optional<List<String>> allow, List<String> deny) {
        if (id.equalsIgnoreCase("NOASSERTION") || id.equalsIgnoreCase("NONE")) {
            return Optional.of("'" + id + "' states no licence: data without a known licence may not be used");
        }
        boolean custom = id.regionMatches(true, 0, "LicenseRef-", 0, "LicenseRef-".length());
        Optional<String> canonical = custom ? Optional.of(id) : canonical(id);
        if (canonical.isEmpty()) {
            return Optional.of("'" + id + "' is not an SPDX licence identifier; write one from the SPDX License"
                    + " List (for example CC-BY-4.0), or LicenseRef-<name> for a licence of your own");
        }
        String licence = canonical.get();
        if (contains(deny, licence)) {
            return Optional.of(licence + " is on the deny list");
        }
        List<String> allowed = allow.orElse(OPEN_DATA);
        if (!contains(allowed, licence)) {
            return Optional.of(licence + " is not on the " + (allow.isPresent() ? "" : "built-in ")
                    + "allow list (" + String.join(", ", allowed) + ")"
                    + (custom ? "; a LicenseRef- licence passes only when allowed by name" : ""));
        }
        return Optional.empty();
    }

    private static boolean contains(List<String> ids, String licence) {
        return ids.stream().anyMatch(i -> i.equalsIgnoreCase(licence));
    }
}
