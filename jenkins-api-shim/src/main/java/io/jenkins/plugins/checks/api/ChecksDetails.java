package io.jenkins.plugins.checks.api;

/** Shim of checks-api's {@code ChecksDetails}: one check run, as its builder makes it. */
public class ChecksDetails {
    private ChecksDetails() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Shim of checks-api's {@code ChecksDetails.ChecksDetailsBuilder}. */
    public static class ChecksDetailsBuilder {
        public ChecksDetailsBuilder() {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksDetailsBuilder withName(String name) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksDetailsBuilder withStatus(ChecksStatus status) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksDetailsBuilder withConclusion(ChecksConclusion conclusion) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksDetailsBuilder withDetailsURL(String detailsURL) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksDetailsBuilder withOutput(ChecksOutput output) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksDetails build() {
            throw new UnsupportedOperationException("compile-only shim");
        }
    }
}
