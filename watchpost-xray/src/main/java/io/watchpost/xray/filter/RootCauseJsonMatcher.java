package io.watchpost.xray.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.xray.filter.TraceFacts.RootCause;
import java.util.List;
import java.util.Map;

/**
 * The {@code rootcause.json = #[...]} form. The literal is an array of root-cause objects shaped as
 * GetTraceSummaries returns them ({@code Services}, {@code Name}, {@code Names}, {@code Type}, {@code AccountId},
 * {@code Inferred}, {@code EntityPath}, {@code Coverage}, {@code Remote}, {@code Exceptions}, {@code Message}).
 * Each pattern object must match some root cause: an object matches when every member it names matches, an array
 * when it has the same length and matches element by element, a scalar when equal.
 */
final class RootCauseJsonMatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RootCauseJsonMatcher() {
    }

    static JsonNode parse(Token literal) {
        try {
            JsonNode pattern = JSON.readTree(literal.text());
            if (!pattern.isArray()) {
                throw FilterErrors.at(literal.position(), "The JSON root cause literal must be an array");
            }
            return pattern;
        } catch (JsonProcessingException e) {
            throw FilterErrors.at(literal.position(), "Invalid JSON literal");
        }
    }

    static boolean matches(JsonNode pattern, List<RootCause> causes) {
        if (causes.isEmpty()) {
            return false;
        }
        List<JsonNode> actual = causes.stream().map(RootCauseJsonMatcher::toJson).toList();
        for (JsonNode wanted : pattern) {
            if (actual.stream().noneMatch(a -> subset(wanted, a))) {
                return false;
            }
        }
        return true;
    }

    private static boolean subset(JsonNode wanted, JsonNode actual) {
        if (wanted.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : wanted.properties()) {
                JsonNode value = actual.get(member.getKey());
                if (value == null || !subset(member.getValue(), value)) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isArray()) {
            if (!actual.isArray() || actual.size() != wanted.size()) {
                return false;
            }
            for (int i = 0; i < wanted.size(); i++) {
                if (!subset(wanted.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isNumber() && actual.isNumber()) {
            return wanted.doubleValue() == actual.doubleValue();
        }
        return wanted.equals(actual);
    }

    private static JsonNode toJson(RootCause cause) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode services = root.putArray("Services");
        for (TraceFacts.RootCauseService service : cause.services()) {
            ObjectNode s = services.addObject().put("Name", service.name()).put("Inferred", service.inferred());
            ArrayNode names = s.putArray("Names");
            service.names().forEach(names::add);
            service.type().ifPresent(t -> s.put("Type", t));
            service.accountId().ifPresent(a -> s.put("AccountId", a));
            ArrayNode path = s.putArray("EntityPath");
            for (TraceFacts.RootCauseEntity entity : service.entityPath()) {
                ObjectNode e = path.addObject().put("Name", entity.name()).put("Remote", entity.remote());
                entity.coverage().ifPresent(c -> e.put("Coverage", c));
                ArrayNode exceptions = e.putArray("Exceptions");
                for (TraceFacts.RootCauseException exception : entity.exceptions()) {
                    ObjectNode x = exceptions.addObject().put("Name", exception.name());
                    exception.message().ifPresent(m -> x.put("Message", m));
                }
            }
        }
        return root;
    }
}
