package io.mlgates.core.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A map from byte strings to values, looked up by a range of a larger array without copying it: the reader finds a
 * label's class or a group's name from the bytes of the field. Each key gets a number, its order of insertion, so
 * that a caller can keep what belongs to a value in an array instead of a map. Keys of at most 7 bytes (labels,
 * most group names) are packed with their length into a long, found by one multiplication and a comparison of
 * longs; longer keys by a hash of their bytes. Open addressing, linear probing. Not thread-safe.
 */
final class ByteTable<V> {
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Longest key packed into a long: 7 bytes and the length. */
    private static final int PACKED = 7;
    /** Packed keys; 0 is an empty place (a packed key is never 0: its length byte is the length plus one). */
    private long[] packedKeys = new long[16];
    private int[] packedNumbers = new int[16];
    private int packedCount;
    private byte[][] keys = new byte[16][];
    /** The number of the key in the same place of {@link #keys}. */
    private int[] numbers = new int[16];
    private int longCount;
    /** Values by key number. */
    private final List<V> values = new ArrayList<>();

    static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

    /**
     * A key of at most {@link #PACKED} bytes as a long: its length plus one in the highest byte, its bytes in the
     * lowest, the first lowest. Read as one little-endian word where eight bytes are there to read.
     */
    private static long pack(byte[] bytes, int from, int to) {
        int length = to - from;
        long packed;
        if (from + Long.BYTES <= bytes.length) {
            packed = (long) WORD.get(bytes, from) & ((1L << (length << 3)) - 1);
        } else {
            packed = 0;
            for (int i = from; i < to; i++) {
                packed |= (long) (bytes[i] & 0xFF) << ((i - from) << 3);
            }
        }
        return packed | (long) (length + 1) << 56;
    }

    private static int place(long packed, int mask) {
        return (int) ((packed * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    int size() {
        return values.size();
    }

    /** The values stored, in the order their keys were first put. */
    List<V> values() {
        return List.copyOf(values);
    }

    /** The number of the bytes {@code [from, to)} of {@code bytes} (0 for the first key put, and so on), or -1. */
    int number(byte[] bytes, int from, int to) {
        if (to - from <= PACKED) {
            long packed = pack(bytes, from, to);
            int mask = packedKeys.length - 1;
            for (int i = place(packed, mask); packedKeys[i] != 0; i = (i + 1) & mask) {
                if (packedKeys[i] == packed) {
                    return packedNumbers[i];
                }
            }
            return -1;
        }
        int mask = keys.length - 1;
        for (int i = hash(bytes, from, to) & mask; keys[i] != null; i = (i + 1) & mask) {
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
    V get(byte[] bytes, int from, int to) {
        int number = number(bytes, from, to);
        return number < 0 ? null : values.get(number);
    }

    /** Stores the value of the bytes; a key already present keeps its number. Its number. */
    int put(byte[] bytes, int from, int to, V value) {
        int number = number(bytes, from, to);
        if (number >= 0) {
            values.set(number, value);
            return number;
        }
        number = values.size();
        values.add(value);
        if (to - from <= PACKED) {
            if (2 * (packedCount + 1) > packedKeys.length) {
                growPacked();
            }
            insertPacked(pack(bytes, from, to), number);
            packedCount++;
        } else {
            if (2 * (longCount + 1) > keys.length) {
                grow();
            }
            insert(Arrays.copyOfRange(bytes, from, to), number);
            longCount++;
        }
        return number;
    }

    private void insertPacked(long packed, int number) {
        int mask = packedKeys.length - 1;
        int i = place(packed, mask);
        while (packedKeys[i] != 0) {
            i = (i + 1) & mask;
        }
        packedKeys[i] = packed;
        packedNumbers[i] = number;
    }

    private void insert(byte[] key, int number) {
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        numbers[i] = number;
    }

    private void growPacked() {
        long[] oldKeys = packedKeys;
        int[] oldNumbers = packedNumbers;
        packedKeys = new long[oldKeys.length * 2];
        packedNumbers = new int[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                insertPacked(oldKeys[j], oldNumbers[j]);
            }
        }
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldNumbers = numbers;
        keys = new byte[oldKeys.length * 2][];
        numbers = new int[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                insert(oldKeys[j], oldNumbers[j]);
            }
        }
    }
}
