package io.watchpost.xray.traces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the segment documents BatchGetTraces returns: as X-Ray does, a subsegment sent on its own is
 * embedded in the {@code subsegments} of the segment or subsegment its {@code parent_id} names; one whose parent
 * never arrived is returned as a document of its own.
 */
final class Documents {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Documents() {}

    /** A document to return: the segment id and its JSON. */
    record Doc(String id, String json) {}

    /** {@code segments} and {@code separate} are (id, JSON) pairs in arrival order. */
    static List<Doc> assemble(List<Doc> segments, List<Doc> separate) {
        if (separate.isEmpty()) {
            return segments;
        }
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        Map<String, ObjectNode> roots = new LinkedHashMap<>();
        for (Doc doc : segments) {
            ObjectNode node = parse(doc.json());
            roots.put(doc.id(), node);
            collect(node, byId);
        }
        List<Doc> orphans = new ArrayList<>();
        List<ObjectNode> pending = new ArrayList<>();
        separate.forEach(doc -> pending.add(parse(doc.json())));
        pending.forEach(node -> collect(node, byId));
        for (ObjectNode node : pending) {
            ObjectNode parent = byId.get(node.path("parent_id").asText());
            if (parent == null) {
                orphans.add(new Doc(node.path("id").asText(), node.toString()));
                continue;
            }
            node.remove("type");
            node.remove("parent_id");
            node.remove("trace_id");
            JsonNode children = parent.get("subsegments");
            ArrayNode array = children instanceof ArrayNode a ? a : parent.putArray("subsegments");
            array.add(node);
        }
        List<Doc> result = new ArrayList<>();
        roots.forEach((id, node) -> result.add(new Doc(id, node.toString())));
        result.addAll(orphans);
        return result;
    }

    private static void collect(ObjectNode node, Map<String, ObjectNode> byId) {
        byId.putIfAbsent(node.path("id").asText(), node);
        for (JsonNode child : node.path("subsegments")) {
            if (child instanceof ObjectNode object) {
                collect(object, byId);
            }
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json); // accepted documents are objects
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored segment document is not JSON", e);
        }
    }
}
