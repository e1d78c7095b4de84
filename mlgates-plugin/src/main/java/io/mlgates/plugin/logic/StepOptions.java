package io.mlgates.plugin.logic;

import java.io.Serializable;

/**
 * The arguments every gate step shares.
 *
 * @param id the result's id within the build, or null for the gate's name
 * @param failOnError whether FAIL and ERROR stop the pipeline (default true)
 * @param stageOnly whether WARN and FAIL mark only the step's stage, not the build (default false)
 * @param resultsDir folder for the result files, relative to the working directory (default
 *     {@value #DEFAULT_RESULTS_DIR}, as {@code mlgates run} writes them)
 * @param publishChecks whether the result is published as a check on the commit or pull request (default true; only
 *     where Jenkins' checks-api plugin is installed)
 */
public record StepOptions(String id, boolean failOnError, boolean stageOnly, String resultsDir, boolean publishChecks)
        implements Serializable {
    private static final long serialVersionUID = 2L;
    public static final String DEFAULT_RESULTS_DIR = ".mlgates/results";

    /** Publishing checks. */
    public StepOptions(String id, boolean failOnError, boolean stageOnly, String resultsDir) {
        this(id, failOnError, stageOnly, resultsDir, true);
    }

    public static StepOptions defaults() {
        return new StepOptions(null, true, false, DEFAULT_RESULTS_DIR);
    }
}
