package io.jenkins.plugins.checks.api;

/** Shim of checks-api's {@code ChecksOutput}: a check's title, summary and text (Markdown). */
public class ChecksOutput {
    private ChecksOutput() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Shim of checks-api's {@code ChecksOutput.ChecksOutputBuilder}. */
    public static class ChecksOutputBuilder {
        public ChecksOutputBuilder() {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksOutputBuilder withTitle(String title) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksOutputBuilder withSummary(String summary) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksOutputBuilder withText(String text) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public ChecksOutput build() {
            throw new UnsupportedOperationException("compile-only shim");
        }
    }
}
