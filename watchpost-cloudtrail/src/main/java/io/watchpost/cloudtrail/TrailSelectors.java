package io.watchpost.cloudtrail;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetInsightSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetInsightSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.InsightSelector;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutInsightSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutInsightSelectorsResponse;

/** Put/GetEventSelectors (basic and advanced) and Put/GetInsightSelectors. */
final class TrailSelectors {
    static final int MAX_BASIC = 5;
    static final int MAX_ADVANCED = 500;
    static final Set<String> FIELDS = Set.of("eventCategory", "readOnly", "eventSource", "eventName", "eventType",
            "resources.type", "resources.ARN", "sessionCredentialFromConsole", "userIdentity.arn", "errorCode",
            "vpcEndpointId");
    static final Set<String> INSIGHT_TYPES = Set.of("ApiCallRateInsight", "ApiErrorRateInsight");

    private final StateTable<TrailRecord> trails;
    private final StateTable<TrailSettings> settings;
    private final TrailLookup lookup;

    TrailSelectors(StateTable<TrailRecord> trails, StateTable<TrailSettings> settings, TrailLookup lookup) {
        this.trails = trails;
        this.settings = settings;
        this.lookup = lookup;
    }

    PutEventSelectorsResponse putEvents(RequestContext context, PutEventSelectorsRequest request) {
        TrailLookup.Found found = lookup.home(context, request.trailName());
        boolean basic = request.hasEventSelectors();
        boolean advanced = request.hasAdvancedEventSelectors();
        if (basic == advanced) {
            throw new AwsException(AwsError.TRAIL_INVALID_PARAMETER_COMBINATION, basic
                    ? "You cannot specify both EventSelectors and AdvancedEventSelectors in a request."
                    : "You must specify either EventSelectors or AdvancedEventSelectors.");
        }
        TrailSettings current = current(found.key());
        TrailSettings next = basic ? current.withBasic(SelectorCodec.basic(request.eventSelectors()))
                : current.withAdvanced(SelectorCodec.advanced(request.advancedEventSelectors()));
        settings.put(found.key(), next);
        trails.put(found.key(), TrailWrites.withSelectorFlags(found.trail(), next.customSelectors(),
                found.trail().hasInsightSelectors()));
        PutEventSelectorsResponse.Builder response = PutEventSelectorsResponse.builder().trailARN(found.trail().arn());
        return basic ? response.eventSelectors(SelectorCodec.basicView(next.basic())).build()
                : response.advancedEventSelectors(SelectorCodec.advancedView(next.advanced())).build();
    }

    GetEventSelectorsResponse getEvents(RequestContext context, GetEventSelectorsRequest request) {
        TrailLookup.Found found = lookup.home(context, request.trailName());
        TrailSettings current = current(found.key());
        GetEventSelectorsResponse.Builder response = GetEventSelectorsResponse.builder().trailARN(found.trail().arn());
        return current.advanced().isEmpty() ? response.eventSelectors(SelectorCodec.basicView(current.basic())).build()
                : response.advancedEventSelectors(SelectorCodec.advancedView(current.advanced())).build();
    }

    PutInsightSelectorsResponse putInsights(RequestContext context, PutInsightSelectorsRequest request) {
        TrailLookup.Found found = lookup.home(context, request.trailName());
        List<String> types = new ArrayList<>();
        for (InsightSelector selector : request.hasInsightSelectors() ? request.insightSelectors()
                : List.<InsightSelector>of()) {
            if (selector.insightTypeAsString() == null || !INSIGHT_TYPES.contains(selector.insightTypeAsString())) {
                throw new AwsException(AwsError.TRAIL_INVALID_INSIGHT_SELECTORS,
                        "Invalid insight type: " + selector.insightTypeAsString());
            }
            if (!types.contains(selector.insightTypeAsString())) {
                types.add(selector.insightTypeAsString());
            }
        }
        settings.put(found.key(), current(found.key()).withInsights(types));
        trails.put(found.key(), TrailWrites.withSelectorFlags(found.trail(), found.trail().hasCustomEventSelectors(),
                !types.isEmpty()));
        return PutInsightSelectorsResponse.builder().trailARN(found.trail().arn()).insightSelectors(view(types)).build();
    }

    GetInsightSelectorsResponse getInsights(RequestContext context, GetInsightSelectorsRequest request) {
        TrailLookup.Found found = lookup.home(context, request.trailName());
        List<String> types = current(found.key()).insightTypes();
        if (types.isEmpty()) {
            throw new AwsException(AwsError.TRAIL_INSIGHT_NOT_ENABLED,
                    "Trail " + found.trail().arn() + " does not have Insights enabled.");
        }
        return GetInsightSelectorsResponse.builder().trailARN(found.trail().arn()).insightSelectors(view(types)).build();
    }

    private TrailSettings current(String key) {
        return settings.get(key).orElseGet(TrailSettings::defaults);
    }

    private static List<InsightSelector> view(List<String> types) {
        return types.stream().map(type -> InsightSelector.builder().insightType(type).build()).toList();
    }
}
