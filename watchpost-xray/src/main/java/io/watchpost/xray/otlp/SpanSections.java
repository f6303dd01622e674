package io.watchpost.xray.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sections of a translated segment: {@code http} from the HTTP semantic conventions (current {@code url.*},
 * {@code http.request.*}, {@code http.response.*} and the older {@code http.*} names), the fault/error/throttle
 * flags and {@code cause}, the {@code aws} section, and the remaining attributes as annotations (the keys named
 * by {@code aws.xray.annotations}) or metadata (everything else, in namespace {@code default}).
 */
final class SpanSections {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ANNOTATIONS_ATTRIBUTE = "aws.xray.annotations";
    static final String METADATA_PREFIX = "aws.xray.metadata.";

    private SpanSections() {}

    static Optional<ObjectNode> http(OtlpSpan span, Set<String> consumed) {
        ObjectNode request = JSON.objectNode();
        ObjectNode response = JSON.objectNode();
        putText(request, "method", take(span, consumed, "http.request.method", "http.method"));
        String forwarded = take(span, consumed, "http.client_ip");
        String client = forwarded != null ? forwarded : take(span, consumed, "client.address", "net.peer.ip",
                "net.sock.peer.addr");
        putText(request, "client_ip", client);
        if (forwarded != null) {
            request.put("x_forwarded_for", true);
        }
        putText(request, "user_agent", take(span, consumed, "user_agent.original", "http.user_agent"));
        String url = url(span, consumed);
        putText(request, "url", url);
        Long status = firstNumber(span, consumed, "http.response.status_code", "http.status_code");
        if (status != null) {
            response.put("status", status);
        }
        Long length = firstNumber(span, consumed, "http.response.body.size", "http.response_content_length");
        if (length != null) {
            response.put("content_length", length);
        }
        if (request.isEmpty() && response.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode http = JSON.objectNode();
        if (!request.isEmpty()) {
            http.set("request", request);
        }
        if (!response.isEmpty()) {
            http.set("response", response);
        }
        return Optional.of(http);
    }

    /** The full URL, or one assembled from scheme, host, port and target as the exporter does. */
    private static String url(OtlpSpan span, Set<String> consumed) {
        String full = take(span, consumed, "url.full", "http.url");
        if (full != null) {
            return full;
        }
        boolean server = span.kind() == OtlpSpan.KIND_SERVER;
        String host = take(span, consumed, "http.host", "server.address",
                server ? "http.server_name" : "net.peer.name", server ? "net.host.name" : "net.peer.ip");
        String path = take(span, consumed, "url.path");
        String target = path != null ? path + Optional.ofNullable(take(span, consumed, "url.query"))
                .map(q -> "?" + q).orElse("") : take(span, consumed, "http.target");
        if (host == null && target == null) {
            return null;
        }
        String scheme = Optional.ofNullable(take(span, consumed, "url.scheme", "http.scheme")).orElse("http");
        Long port = firstNumber(span, consumed, "server.port", server ? "net.host.port" : "net.peer.port");
        boolean defaultPort = port == null || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + (host == null ? "" : host) + (defaultPort ? "" : ":" + port)
                + (target == null ? "/" : target);
    }

    /**
     * Flags from the HTTP status when there is one (4xx error, 429 also throttle, 5xx fault), else fault when the
     * span's status is ERROR; {@code cause} from {@code exception} events, else from the status message.
     */
    static void faults(OtlpSpan span, ObjectNode doc) {
        Long status = span.number("http.response.status_code");
        if (status == null) {
            status = span.number("http.status_code");
        }
        boolean error = status != null && status >= 400 && status <= 499;
        boolean httpFailure = status != null && status >= 400 && status <= 599;
        boolean fault = httpFailure ? !error : span.statusCode() == OtlpSpan.STATUS_ERROR;
        doc.put("fault", fault);
        doc.put("error", error);
        doc.put("throttle", status != null && status == 429);
        ArrayNode exceptions = SpanCauses.exceptions(span);
        if (!exceptions.isEmpty()) {
            ObjectNode cause = JSON.objectNode();
            cause.set("exceptions", exceptions);
            doc.set("cause", cause);
        }
    }

    /** The {@code aws} section of an AWS SDK call. */
    static Optional<ObjectNode> aws(OtlpSpan span, Set<String> consumed) {
        ObjectNode aws = JSON.objectNode();
        putText(aws, "operation", take(span, consumed, "aws.operation"));
        if (!aws.has("operation") && "aws-api".equals(span.text("rpc.system"))) {
            putText(aws, "operation", span.text("rpc.method"));
        }
        putText(aws, "region", take(span, consumed, "aws.region"));
        putText(aws, "request_id", take(span, consumed, "aws.request_id", "aws.requestId"));
        putText(aws, "queue_url", take(span, consumed, "aws.queue_url", "aws.queue.url"));
        putText(aws, "table_name", take(span, consumed, "aws.table_name"));
        if (span.resource().get("cloud.account.id") instanceof String account) {
            aws.put("account_id", account);
        }
        return aws.isEmpty() ? Optional.empty() : Optional.of(aws);
    }

    /**
     * {@code enduser.id} becomes {@code user}; attributes named by {@code aws.xray.annotations} become annotations
     * (key characters other than letters and digits replaced by {@code _}); {@code aws.xray.metadata.<ns>} JSON
     * strings become metadata namespaces; the rest, and on segments the resource as {@code otel.resource.<key>},
     * is metadata in namespace {@code default}.
     */
    static void attributes(OtlpSpan span, boolean storeResource, Set<String> consumed, ObjectNode doc) {
        Map<String, Object> attributes = span.attributes();
        if (attributes.get("enduser.id") instanceof String user) {
            doc.put("user", user);
        }
        Set<String> indexed = new java.util.HashSet<>();
        if (attributes.get(ANNOTATIONS_ATTRIBUTE) instanceof List<?> keys) {
            keys.forEach(key -> indexed.add(String.valueOf(key)));
        }
        ObjectNode annotations = JSON.objectNode();
        ObjectNode metadata = JSON.objectNode();
        ObjectNode defaults = JSON.objectNode();
        if (storeResource) {
            span.resource().forEach((key, value) -> defaults.set("otel.resource." + key, MAPPER.valueToTree(value)));
        }
        attributes.forEach((key, value) -> {
            if (consumed.contains(key) || key.equals("enduser.id") || key.equals(ANNOTATIONS_ATTRIBUTE)) {
                return;
            }
            if (indexed.contains(key) && annotationValue(value)) {
                annotations.set(annotationKey(key), MAPPER.valueToTree(value));
            } else if (key.startsWith(METADATA_PREFIX) && value instanceof String json) {
                metadata(key.substring(METADATA_PREFIX.length()), key, json, metadata, defaults);
            } else {
                defaults.set(key, MAPPER.valueToTree(value));
            }
        });
        if (!defaults.isEmpty()) {
            metadata.set("default", defaults);
        }
        if (!annotations.isEmpty()) {
            doc.set("annotations", annotations);
        }
        if (!metadata.isEmpty()) {
            doc.set("metadata", metadata);
        }
    }

    private static void metadata(String namespace, String key, String json, ObjectNode metadata, ObjectNode defaults) {
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            defaults.put(key, json);
        } else if (namespace.equalsIgnoreCase("default")) {
            defaults.setAll((ObjectNode) parsed);
        } else {
            metadata.set(namespace, parsed);
        }
    }

    private static boolean annotationValue(Object value) {
        return value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean;
    }

    /** X-Ray annotation keys are letters, digits and {@code _}. */
    static String annotationKey(String key) {
        StringBuilder fixed = new StringBuilder(key.length());
        key.chars().forEach(c -> fixed.append(c < 128 && Character.isLetterOrDigit(c) ? (char) c : '_'));
        return fixed.toString();
    }

    private static String take(OtlpSpan span, Set<String> consumed, String... keys) {
        for (String key : keys) {
            String value = span.text(key);
            if (value != null) {
                consumed.add(key);
                return value;
            }
        }
        return null;
    }

    private static Long firstNumber(OtlpSpan span, Set<String> consumed, String... keys) {
        for (String key : keys) {
            Long value = span.number(key);
            if (value != null) {
                consumed.add(key);
                return value;
            }
        }
        return null;
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
