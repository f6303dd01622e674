package io.watchpost.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SequencedSet;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;

/**
 * DescribeTrails, ListTrails, GetTrail and GetTrailStatus. A trail is visible in its home region, and a
 * multi-region trail also (as a shadow trail) in every other region of its account.
 */
final class TrailReads {
    static final int LIST_PAGE_SIZE = 50;

    private final StateTable<TrailRecord> trails;
    private final StateTable<DeliveryState> delivery;
    private final PageTokens pageTokens;

    TrailReads(TrailTables tables, PageTokens pageTokens) {
        this.trails = requireNonNull(tables.trails(), "trails is null");
        this.delivery = tables.delivery();
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    GetTrailResponse get(RequestContext context, GetTrailRequest request) {
        TrailRef ref = TrailRef.parse(request.name(), context.scope());
        TrailRecord trail = find(context, ref).orElseThrow(() -> notFound(context, ref.given()));
        return GetTrailResponse.builder().trail(TrailViews.trail(trail)).build();
    }

    /** Unlike GetTrail, AWS names the trail by its ARN in this operation's not-found message. */
    GetTrailStatusResponse status(RequestContext context, GetTrailStatusRequest request) {
        TrailRef ref = TrailRef.parse(request.name(), context.scope());
        TrailRecord trail = find(context, ref).orElseThrow(() -> notFound(context, ref.arn()));
        return TrailViews.status(trail, delivery.get(TrailDelivery.stateKey(ref.key(), trail.homeRegion())));
    }

    /** Names that match no trail are left out, not refused; names that cannot be trail names are refused. */
    DescribeTrailsResponse describe(RequestContext context, DescribeTrailsRequest request) {
        boolean shadows = request.includeShadowTrails() == null || request.includeShadowTrails();
        SequencedSet<TrailRecord> found = new LinkedHashSet<>();
        if (!request.hasTrailNameList() || request.trailNameList().isEmpty()) {
            accountTrails(context.principal().accountId()).values().stream()
                    .filter(trail -> trail.homeRegion().equals(context.region()) || shadows && trail.multiRegionTrail())
                    .forEach(found::add);
        } else {
            List<TrailRef> refs = request.trailNameList().stream()
                    .map(nameOrArn -> TrailRef.parse(nameOrArn, context.scope()))
                    .toList();
            refs.forEach(ref -> find(context, ref).ifPresent(found::add));
        }
        return DescribeTrailsResponse.builder().trailList(found.stream().map(TrailViews::trail).toList()).build();
    }

    /** Every trail of the account, whatever its home region, in region and name order. */
    ListTrailsResponse list(RequestContext context, ListTrailsRequest request) {
        String accountPrefix = context.principal().accountId() + '/';
        NavigableMap<String, TrailRecord> all = accountTrails(context.principal().accountId());
        Map<String, TrailRecord> range = decode(request.nextToken())
                .map(position -> all.tailMap(accountPrefix + position, false))
                .orElse(all);
        List<TrailInfo> page = new ArrayList<>();
        TrailRecord last = null;
        for (TrailRecord trail : range.values()) {
            if (page.size() == LIST_PAGE_SIZE) {
                String position = last.homeRegion() + '/' + last.name();
                return ListTrailsResponse.builder().trails(page).nextToken(pageTokens.encode(position)).build();
            }
            page.add(TrailViews.info(trail));
            last = trail;
        }
        return ListTrailsResponse.builder().trails(page).build();
    }

    /** The account's trails: keys are {@code account/region/name}, so they are contiguous. */
    private NavigableMap<String, TrailRecord> accountTrails(String accountId) {
        String prefix = accountId + '/';
        return trails.view().subMap(prefix, true, prefix + '\uffff', false);
    }

    private Optional<TrailRecord> find(RequestContext context, TrailRef ref) {
        return trails.get(ref.key())
                .filter(trail -> trail.accountId().equals(context.principal().accountId()))
                .filter(trail -> trail.homeRegion().equals(context.region()) || trail.multiRegionTrail());
    }

    private Optional<String> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(pageTokens.decode(token).orElseThrow(() ->
                new AwsException(AwsError.TRAIL_INVALID_NEXT_TOKEN, "Invalid NextToken")));
    }

    private static AwsException notFound(RequestContext context, String trail) {
        return new AwsException(AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: " + trail + " for the user: " + context.principal().accountId());
    }
}
