package io.mlgates.plugin.logic.promotion;

/**
 * How the security realm compares ids: user ids and group names each by their own strategy (Jenkins' {@code IdStrategy}:
 * case-insensitive by default, case-sensitive for some realms).
 */
public interface IdComparison {
    boolean sameUser(String a, String b);

    boolean sameGroup(String a, String b);

    /** Exact comparison of both: a realm whose ids are case-sensitive. */
    IdComparison EXACT = new IdComparison() {
        @Override
        public boolean sameUser(String a, String b) {
            return a.equals(b);
        }

        @Override
        public boolean sameGroup(String a, String b) {
            return a.equals(b);
        }
    };
}
