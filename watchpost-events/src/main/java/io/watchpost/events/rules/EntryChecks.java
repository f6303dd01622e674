package io.watchpost.events.rules;

import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * PutEvents' per-entry checks, with AWS's codes and messages: a missing Source, DetailType or Detail is
 * {@code InvalidArgument}; sources starting with {@code aws.} are reserved for AWS services
 * ({@code NotAuthorizedForSourceException}).
 */
public final class EntryChecks {
    private EntryChecks() {}

    static Optional<PutEventsResultEntry> check(PutEventsRequestEntry entry) {
        return check(entry, false);
    }

    /** {@code awsService}: the entry comes from a Watchpost service or a bus target, which may use {@code aws.} sources. */
    public static Optional<PutEventsResultEntry> check(PutEventsRequestEntry entry, boolean awsService) {
        if (blank(entry.source())) {
            return Optional.of(missing("Source"));
        }
        if (blank(entry.detailType())) {
            return Optional.of(missing("DetailType"));
        }
        if (blank(entry.detail())) {
            return Optional.of(missing("Detail"));
        }
        if (!awsService && entry.source().startsWith("aws.")) {
            return Optional.of(failure("NotAuthorizedForSourceException", "Not authorized for the source."));
        }
        return Optional.empty();
    }

    public static PutEventsResultEntry failure(String code, String message) {
        return PutEventsResultEntry.builder().errorCode(code).errorMessage(message).build();
    }

    private static PutEventsResultEntry missing(String member) {
        return failure("InvalidArgument", "Parameter " + member + " is not valid. Reason: " + member
                + " is a required argument.");
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }
}
