package io.watchpost.logs.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The value of one record-log record: a batch of events of one stream (layout in {@code docs/formats/log-events.md}).
 * Big-endian: {@code u8 version=1, i64 incarnation, i64 ingestionTime, u32 count}, then per event
 * {@code i64 timestamp, u32 messageLength, message (UTF-8)}.
 */
final class BatchCodec {
    static final byte VERSION = 1;
    static final int HEADER_BYTES = 1 + 8 + 8 + 4;

    private BatchCodec() {}

    static byte[] encode(long incarnation, long ingestionTime, List<EncodedEvent> events) {
        int size = HEADER_BYTES;
        for (EncodedEvent event : events) {
            size += 12 + event.message().length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put(VERSION).putLong(incarnation).putLong(ingestionTime).putInt(events.size());
        for (EncodedEvent event : events) {
            buffer.putLong(event.timestamp()).putInt(event.message().length).put(event.message());
        }
        return buffer.array();
    }

    /** The batch header; a record this version cannot read is a programming or format error, not bad input. */
    static Header header(byte[] value) {
        if (value.length < HEADER_BYTES || value[0] != VERSION) {
            throw new IllegalStateException("log event batch of unknown version or too short: " + value.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        buffer.get();
        return new Header(buffer.getLong(), buffer.getLong(), buffer.getInt());
    }

    record Header(long incarnation, long ingestionTime, int count) {}

    interface EventVisitor {
        void event(int index, long timestamp, int messagePosition, int messageLength);
    }

    static void forEach(byte[] value, EventVisitor visitor) {
        Header header = header(value);
        ByteBuffer buffer = ByteBuffer.wrap(value);
        buffer.position(HEADER_BYTES);
        for (int i = 0; i < header.count(); i++) {
            long timestamp = buffer.getLong();
            int length = buffer.getInt();
            visitor.event(i, timestamp, buffer.position(), length);
            buffer.position(buffer.position() + length);
        }
    }

    static String message(byte[] value, int position, int length) {
        return new String(value, position, length, UTF_8);
    }
}
