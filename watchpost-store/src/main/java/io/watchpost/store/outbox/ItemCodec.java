package io.watchpost.store.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The value of one outbox log record. Layout (big-endian): {@code u8 version (1)}, {@code i32 maxAttempts},
 * {@code i64 maxAgeMillis}, then the payload bytes to the end. The record key is the destination (UTF-8) and the
 * record timestamp the enqueue time; the record log frames and checksums the whole
 * (docs/formats/record-log.md).
 */
final class ItemCodec {
    static final byte VERSION = 1;
    private static final int HEADER = 1 + 4 + 8;

    private ItemCodec() {}

    static byte[] encode(byte[] payload, RetryPolicy policy) {
        return ByteBuffer.allocate(HEADER + payload.length).put(VERSION).putInt(policy.maxAttempts())
                .putLong(policy.maxAge().toMillis()).put(payload).array();
    }

    static OutboxItem decode(long offset, long timestampMillis, byte[] key, byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        if (value.length < HEADER || buffer.get() != VERSION) {
            throw new IllegalStateException("outbox record " + offset + " has an unknown format");
        }
        RetryPolicy policy = new RetryPolicy(buffer.getInt(), Duration.ofMillis(buffer.getLong()));
        byte[] payload = new byte[buffer.remaining()];
        buffer.get(payload);
        return new OutboxItem(offset, new String(key, StandardCharsets.UTF_8), payload, policy,
                Instant.ofEpochMilli(timestampMillis), 0);
    }
}
