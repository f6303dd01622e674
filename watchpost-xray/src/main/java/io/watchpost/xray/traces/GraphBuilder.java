package io.watchpost.xray.traces;

import io.watchpost.xray.segments.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.Service;

/**
 * Builds a service graph from traces as X-Ray does: every segment is (a request to) its service node; a root
 * segment is called by a {@code client} node; a segment whose {@code parent_id} names a subsegment or segment of
 * another service is called by that service; a subsegment in namespace {@code remote} or {@code aws} that no
 * segment continues is a call to a node of its own. Node statistics count the requests a node served, edge
 * statistics the calls along the edge. Reference ids number the nodes in name order. Not thread-safe.
 */
final class GraphBuilder {
    private final String accountId;
    private final Map<ServiceKey, Stats> nodes = new TreeMap<>();
    private final Map<ServiceKey, Map<ServiceKey, Stats>> edges = new HashMap<>();
    private final Set<ServiceKey> roots = new HashSet<>();

    GraphBuilder(String accountId) {
        this.accountId = accountId;
    }

    void addTrace(List<Segment> documents) {
        Map<String, ServiceKey> ownerOf = new HashMap<>(); // segment or subsegment id -> the service it ran in
        Map<String, Segment> subsegments = new HashMap<>();
        Set<String> continued = new HashSet<>(); // ids some segment names as parent
        for (Segment doc : documents) {
            ServiceKey service = doc.separateSubsegment() ? null : ServiceKey.of(doc);
            if (service != null) {
                ownerOf.put(doc.id(), service);
                doc.parentId().ifPresent(continued::add);
            }
            collect(doc, service, ownerOf, subsegments);
        }
        for (Segment doc : documents) {
            resolveSeparate(doc, ownerOf);
        }
        for (Segment doc : documents) {
            if (doc.separateSubsegment()) {
                continue;
            }
            ServiceKey service = ServiceKey.of(doc);
            node(service).add(doc);
            ServiceKey caller = doc.parentId().map(ownerOf::get).orElse(null);
            if (doc.parentId().isEmpty() || caller == null) {
                caller = ServiceKey.client(doc);
                roots.add(service);
                node(caller);
            }
            edge(caller, service).add(doc);
        }
        subsegments.values().stream().filter(s -> s.remoteCall() && !continued.contains(s.id())).forEach(call -> {
            ServiceKey owner = ownerOf.get(call.parentId().orElse(""));
            ServiceKey target = ServiceKey.of(call);
            node(target).add(call);
            if (owner != null) {
                edge(owner, target).add(call);
            }
        });
    }

    List<Service> services() {
        Map<ServiceKey, Integer> ids = new HashMap<>();
        nodes.keySet().forEach(key -> ids.put(key, ids.size()));
        List<Service> services = new ArrayList<>(nodes.size());
        nodes.forEach((key, stats) -> services.add(service(key, stats, ids)));
        return services;
    }

    private Service service(ServiceKey key, Stats stats, Map<ServiceKey, Integer> ids) {
        boolean client = key.type().filter("client"::equals).isPresent();
        List<Edge> out = new ArrayList<>();
        new TreeMap<>(edges.getOrDefault(key, Map.of())).forEach((target, edge) -> out.add(Edge.builder()
                .referenceId(ids.get(target))
                .startTime(Summaries.instant(edge.start)).endTime(Summaries.instant(edge.end))
                .summaryStatistics(edge.edgeStatistics())
                .responseTimeHistogram(edge.histogram())
                .aliases(List.of())
                .build()));
        Service.Builder service = Service.builder()
                .referenceId(ids.get(key)).name(key.name()).names(key.name()).type(key.type().orElse(null))
                .state("unknown").edges(out);
        if (client) {
            return service.build();
        }
        return service.root(roots.contains(key)).accountId(accountId).state("active")
                .startTime(Summaries.instant(stats.start)).endTime(Summaries.instant(stats.end))
                .summaryStatistics(stats.serviceStatistics())
                .durationHistogram(stats.histogram()).responseTimeHistogram(stats.histogram())
                .build();
    }

    private void collect(Segment doc, ServiceKey service, Map<String, ServiceKey> ownerOf,
            Map<String, Segment> subsegments) {
        for (Segment child : doc.subsegments()) {
            if (service != null) {
                ownerOf.put(child.id(), service);
            }
            subsegments.put(child.id(), child);
            collect(child, service, ownerOf, subsegments);
        }
        if (doc.separateSubsegment()) {
            subsegments.put(doc.id(), doc);
        }
    }

    /** A subsegment sent on its own runs in the service of its parent, however deep the chain. */
    private void resolveSeparate(Segment doc, Map<String, ServiceKey> ownerOf) {
        if (!doc.separateSubsegment() || ownerOf.containsKey(doc.id())) {
            return;
        }
        ServiceKey owner = ownerOf.get(doc.parentId().orElse(""));
        if (owner != null) {
            ownerOf.put(doc.id(), owner);
            fill(doc, owner, ownerOf);
        }
    }

    private static void fill(Segment doc, ServiceKey owner, Map<String, ServiceKey> ownerOf) {
        for (Segment child : doc.subsegments()) {
            ownerOf.put(child.id(), owner);
            fill(child, owner, ownerOf);
        }
    }

    /** Statistics of the service nodes {@code node} selects, merged. */
    Stats nodesMatching(EntitySelector.NodeMatch node) {
        Stats merged = new Stats();
        nodes.forEach((key, stats) -> {
            if (node.matches(key, accountId)) {
                merged.merge(stats);
            }
        });
        return merged;
    }

    /** Statistics of the edges from nodes {@code source} selects to nodes {@code destination} selects, merged. */
    Stats edgesMatching(EntitySelector.NodeMatch source, EntitySelector.NodeMatch destination) {
        Stats merged = new Stats();
        edges.forEach((from, targets) -> targets.forEach((to, stats) -> {
            if (source.matches(from, accountId) && destination.matches(to, accountId)) {
                merged.merge(stats);
            }
        }));
        return merged;
    }

    /** Statistics of every edge from a {@code client} node: the requests that entered the application. */
    Stats clientEdges() {
        Stats merged = new Stats();
        edges.forEach((from, targets) -> {
            if (from.type().filter("client"::equals).isPresent()) {
                targets.values().forEach(merged::merge);
            }
        });
        return merged;
    }

    private Stats node(ServiceKey key) {
        return nodes.computeIfAbsent(key, k -> new Stats());
    }

    private Stats edge(ServiceKey from, ServiceKey to) {
        return edges.computeIfAbsent(from, k -> new HashMap<>()).computeIfAbsent(to, k -> new Stats());
    }
}
