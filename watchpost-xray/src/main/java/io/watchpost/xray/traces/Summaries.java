package io.watchpost.xray.traces;

import io.watchpost.xray.segments.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.xray.model.AnnotationValue;
import software.amazon.awssdk.services.xray.model.Http;
import software.amazon.awssdk.services.xray.model.ResourceARNDetail;
import software.amazon.awssdk.services.xray.model.ServiceId;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import software.amazon.awssdk.services.xray.model.TraceUser;
import software.amazon.awssdk.services.xray.model.ValueWithServiceIds;

/**
 * Computes a trace's {@code TraceSummary} from its segments: duration from the earliest start to the latest end,
 * response time and HTTP of the root segment (the one without {@code parent_id}), fault/error/throttle from any
 * segment or subsegment, partial while any part is in progress or the root is missing, annotations and users
 * with the services that recorded them.
 */
final class Summaries {
    private Summaries() {}

    static TraceSummary summarize(TraceState trace) {
        List<Segment> segments = trace.segments();
        Optional<Segment> root = segments.stream()
                .filter(s -> s.parentId().isEmpty() && !s.separateSubsegment()).findFirst();
        Facts facts = new Facts(trace.scope.accountId());
        segments.forEach(segment -> facts.visit(segment, ServiceKey.of(segment)));
        TraceSummary.Builder summary = TraceSummary.builder()
                .id(trace.traceId)
                .startTime(instant(trace.startTime))
                .matchedEventTime(instant(trace.startTime))
                .duration(round(facts.maxEnd - trace.startTime))
                .hasFault(facts.fault)
                .hasError(facts.error)
                .hasThrottle(facts.throttle)
                .isPartial(facts.partial || root.isEmpty())
                .annotations(facts.annotations())
                .users(facts.users())
                .serviceIds(facts.services.stream().map(key -> key.serviceId(trace.scope.accountId())).toList())
                .resourceARNs(facts.resourceArns.stream().map(arn -> ResourceARNDetail.builder().arn(arn).build())
                        .toList())
                .revision(trace.revision);
        root.ifPresent(r -> summary.responseTime(round(r.duration()))
                .entryPoint(ServiceKey.of(r).serviceId(trace.scope.accountId()))
                .http(r.http().map(Summaries::http).orElse(null)));
        return summary.build();
    }

    static Instant instant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
    }

    static double round(double seconds) {
        return Double.isNaN(seconds) ? 0 : Math.max(0, Math.round(seconds * 1000) / 1000.0);
    }

    private static Http http(Segment.Http http) {
        return Http.builder().httpMethod(http.method().orElse(null)).httpURL(http.url().orElse(null))
                .httpStatus(http.status().orElse(null)).clientIp(http.clientIp().orElse(null))
                .userAgent(http.userAgent().orElse(null)).build();
    }

    /** Accumulates over every segment and subsegment of a trace. */
    private static final class Facts {
        final String accountId;
        double maxEnd = Double.NaN;
        boolean fault;
        boolean error;
        boolean throttle;
        boolean partial;
        final Set<ServiceKey> services = new TreeSet<>();
        final Set<String> resourceArns = new LinkedHashSet<>();
        final Map<String, Map<Object, Set<ServiceKey>>> annotations = new LinkedHashMap<>();
        final Map<String, Set<ServiceKey>> users = new LinkedHashMap<>();

        Facts(String accountId) {
            this.accountId = accountId;
        }

        void visit(Segment segment, ServiceKey service) {
            if (!segment.separateSubsegment() || segment.remoteCall()) {
                services.add(service);
            }
            maxEnd = Double.isNaN(maxEnd) ? segment.endTime() : Math.max(maxEnd, segment.endTime());
            fault |= segment.flags().fault();
            error |= segment.flags().error();
            throttle |= segment.flags().throttle();
            partial |= segment.inProgress();
            segment.resourceArn().ifPresent(resourceArns::add);
            segment.user().ifPresent(user -> users.computeIfAbsent(user, u -> new TreeSet<>()).add(service));
            segment.annotations().forEach((key, value) -> annotations.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(value, v -> new TreeSet<>()).add(service));
            for (Segment child : segment.subsegments()) {
                visit(child, child.remoteCall() ? ServiceKey.of(child) : service);
            }
        }

        Map<String, List<ValueWithServiceIds>> annotations() {
            Map<String, List<ValueWithServiceIds>> result = new LinkedHashMap<>();
            annotations.forEach((key, values) -> {
                List<ValueWithServiceIds> list = new ArrayList<>();
                values.forEach((value, keys) -> list.add(ValueWithServiceIds.builder()
                        .annotationValue(annotationValue(value)).serviceIds(ids(keys)).build()));
                result.put(key, list);
            });
            return result;
        }

        List<TraceUser> users() {
            List<TraceUser> result = new ArrayList<>();
            users.forEach((user, keys) -> result.add(TraceUser.builder().userName(user).serviceIds(ids(keys)).build()));
            return result;
        }

        private List<ServiceId> ids(Set<ServiceKey> keys) {
            return keys.stream().map(key -> key.serviceId(accountId)).toList();
        }

        private static AnnotationValue annotationValue(Object value) {
            return switch (value) {
                case String s -> AnnotationValue.fromStringValue(s);
                case Double d -> AnnotationValue.fromNumberValue(d);
                case Boolean b -> AnnotationValue.fromBooleanValue(b);
                default -> throw new IllegalStateException("annotation of type " + value.getClass());
            };
        }
    }
}
