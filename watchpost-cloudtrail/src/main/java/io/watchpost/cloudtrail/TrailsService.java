package io.watchpost.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;

/**
 * CloudTrail trails ({@code cloudtrail}): the read operations over the journal's {@code trails} table. Until
 * CreateTrail lands the table stays empty, and these answer exactly as AWS does for an account without trails.
 */
public final class TrailsService implements WatchpostService {
    static final String TRAILS_TABLE = "trails";

    private final StateTable<TrailRecord> trails;
    private final ApiHandlers handlers;

    /** The clock is taken now so the server wires every service alike; trail writes will stamp logging times. */
    public TrailsService(StateJournal journal, Clock clock, PageTokens pageTokens) {
        requireNonNull(clock, "clock is null");
        this.trails = journal.table(TRAILS_TABLE, TrailRecord.class);
        TrailReads reads = new TrailReads(trails, pageTokens);
        this.handlers = ApiHandlers.builder()
                .on(DescribeTrailsRequest.class, reads::describe)
                .on(ListTrailsRequest.class, reads::list)
                .on(GetTrailRequest.class, reads::get)
                .on(GetTrailStatusRequest.class, reads::status)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "cloudtrail";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    /** The state table, for the tests that seed trails until CreateTrail exists. */
    StateTable<TrailRecord> trails() {
        return trails;
    }
}
