package io.watchpost.cloudtrail;

import java.util.List;

/**
 * Where one trail's delivery stands in one source region, in the {@code trail-delivery} table under
 * {@code trailKey + "|" + region}: the highest record-log offset delivered (offsets only grow, so a record is new
 * iff its offset is higher), the scan cursor (event time; scans start a margin before it to catch records the
 * recorder wrote late), the open digest period and the log files it will list, and the previous digest (the chain).
 */
record DeliveryState(long lastOffset, long cursorMillis, Long lastDeliveryMillis, long digestStartMillis,
        List<LogFileEntry> pendingLogFiles, PreviousDigest previous, Long lastDigestMillis) {
    DeliveryState {
        pendingLogFiles = pendingLogFiles == null ? List.of() : List.copyOf(pendingLogFiles);
    }

    static DeliveryState start(long nowMillis) {
        return new DeliveryState(-1, nowMillis, null, nowMillis, List.of(), null, null);
    }

    /** A delivered log file as the next digest lists it; times are epoch millis. */
    record LogFileEntry(String bucket, String key, String sha256, long oldestMillis, long newestMillis) {}

    /** The last digest written: where it is, its SHA-256 (of the uncompressed JSON) and its hex signature. */
    record PreviousDigest(String bucket, String key, String sha256, String signature) {}
}
