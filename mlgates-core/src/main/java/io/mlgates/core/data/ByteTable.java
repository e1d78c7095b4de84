package io.mlgates.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A map from byte strings to values, looked up by a range of a larger array without copying it: the reader finds a
 * label's class or a group's name from the bytes of the field. Open addressing, linear probing. Not thread-safe.
 */
final class ByteTable<V> {
    private byte[][] keys = new byte[16][];
    private Object[] values = new Object[16];
    private int size;

    static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

    int size() {
        return size;
    }

    /** The values stored, in no particular order. */
    @SuppressWarnings("unchecked")
    List<V> values() {
        List<V> all = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                all.add((V) values[i]);
            }
        }
        return all;
    }

    /** The value stored for the bytes {@code [from, to)} of {@code bytes}, or null. */
    @SuppressWarnings("unchecked")
    V get(byte[] bytes, int from, int to, int hash) {
        int mask = keys.length - 1;
        for (int i = hash & mask; keys[i] != null; i = (i + 1) & mask) {
            if (Arrays.equals(keys[i], 0, keys[i].length, bytes, from, to)) {
                return (V) values[i];
            }
        }
        return null;
    }

    void put(byte[] bytes, int from, int to, int hash, V value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = hash & mask;
        while (keys[i] != null) {
            if (Arrays.equals(keys[i], 0, keys[i].length, bytes, from, to)) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = Arrays.copyOfRange(bytes, from, to);
        values[i] = value;
        size++;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        Object[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = hash(oldKeys[j], 0, oldKeys[j].length) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
