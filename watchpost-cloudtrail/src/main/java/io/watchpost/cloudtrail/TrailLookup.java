package io.watchpost.cloudtrail;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;

/** Resolves the {@code Name}/{@code TrailName}/{@code ResourceId} of a write to a stored trail, or AWS's not-found. */
final class TrailLookup {
    private final StateTable<TrailRecord> trails;

    TrailLookup(StateTable<TrailRecord> trails) {
        this.trails = trails;
    }

    record Found(String key, TrailRecord trail) {}

    /** A trail visible to the caller (its home region, or a multi-region trail's shadow), by name or ARN. */
    Found home(RequestContext context, String nameOrArn) {
        TrailRef ref = TrailRef.parse(nameOrArn, context.scope());
        return trails.get(ref.key())
                .filter(trail -> trail.accountId().equals(context.principal().accountId()))
                .filter(trail -> trail.homeRegion().equals(context.region()) || trail.multiRegionTrail())
                .map(trail -> new Found(ref.key(), trail))
                .orElseThrow(() -> new AwsException(AwsError.TRAIL_NOT_FOUND,
                        "Unknown trail: " + ref.arn() + " for the user: " + context.principal().accountId()));
    }
}
