package io.watchpost.logs.store;

/**
 * Where an event sits in its stream's order: by timestamp, then by {@code ref} ({@code recordOffset << 14 | index in
 * the batch}), which is ingestion order. Tokens and event ids are this pair, printed as 56 digits like AWS's.
 */
public record EventPosition(long timestamp, long ref) implements Comparable<EventPosition> {
    static final int INDEX_BITS = 14; // a batch holds at most 10,000 events < 2^14

    static EventPosition of(long timestamp, long offset, int index) {
        return new EventPosition(timestamp, offset << INDEX_BITS | index);
    }

    long offset() {
        return ref >>> INDEX_BITS;
    }

    int index() {
        return (int) (ref & ((1 << INDEX_BITS) - 1));
    }

    @Override
    public int compareTo(EventPosition other) {
        int byTime = Long.compare(timestamp, other.timestamp);
        return byTime != 0 ? byTime : Long.compare(ref, other.ref);
    }

    /** 56 decimal digits: the timestamp (19) then the ref (37), so that string order is position order. */
    public String digits() {
        return String.format("%019d%037d", timestamp, ref);
    }

    /** The inverse of {@link #digits()}; empty for anything else. */
    public static java.util.Optional<EventPosition> parseDigits(String digits) {
        if (digits == null || digits.length() != 56 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new EventPosition(Long.parseLong(digits.substring(0, 19)),
                    Long.parseLong(digits.substring(19))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
