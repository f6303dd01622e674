package io.watchpost.bench.jmh;

/**
 * Generated log lines for the filter-pattern benchmarks and the Logs footprint measurement: the load harness's
 * space-delimited application line (1 in 1,000 an {@code ERROR}) and its JSON counterpart.
 */
final class LogLines {
    static final int MATCH_EVERY = 1_000;

    private LogLines() {}

    static String level(int i) {
        return i % MATCH_EVERY == 0 ? "ERROR" : (i % 7 == 0 ? "WARN" : "INFO");
    }

    /** {@code 2026-01-01T00:00:00Z INFO order=17 service=checkout latency_ms=17 region=us-east-1 path=...}. */
    static String spaceDelimited(int i) {
        return "2026-01-01T00:00:" + (10 + i % 50) + "Z " + level(i) + " order=" + i
                + " service=checkout latency_ms=" + (i % 250) + " region=us-east-1 path=/api/v1/orders";
    }

    /** The same fields as a JSON object, as structured loggers write them. */
    static String json(int i) {
        return "{\"time\":\"2026-01-01T00:00:" + (10 + i % 50) + "Z\",\"level\":\"" + level(i) + "\",\"order\":" + i
                + ",\"service\":\"checkout\",\"latency_ms\":" + (i % 250)
                + ",\"region\":\"us-east-1\",\"http\":{\"path\":\"/api/v1/orders\",\"status\":"
                + (i % MATCH_EVERY == 0 ? 500 : 200) + "}}";
    }
}
