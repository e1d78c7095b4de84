package io.mlgates.plugin;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.mlgates.plugin.logic.GateCheck;

/**
 * Publishes a gate's check through Jenkins' checks-api plugin, an optional dependency: this class alone names its
 * types, and {@link JenkinsBuild} loads it only after {@link #available()} found checks-api, so the plugin loads and
 * runs without it.
 */
final class ChecksPublication {
    static final String FACTORY = "io.jenkins.plugins.checks.api.ChecksPublisherFactory";

    private ChecksPublication() {
    }

    /** Whether checks-api is installed: its classes are visible to the plugin only then. */
    static boolean available() {
        try {
            Class.forName(FACTORY, false, ChecksPublication.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static void publish(Run<?, ?> run, TaskListener listener, GateCheck check) {
        ChecksOutput output = new ChecksOutput.ChecksOutputBuilder().withTitle(check.title())
                .withSummary(check.summary()).withText(check.text()).build();
        ChecksPublisherFactory.fromRun(run, listener).publish(new ChecksDetails.ChecksDetailsBuilder()
                .withName(check.name()).withStatus(ChecksStatus.COMPLETED).withConclusion(conclusion(check))
                .withDetailsURL(check.url()).withOutput(output).build());
    }

    private static ChecksConclusion conclusion(GateCheck check) {
        return switch (check.conclusion()) {
            case SUCCESS -> ChecksConclusion.SUCCESS;
            case NEUTRAL -> ChecksConclusion.NEUTRAL;
            case FAILURE -> ChecksConclusion.FAILURE;
        };
    }
}
