package io.watchpost.cloudtrail.lookup;

import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.cloudtrail.recorder.StoredEvent;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;

/**
 * Validates a LookupEventsRequest into a {@link LookupQuery}. The SDK class validates nothing, so every member may be
 * null or out of range here; each problem answers AWS's error code (the message texts are Watchpost's own: AWS does
 * not document them).
 */
final class LookupQueries {
    static final int DEFAULT_MAX_RESULTS = 50;
    static final int MAX_VALUE_LENGTH = 2000;

    private final PageTokens pageTokens;

    LookupQueries(PageTokens pageTokens) {
        this.pageTokens = pageTokens;
    }

    /**
     * @param now the current time: the default end
     * @param horizon the oldest time still kept (90 days ago): the default start, and a floor for any start
     */
    LookupQuery parse(RequestContext context, LookupEventsRequest request, Instant now, Instant horizon,
            boolean insight) {
        Predicate<EventKey> attribute = attribute(request);
        String account = context.principal().accountId();
        String region = context.region();
        Predicate<EventKey> category = insight ? EventKey::insight : EventKey::management;
        Predicate<EventKey> matches = key -> category.test(key) && key.accountId().equals(account)
                && key.region().equals(region) && attribute.test(key);
        Instant start = request.startTime() == null ? horizon : request.startTime();
        Instant end = request.endTime() == null ? now : request.endTime();
        if (start.isAfter(end)) {
            throw new AwsException(AwsError.TRAIL_INVALID_TIME_RANGE,
                    "Start time must be before or equal to end time.");
        }
        int limit = limit(request.maxResults());
        String fingerprint = fingerprint(context, request);
        Optional<LookupQuery.Position> after = position(request.nextToken(), fingerprint);
        long startMillis = Math.max(start.toEpochMilli(), horizon.toEpochMilli());
        return new LookupQuery(matches, startMillis, end.toEpochMilli(), limit, after, fingerprint);
    }

    String token(LookupQuery query, StoredEvent last) {
        return PageCursor.encode(pageTokens, last, query.fingerprint());
    }

    private static Predicate<EventKey> attribute(LookupEventsRequest request) {
        if (!request.hasLookupAttributes() || request.lookupAttributes().isEmpty()) {
            return key -> true;
        }
        if (request.lookupAttributes().size() > 1) {
            throw invalidAttributes("You can specify only one lookup attribute.");
        }
        LookupAttribute attribute = request.lookupAttributes().getFirst();
        if (attribute == null || attribute.attributeKeyAsString() == null) {
            throw invalidAttributes("AttributeKey is required.");
        }
        AttributeFilter filter = AttributeFilter.forWireName(attribute.attributeKeyAsString()).orElseThrow(() ->
                invalidAttributes("Invalid AttributeKey: " + attribute.attributeKeyAsString() + ". Valid values are "
                        + "EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, "
                        + "AccessKeyId."));
        String value = attribute.attributeValue();
        if (value == null || value.isEmpty()) {
            throw invalidAttributes("AttributeValue is required.");
        }
        if (weightedLength(value) > MAX_VALUE_LENGTH) {
            throw invalidAttributes("AttributeValue exceeds the maximum length of 2000 characters.");
        }
        return filter.matching(value);
    }

    /** AWS counts {@code _}, space, {@code ,} and newline as two characters towards the 2000 limit. */
    static int weightedLength(String value) {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            length += c == '_' || c == ' ' || c == ',' || c == '\n' ? 2 : 1;
        }
        return length;
    }

    private static int limit(Integer maxResults) {
        if (maxResults == null) {
            return DEFAULT_MAX_RESULTS;
        }
        if (maxResults < 1 || maxResults > DEFAULT_MAX_RESULTS) {
            throw new AwsException(AwsError.TRAIL_INVALID_MAX_RESULTS,
                    "MaxResults must be between 1 and 50. Specified value: " + maxResults);
        }
        return maxResults;
    }

    private Optional<LookupQuery.Position> position(String token, String fingerprint) {
        return PageCursor.decode(pageTokens, token, fingerprint,
                () -> new AwsException(AwsError.TRAIL_INVALID_NEXT_TOKEN, "Invalid NextToken"));
    }

    /** The parameters a NextToken is bound to, as AWS requires: the same caller scope, attribute and time range. */
    private static String fingerprint(RequestContext context, LookupEventsRequest request) {
        String attribute = request.hasLookupAttributes() && !request.lookupAttributes().isEmpty()
                ? request.lookupAttributes().getFirst().attributeKeyAsString() + '=' 
                        + request.lookupAttributes().getFirst().attributeValue()
                : "";
        return PageCursor.fingerprint(context.principal().accountId() + '\n' + context.region() + '\n' + attribute
                + '\n' + request.startTime() + '\n' + request.endTime() + '\n' + request.eventCategoryAsString());
    }

    private static AwsException invalidAttributes(String message) {
        return new AwsException(AwsError.TRAIL_INVALID_LOOKUP_ATTRIBUTES, message);
    }
}
