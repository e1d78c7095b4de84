package io.mlgates.plugin;

import io.mlgates.plugin.logic.promotion.IdComparison;
import jenkins.model.IdStrategy;
import jenkins.model.Jenkins;

/** The security realm's id strategies, for users and for groups, as the approval logic compares ids. */
final class JenkinsIds implements IdComparison {
    private final IdStrategy users;
    private final IdStrategy groups;

    private JenkinsIds(IdStrategy users, IdStrategy groups) {
        this.users = users;
        this.groups = groups;
    }

    static JenkinsIds ofRealm() {
        var realm = Jenkins.get().getSecurityRealm();
        return new JenkinsIds(realm.getUserIdStrategy(), realm.getGroupIdStrategy());
    }

    @Override
    public boolean sameUser(String a, String b) {
        return users.equals(a, b);
    }

    @Override
    public boolean sameGroup(String a, String b) {
        return groups.equals(a, b);
    }
}
