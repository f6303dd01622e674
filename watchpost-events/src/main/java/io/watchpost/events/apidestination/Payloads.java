package io.watchpost.events.apidestination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The request body and default headers EventBridge sends to an API destination. Stateless. */
final class Payloads {
    /** EventBridge's default headers; the target's and the connection's headers may override them. */
    static final Map<String, String> DEFAULT_HEADERS = Map.of(
            "User-Agent", Requests.USER_AGENT,
            "Content-Type", "application/json; charset=utf-8",
            "Range", "bytes=0-1048575",
            "Accept-Encoding", "gzip,deflate");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    /**
     * The connection's body parameters become top-level members of a JSON object payload (overriding members of the
     * same name); a payload that is not a JSON object is sent unchanged.
     */
    static String withBodyParameters(String payload, List<Param> bodies) {
        if (bodies.isEmpty() || payload == null) {
            return payload;
        }
        try {
            JsonNode node = JSON.readTree(payload);
            if (!(node instanceof ObjectNode object)) {
                return payload;
            }
            for (Param p : bodies) {
                object.put(p.key(), p.value());
            }
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            return payload;
        }
    }
}
