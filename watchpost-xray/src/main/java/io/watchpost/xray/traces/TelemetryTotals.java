package io.watchpost.xray.traces;

/**
 * Daemon telemetry as persisted in the {@code xray.telemetry} state table, keyed by {@code scope.key(source)}
 * where the source is the reporting EC2 instance, host name or resource ARN: running totals of the counts the
 * daemon reported, and when it last reported (epoch millis).
 */
record TelemetryTotals(long segmentsReceived, long segmentsSent, long segmentsSpillover, long segmentsRejected,
        long backendConnectionErrors, long lastReportMillis) {
    static final TelemetryTotals EMPTY = new TelemetryTotals(0, 0, 0, 0, 0, 0);
}
