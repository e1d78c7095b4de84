package io.mlgates.plugin.logic.promotion;

import java.util.List;
import java.util.Objects;

/**
 * The logged-in Jenkins user as a decision sees it: never a typed name.
 *
 * @param id the user's id
 * @param authorities the user's groups, as the security realm grants them
 */
public record JenkinsUser(String id, List<String> authorities) {
    public JenkinsUser {
        Objects.requireNonNull(id, "id");
        authorities = List.copyOf(authorities);
        if (id.isBlank()) {
            throw new IllegalArgumentException("a user has an id");
        }
    }
}
