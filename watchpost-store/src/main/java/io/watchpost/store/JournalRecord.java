package io.watchpost.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A typed change in the state journal, and the entries of a snapshot. The payload layout is specified in
 * {@code docs/formats/state-journal.md}: a one-byte type, then length-prefixed UTF-8 strings, big-endian.
 */
sealed interface JournalRecord {
    byte PUT = 1;
    byte REMOVE = 2;
    byte WIPE = 3;
    byte SNAPSHOT_END = 4;

    /** Largest payload we write or accept; anything larger in a file is treated as corruption. */
    int MAX_PAYLOAD_BYTES = 64 << 20;

    byte[] encode();

    /** Sets {@code table/key} to the JSON value bytes. */
    record Put(String table, String key, byte[] value) implements JournalRecord {
        public Put {
            requireNonNull(table, "table is null");
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public byte[] encode() {
            byte[] tableBytes = utf8(table);
            byte[] keyBytes = utf8(key);
            ByteBuffer out = ByteBuffer.allocate(1 + 2 + tableBytes.length + 4 + keyBytes.length + value.length);
            out.put(PUT).putShort((short) tableBytes.length).put(tableBytes).putInt(keyBytes.length).put(keyBytes);
            return out.put(value).array();
        }
    }

    /** Removes {@code table/key}. */
    record Remove(String table, String key) implements JournalRecord {
        public Remove {
            requireNonNull(table, "table is null");
            requireNonNull(key, "key is null");
        }

        @Override
        public byte[] encode() {
            byte[] tableBytes = utf8(table);
            byte[] keyBytes = utf8(key);
            ByteBuffer out = ByteBuffer.allocate(1 + 2 + tableBytes.length + 4 + keyBytes.length);
            return out.put(REMOVE).putShort((short) tableBytes.length).put(tableBytes)
                    .putInt(keyBytes.length).put(keyBytes).array();
        }
    }

    /** Empties every table. */
    record Wipe() implements JournalRecord {
        @Override
        public byte[] encode() {
            return new byte[] {WIPE};
        }
    }

    /** Last record of a snapshot: proves the snapshot is complete. */
    record SnapshotEnd(long entryCount) implements JournalRecord {
        @Override
        public byte[] encode() {
            return ByteBuffer.allocate(9).put(SNAPSHOT_END).putLong(entryCount).array();
        }
    }

    /**
     * Decodes a payload whose checksum has already been verified. A checksummed payload that does not
     * decode is not a torn write but a bug or a foreign file, so it fails loudly instead of being truncated.
     */
    static JournalRecord decode(byte[] payload) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            byte type = in.get();
            JournalRecord record = switch (type) {
                case PUT -> new Put(string(in, Short.toUnsignedInt(in.getShort())), string(in, in.getInt()), rest(in));
                case REMOVE -> new Remove(string(in, Short.toUnsignedInt(in.getShort())), string(in, in.getInt()));
                case WIPE -> new Wipe();
                case SNAPSHOT_END -> new SnapshotEnd(in.getLong());
                default -> throw new IOException("unknown state journal record type " + type);
            };
            if (in.hasRemaining()) {
                throw new IOException("trailing bytes after state journal record of type " + type);
            }
            return record;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("malformed state journal record", e);
        }
    }

    /** Table names are short identifiers; the u16 length prefix relies on it. */
    static void checkTableName(String table) {
        if (table.isEmpty() || utf8(table).length > 0xFFFF) {
            throw new IllegalArgumentException("table name must be 1 to 65535 UTF-8 bytes: " + table);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length + " out of bounds");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] rest(ByteBuffer in) {
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return bytes;
    }
}
