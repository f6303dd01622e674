package io.watchpost.events.rules;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * AWS's PutEvents entry size ("Calculating PutEvents event entry size"): 14 bytes for a Time, plus the UTF-8
 * bytes of Source, DetailType, Detail and each resource. The entries of one request may total at most 256 KB.
 */
public final class EntrySize {
    public static final int MAX_TOTAL_BYTES = 256 * 1024;

    private EntrySize() {}

    static long of(PutEventsRequestEntry entry) {
        long size = entry.time() == null ? 0 : 14;
        size += bytes(entry.source()) + bytes(entry.detailType()) + bytes(entry.detail());
        if (entry.hasResources()) {
            for (String resource : entry.resources()) {
                size += bytes(resource);
            }
        }
        return size;
    }

    public static long total(List<PutEventsRequestEntry> entries) {
        long total = 0;
        for (PutEventsRequestEntry entry : entries) {
            total += entry == null ? 0 : of(entry);
        }
        return total;
    }

    private static long bytes(String text) {
        return text == null ? 0 : text.getBytes(UTF_8).length;
    }
}
