package io.mlgates.plugin.logic.board;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A job as the board reads it: its name (what permission is asked for), its page and its builds folder, where its
 * gates keep the trend index, the policy copies and the waiting promotions.
 *
 * @param fullName the job's full name, {@code team/credit-risk}
 * @param url the job's page relative to Jenkins' root, ending in a slash: {@code job/team/job/credit-risk/}
 * @param buildsFolder the folder that holds the job's builds
 */
public record JobRef(String fullName, String url, Path buildsFolder) {
    public JobRef {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(buildsFolder, "buildsFolder");
        if (!url.isEmpty() && !url.endsWith("/")) {
            throw new IllegalArgumentException("a job's URL ends in a slash: " + url);
        }
    }
}
