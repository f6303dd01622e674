package io.watchpost.cloudtrail;

import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.cloudtrail.recorder.StoredEvent;
import java.io.IOException;
import java.util.Optional;

/**
 * One Insights time series: calls (or failed calls with one error code) of one API in one account and region.
 * {@code errorCode} is empty for {@code ApiCallRateInsight}. Both types count write management events only (AWS:
 * "write-only management API calls that are aggregated per minute").
 */
record InsightSeries(String accountId, String region, String eventSource, String eventName, String insightType,
        String errorCode) {
    static final String CALL_RATE = "ApiCallRateInsight";
    static final String ERROR_RATE = "ApiErrorRateInsight";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** True for the recorded API calls Insights analyzes: write management events, not Insights events. */
    static boolean analyzed(EventKey key) {
        return key.management() && !key.readOnly() && !key.insight();
    }

    static InsightSeries calls(EventKey key) {
        return new InsightSeries(key.accountId(), key.region(), key.eventSource(), key.eventName(), CALL_RATE, "");
    }

    /** The error series of a failed call; its error code is read from the record (failed calls only). */
    static Optional<InsightSeries> errors(StoredEvent event) {
        EventKey key = event.key();
        if (!key.error()) {
            return Optional.empty();
        }
        String code;
        try {
            code = JSON.readTree(event.json()).path("errorCode").asText("");
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new InsightSeries(key.accountId(), key.region(), key.eventSource(), key.eventName(),
                ERROR_RATE, code));
    }
}
