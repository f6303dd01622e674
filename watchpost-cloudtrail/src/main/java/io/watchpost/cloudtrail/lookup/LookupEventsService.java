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
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

/**
 * CloudTrail LookupEvents ({@code cloudtrail}, merged with the trail operations): the management events recorded by
 * the {@link CloudTrailRecorder} for the caller's account and region, newest first, within the recorder's retention
 * (90 days). Data events are never returned, as in AWS's Event history. {@code EventCategory=insight} answers an
 * Insights events (written into the same log by the Insights detector, key flag {@code insight}) instead.
 */
public final class LookupEventsService implements WatchpostService {
    private final CloudTrailRecorder recorder;
    private final Clock clock;
    private final LookupQueries queries;
    private final LookupScan scan;
    private final ApiHandlers handlers;

    public LookupEventsService(CloudTrailRecorder recorder, Clock clock, PageTokens pageTokens) {
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.queries = new LookupQueries(requireNonNull(pageTokens, "pageTokens is null"));
        this.scan = new LookupScan(recorder);
        this.handlers = ApiHandlers.builder().on(LookupEventsRequest.class, this::lookup).build();
    }

    @Override
    public String endpointPrefix() {
        return "cloudtrail";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    LookupEventsResponse lookup(RequestContext context, LookupEventsRequest request) {
        boolean insight = checkCategory(request.eventCategoryAsString());
        LookupQuery query = queries.parse(context, request, clock.instant(), recorder.retentionHorizon(),
                insight);
        List<StoredEvent> found;
        try {
            found = scan.page(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LookupEventsResponse.Builder response = LookupEventsResponse.builder();
        if (found.size() > query.limit()) {
            found = found.subList(0, query.limit());
            StoredEvent last = found.getLast();
            response.nextToken(queries.token(query, last));
        }
        return response.events(found.stream().map(LookupEventsService::view).toList()).build();
    }

    /** True for {@code insight}; absent means management events; anything else is AWS's category error. */
    private static boolean checkCategory(String category) {
        if (category == null) {
            return false;
        }
        if (category.equals("insight")) {
            return true;
        }
        throw new AwsException(AwsError.TRAIL_INVALID_EVENT_CATEGORY,
                "Invalid EventCategory: " + category + ". Valid value is insight.");
    }

    static Event view(StoredEvent event) {
        EventKey key = event.key();
        return Event.builder()
                .eventId(key.eventId())
                .eventName(key.eventName())
                .readOnly(Boolean.toString(key.readOnly()))
                .accessKeyId(key.accessKeyId())
                .eventTime(event.eventTime())
                .eventSource(key.eventSource())
                .username(key.username())
                .resources(key.resources().stream()
                        .map(r -> Resource.builder().resourceType(r.type()).resourceName(r.name()).build())
                        .toList())
                .cloudTrailEvent(event.jsonText())
                .build();
    }
}
