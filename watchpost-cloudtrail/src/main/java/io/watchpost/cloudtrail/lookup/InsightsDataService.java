package io.watchpost.cloudtrail.lookup;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.cloudtrail.recorder.StoredEvent;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsDataRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsDataResponse;

/**
 * CloudTrail ListInsightsData ({@code cloudtrail}, merged with the other CloudTrail operations): the Insights events
 * of the caller's account and region, newest first, for a trail the caller can see ({@code InsightSource}, checked
 * by {@link InsightSources}), within the recorder's 90 days. {@code DataType} must be {@code InsightsEvents}; one
 * optional dimension ({@code EventId}, {@code EventName} or {@code EventSource}) filters exactly; pages hold 1–50
 * events (default 50); a NextToken is bound to the parameters that produced it. Every problem is AWS's
 * {@code InvalidParameterException} (the operation documents no other client error); the messages are Watchpost's.
 */
public final class InsightsDataService implements WatchpostService {
    static final int MAX_RESULTS = 50;
    static final int MAX_DIMENSION_LENGTH = 2000;
    private static final Set<String> DIMENSIONS = Set.of("EventId", "EventName", "EventSource");

    private final CloudTrailRecorder recorder;
    private final Clock clock;
    private final PageTokens pageTokens;
    private final InsightSources sources;
    private final LookupScan scan;
    private final ApiHandlers handlers;

    public InsightsDataService(CloudTrailRecorder recorder, Clock clock, PageTokens pageTokens,
            InsightSources sources) {
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.sources = requireNonNull(sources, "sources is null");
        this.scan = new LookupScan(recorder);
        this.handlers = ApiHandlers.builder().on(ListInsightsDataRequest.class, this::list).build();
    }

    @Override
    public String endpointPrefix() {
        return "cloudtrail";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    ListInsightsDataResponse list(RequestContext context, ListInsightsDataRequest request) {
        if (request.insightSource() == null || request.insightSource().isEmpty()) {
            throw invalid("InsightSource is required.");
        }
        if (!"InsightsEvents".equals(request.dataTypeAsString())) {
            throw invalid("Invalid DataType: " + request.dataTypeAsString() + ". Valid value is InsightsEvents.");
        }
        Predicate<EventKey> dimension = dimension(request);
        int limit = request.maxResults() == null ? MAX_RESULTS : request.maxResults();
        if (limit < 1 || limit > MAX_RESULTS) {
            throw invalid("MaxResults must be between 1 and 50. Specified value: " + limit);
        }
        Instant horizon = recorder.retentionHorizon();
        Instant start = request.startTime() == null ? horizon : request.startTime();
        Instant end = request.endTime() == null ? clock.instant() : request.endTime();
        if (start.isAfter(end)) {
            throw invalid("StartTime must be before or equal to EndTime.");
        }
        sources.check(context, request.insightSource());
        String account = context.principal().accountId();
        String region = context.region();
        Predicate<EventKey> matches = key -> key.insight() && key.accountId().equals(account)
                && key.region().equals(region) && dimension.test(key);
        String fingerprint = fingerprint(context, request);
        LookupQuery query = new LookupQuery(matches, Math.max(start.toEpochMilli(), horizon.toEpochMilli()),
                end.toEpochMilli(), limit, PageCursor.decode(pageTokens, request.nextToken(), fingerprint,
                        () -> invalid("Invalid NextToken.")), fingerprint);
        List<StoredEvent> found;
        try {
            found = scan.page(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ListInsightsDataResponse.Builder response = ListInsightsDataResponse.builder();
        if (found.size() > limit) {
            found = found.subList(0, limit);
            StoredEvent last = found.getLast();
            response.nextToken(PageCursor.encode(pageTokens, last, fingerprint));
        }
        return response.events(found.stream().map(LookupEventsService::view).toList()).build();
    }

    private static Predicate<EventKey> dimension(ListInsightsDataRequest request) {
        if (!request.hasDimensions()) {
            return key -> true;
        }
        Map<String, String> dimensions = request.dimensionsAsStrings();
        if (dimensions.size() != 1) {
            throw invalid("Dimensions must contain exactly one item.");
        }
        Map.Entry<String, String> entry = dimensions.entrySet().iterator().next();
        if (entry.getKey() == null || !DIMENSIONS.contains(entry.getKey())) {
            throw invalid("Invalid dimension key: " + entry.getKey() + ". Valid keys are EventId, EventName, "
                    + "EventSource.");
        }
        String value = entry.getValue();
        if (value == null || value.isEmpty() || value.length() > MAX_DIMENSION_LENGTH) {
            throw invalid("Dimension value must be 1 to 2000 characters long.");
        }
        return AttributeFilter.forWireName(entry.getKey()).orElseThrow().matching(value);
    }

    /** What a NextToken is bound to: the caller's scope, the source, the dimension and the time range. */
    private static String fingerprint(RequestContext context, ListInsightsDataRequest request) {
        return PageCursor.fingerprint(context.principal().accountId() + '\n' + context.region() + '\n'
                + request.insightSource() + '\n' + request.dimensionsAsStrings() + '\n' + request.startTime() + '\n'
                + request.endTime());
    }

    private static AwsException invalid(String message) {
        return new AwsException(AwsError.TRAIL_INVALID_PARAMETER, message);
    }
}
