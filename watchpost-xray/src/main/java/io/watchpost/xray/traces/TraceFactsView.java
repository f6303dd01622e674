package io.watchpost.xray.traces;

import io.watchpost.xray.filter.TraceFacts;
import io.watchpost.xray.segments.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import software.amazon.awssdk.services.xray.model.TraceUser;
import software.amazon.awssdk.services.xray.model.ValueWithServiceIds;

/**
 * What filter expressions read about one stored trace: its summary, plus one service node per segment and per
 * downstream call ({@code namespace: remote|aws}), and one edge per call. Built under the index's lock from a
 * {@link TraceState}; immutable afterwards. Availability zones, instance ids and root causes are not recorded yet,
 * so expressions on them match nothing. {@link #groups()} tests the given groups' filter expressions at query time
 * against this trace seen without groups, so a group expression naming {@code group.*} matches nothing rather than
 * recursing.
 */
record TraceFactsView(TraceSummary summary, Optional<Segment> root, List<ServiceNode> services, List<EdgeCall> edges,
        String accountId, List<Groups.Compiled> groupDefinitions) implements TraceFacts {

    static TraceFactsView of(TraceState state) {
        return of(state, List.of());
    }

    /** The view of {@code state} whose {@code group.*} is decided by {@code groups}. */
    static TraceFactsView of(TraceState state, List<Groups.Compiled> groups) {
        List<Segment> segments = state.segments();
        Optional<Segment> root = segments.stream()
                .filter(s -> s.parentId().isEmpty() && !s.separateSubsegment()).findFirst();
        String account = state.scope.accountId();
        List<ServiceNode> services = new ArrayList<>();
        List<EdgeCall> edges = new ArrayList<>();
        Map<String, NodeId> owners = new HashMap<>();
        for (Segment segment : segments) {
            if (segment.separateSubsegment()) {
                continue;
            }
            NodeId node = node(ServiceKey.of(segment), account);
            services.add(new ServiceNode(node, segment.parentId().isEmpty(), false, segment.flags().fault(),
                    segment.flags().error(), segment.flags().throttle(), OptionalDouble.of(segment.duration()),
                    http(segment.http())));
            own(segment, node, owners);
            addCalls(node, segment.subsegments(), account, services, edges);
        }
        addSeparateCalls(segments, account, owners, services, edges);
        return new TraceFactsView(state.summary, root, List.copyOf(services), List.copyOf(edges), account,
                List.copyOf(groups));
    }

    /**
     * Subsegments sent on their own belong to the service whose segment (or subsegment) their {@code parent_id}
     * names, possibly through other separate subsegments; those that call out add a node and an edge as if they
     * had been embedded. Those whose parent never arrived are left out.
     */
    private static void addSeparateCalls(List<Segment> segments, String account, Map<String, NodeId> owners,
            List<ServiceNode> services, List<EdgeCall> edges) {
        List<Segment> pending = new ArrayList<>();
        segments.stream().filter(Segment::separateSubsegment).forEach(pending::add);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Iterator<Segment> it = pending.iterator(); it.hasNext(); ) {
                Segment sub = it.next();
                NodeId caller = sub.parentId().map(owners::get).orElse(null);
                if (caller == null) {
                    continue;
                }
                it.remove();
                progress = true;
                own(sub, caller, owners);
                addCalls(caller, List.of(sub), account, services, edges);
            }
        }
    }

    private static void own(Segment segment, NodeId owner, Map<String, NodeId> owners) {
        owners.put(segment.id(), owner);
        segment.subsegments().forEach(sub -> own(sub, owner, owners));
    }

    private static void addCalls(NodeId caller, List<Segment> subsegments, String account, List<ServiceNode> services,
            List<EdgeCall> edges) {
        for (Segment sub : subsegments) {
            if (sub.remoteCall()) {
                NodeId callee = node(ServiceKey.of(sub), account);
                Segment.Flags flags = sub.flags();
                services.add(new ServiceNode(callee, false, true, flags.fault(), flags.error(), flags.throttle(),
                        OptionalDouble.of(sub.duration()), http(sub.http())));
                edges.add(new EdgeCall(caller, callee, flags.fault(), flags.error(), flags.throttle(),
                        OptionalDouble.of(sub.duration()), http(sub.http())));
            }
            addCalls(caller, sub.subsegments(), account, services, edges);
        }
    }

    private static NodeId node(ServiceKey key, String account) {
        return new NodeId(key.name(), key.type(), Optional.of(account));
    }

    private static Http http(Optional<Segment.Http> http) {
        return http.map(h -> new Http(h.url(), h.method(), h.userAgent(), h.clientIp(),
                h.status().map(OptionalInt::of).orElse(OptionalInt.empty()))).orElse(Http.NONE);
    }

    @Override
    public String id() {
        return summary.id();
    }

    @Override
    public OptionalDouble duration() {
        return summary.duration() == null ? OptionalDouble.empty() : OptionalDouble.of(summary.duration());
    }

    @Override
    public OptionalDouble responseTime() {
        return summary.responseTime() == null ? OptionalDouble.empty() : OptionalDouble.of(summary.responseTime());
    }

    @Override
    public Http http() {
        return root.map(segment -> http(segment.http())).orElse(Http.NONE);
    }

    @Override
    public List<String> users() {
        return summary.users().stream().map(TraceUser::userName).toList();
    }

    @Override
    public boolean fault() {
        return Boolean.TRUE.equals(summary.hasFault());
    }

    @Override
    public boolean error() {
        return Boolean.TRUE.equals(summary.hasError());
    }

    @Override
    public boolean throttle() {
        return Boolean.TRUE.equals(summary.hasThrottle());
    }

    @Override
    public boolean partial() {
        return Boolean.TRUE.equals(summary.isPartial());
    }

    @Override
    public boolean inferred() {
        return false;
    }

    @Override
    public List<AnnotationValue> annotations(String key) {
        Map<String, List<ValueWithServiceIds>> annotations = summary.annotations();
        List<AnnotationValue> values = new ArrayList<>();
        for (ValueWithServiceIds value : annotations.getOrDefault(key, List.of())) {
            var annotation = value.annotationValue();
            if (annotation.stringValue() != null) {
                values.add(new AnnotationValue.Text(annotation.stringValue()));
            } else if (annotation.numberValue() != null) {
                values.add(new AnnotationValue.Number(annotation.numberValue()));
            } else if (annotation.booleanValue() != null) {
                values.add(new AnnotationValue.Bool(annotation.booleanValue()));
            }
        }
        return values;
    }

    @Override
    public List<GroupRef> groups() {
        if (groupDefinitions.isEmpty()) {
            return List.of();
        }
        TraceFactsView plain = new TraceFactsView(summary, root, services, edges, accountId, List.of());
        return groupDefinitions.stream().filter(group -> group.filter().test(plain)).map(Groups.Compiled::ref)
                .toList();
    }

    @Override
    public List<String> availabilityZones() {
        return List.of();
    }

    @Override
    public List<String> instanceIds() {
        return List.of();
    }

    @Override
    public List<String> resourceArns() {
        return summary.resourceARNs().stream().map(detail -> detail.arn()).toList();
    }

    @Override
    public RootCauses rootCauses() {
        return RootCauses.NONE;
    }
}
