package io.watchpost.xray.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/** A record-based {@link TraceFacts} for tests, read from the corpus's JSON trace fixtures. */
record TestTrace(String id, OptionalDouble duration, OptionalDouble responseTime, Http http, List<String> users,
        boolean fault, boolean error, boolean throttle, boolean partial, boolean inferred,
        Map<String, List<AnnotationValue>> annotationMap, List<ServiceNode> services, List<EdgeCall> edges,
        List<GroupRef> groups, List<String> availabilityZones, List<String> instanceIds, List<String> resourceArns,
        RootCauses rootCauses) implements TraceFacts {

    @Override
    public List<AnnotationValue> annotations(String key) {
        return annotationMap.getOrDefault(key, List.of());
    }

    static TestTrace of(JsonNode t) {
        Map<String, List<AnnotationValue>> annotations = new java.util.HashMap<>();
        if (t.has("annotations")) {
            t.get("annotations").properties().forEach(e -> annotations.put(e.getKey(),
                    list(e.getValue().isArray() ? e.getValue() : List.of(e.getValue()), TestTrace::annotation)));
        }
        return new TestTrace(t.path("id").asText("1-5759e988-bd862e3fe1be46a994272793"), dbl(t, "duration"),
                dbl(t, "responseTime"), http(t.get("http")), strings(t, "users"), bool(t, "fault"), bool(t, "error"),
                bool(t, "throttle"), bool(t, "partial"), bool(t, "inferred"), annotations,
                list(t.path("services"), TestTrace::service), list(t.path("edges"), TestTrace::edge),
                list(t.path("groups"), g -> new GroupRef(g.get("name").asText(), g.get("arn").asText())),
                strings(t, "availabilityZones"), strings(t, "instanceIds"), strings(t, "resourceArns"),
                rootCauses(t.path("rootCauses")));
    }

    private static AnnotationValue annotation(JsonNode v) {
        if (v.isNumber()) {
            return new AnnotationValue.Number(v.asDouble());
        }
        if (v.isBoolean()) {
            return new AnnotationValue.Bool(v.asBoolean());
        }
        return new AnnotationValue.Text(v.asText());
    }

    private static ServiceNode service(JsonNode s) {
        return new ServiceNode(nodeId(s), bool(s, "root"), bool(s, "inferred"), bool(s, "fault"), bool(s, "error"),
                bool(s, "throttle"), dbl(s, "responseTime"), http(s.get("http")));
    }

    private static EdgeCall edge(JsonNode e) {
        return new EdgeCall(nodeId(e.get("source")), nodeId(e.get("destination")), bool(e, "fault"), bool(e, "error"),
                bool(e, "throttle"), dbl(e, "responseTime"), http(e.get("http")));
    }

    private static NodeId nodeId(JsonNode n) {
        return new NodeId(n.get("name").asText(), str(n, "type"), str(n, "accountId"));
    }

    private static Http http(JsonNode h) {
        if (h == null) {
            return Http.NONE;
        }
        return new Http(str(h, "url"), str(h, "method"), str(h, "userAgent"), str(h, "clientIp"),
                h.has("status") ? OptionalInt.of(h.get("status").asInt()) : OptionalInt.empty());
    }

    private static RootCauses rootCauses(JsonNode r) {
        return new RootCauses(list(r.path("fault"), TestTrace::cause), list(r.path("error"), TestTrace::cause),
                list(r.path("responseTime"), TestTrace::cause));
    }

    private static RootCause cause(JsonNode c) {
        return new RootCause(list(c.path("Services"), s -> new RootCauseService(s.get("Name").asText(),
                strings(s, "Names"), str(s, "Type"), str(s, "AccountId"), bool(s, "Inferred"),
                list(s.path("EntityPath"), e -> new RootCauseEntity(e.get("Name").asText(), bool(e, "Remote"),
                        dbl(e, "Coverage"), list(e.path("Exceptions"),
                                x -> new RootCauseException(x.get("Name").asText(), str(x, "Message"))))))));
    }

    private static <T> List<T> list(Iterable<JsonNode> nodes, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        nodes.forEach(n -> out.add(read.apply(n)));
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode n, String field) {
        return list(n.path(field), JsonNode::asText);
    }

    private static Optional<String> str(JsonNode n, String field) {
        return n.has(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    private static OptionalDouble dbl(JsonNode n, String field) {
        return n.has(field) ? OptionalDouble.of(n.get(field).asDouble()) : OptionalDouble.empty();
    }

    private static boolean bool(JsonNode n, String field) {
        return n.path(field).asBoolean(false);
    }
}
