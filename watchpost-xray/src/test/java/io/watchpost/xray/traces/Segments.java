package io.watchpost.xray.traces;

import java.time.Instant;

/** Builds segment documents for tests. */
final class Segments {
    private Segments() {}

    static String traceId(Instant time, int n) {
        return String.format("1-%08x-%024x", time.getEpochSecond(), n);
    }

    static String id(int n) {
        return String.format("%016x", n);
    }

    static double seconds(Instant time) {
        return time.toEpochMilli() / 1000.0;
    }

    /** A complete segment; {@code extra} is inserted as more members (starting with a comma) or empty. */
    static String segment(String traceId, int id, String parent, String name, double start, double end, String extra) {
        return "{\"trace_id\":\"" + traceId + "\",\"id\":\"" + id(id) + "\",\"name\":\"" + name + "\""
                + (parent == null ? "" : ",\"parent_id\":\"" + parent + "\"")
                + ",\"start_time\":" + start + ",\"end_time\":" + end + extra + "}";
    }
}
