package io.watchpost.store;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One record of a {@link RecordLog}. The arrays are not copied (records are read in bulk on hot paths):
 * treat them as immutable. {@code equals}/{@code hashCode} compare array contents, which the generated
 * record methods would not.
 *
 * @param offset position in the log: dense, monotonic, starting at 0
 * @param timestampMillis event time chosen by the writer, not necessarily monotonic
 * @param key what later indexes group by (for example a log stream name); may be empty
 * @param value the payload
 */
public record LogRecord(long offset, long timestampMillis, byte[] key, byte[] value) {
    public LogRecord {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogRecord that
                && offset == that.offset
                && timestampMillis == that.timestampMillis
                && Arrays.equals(key, that.key)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(offset) + Long.hashCode(timestampMillis)) + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "LogRecord[offset=" + offset + ", timestampMillis=" + timestampMillis
                + ", key=" + HexFormat.of().formatHex(key) + ", value=" + value.length + " bytes]";
    }
}
