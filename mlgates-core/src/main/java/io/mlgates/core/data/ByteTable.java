package io.mlgates.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A map from byte strings to values, looked up by a range of a larger array without copying it: the reader finds a
 * label's class or a group's name from the bytes of the field. Each key gets a number, its order of insertion, so
 * that a caller can keep what belongs to a value in an array instead of a map. Open addressing, linear probing. Not
 * thread-safe.
 */
final class ByteTable<V> {
    private byte[][] keys = new byte[16][];
    /** The number of the key in the same place of {@link #keys}. */
    private int[] numbers = new int[16];
    /** Values by key number. */
    private final List<V> values = new ArrayList<>();

    static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

    int size() {
        return values.size();
    }

    /** The values stored, in the order their keys were first put. */
    List<V> values() {
        return List.copyOf(values);
    }

    /** The number of the bytes {@code [from, to)} of {@code bytes} (0 for the first key put, and so on), or -1. */
    int number(byte[] bytes, int from, int to, int hash) {
        int mask = keys.length - 1;
        for (int i = hash & mask; keys[i] != null; i = (i + 1) & mask) {
            if (Arrays.equals(keys[i], 0, keys[i].length, bytes, from, to)) {
                return numbers[i];
            }
        }
        return -1;
    }

    /** The value of the key numbered {@code number}. */
    V value(int number) {
        return values.get(number);
    }

    /** The value stored for the bytes {@code [from, to)} of {@code bytes}, or null. */
    V get(byte[] bytes, int from, int to, int hash) {
        int number = number(bytes, from, to, hash);
        return number < 0 ? null : values.get(number);
    }

    /** Stores the value of the bytes; a key already present keeps its number. Its number. */
    int put(byte[] bytes, int from, int to, int hash, V value) {
        if (2 * (size() + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = hash & mask;
        while (keys[i] != null) {
            if (Arrays.equals(keys[i], 0, keys[i].length, bytes, from, to)) {
                values.set(numbers[i], value);
                return numbers[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = Arrays.copyOfRange(bytes, from, to);
        numbers[i] = values.size();
        values.add(value);
        return numbers[i];
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldNumbers = numbers;
        keys = new byte[oldKeys.length * 2][];
        numbers = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = hash(oldKeys[j], 0, oldKeys[j].length) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                numbers[i] = oldNumbers[j];
            }
        }
    }
}
