package io.mlgates.core.registry;

/**
 * One stored field is not what mlgates writes there. Readers that decide something turn it into a
 * {@link RegistryTamperedException}; the audit check turns it into a finding and reads on.
 */
final class MalformedFieldException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedFieldException(String where, String field, String problem) {
        super(where + ", field " + field + ": " + problem);
    }

    RegistryTamperedException tampered(String location) {
        return new RegistryTamperedException(location + ": tampered with: " + getMessage());
    }
}
