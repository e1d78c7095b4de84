package io.mlgates.core.policy;

/** JSON pointers (RFC 6901) as strings: {@code ""} is the whole document, {@code /limits/0/min} a value in it. */
final class Pointers {
    private Pointers() {
    }

    static String child(String pointer, String key) {
        return pointer + '/' + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + '/' + index;
    }

    /** The pointer of the containing value; the whole document's parent is itself. */
    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? "" : pointer.substring(0, slash);
    }
}
