package io.watchpost.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code destinations} array of the config file ({@code [{"arn": …, "url": …}]}), reporting bad entries. */
final class Destinations {
    private Destinations() {}

    static List<DestinationMapping> parse(JsonNode array, Problems problems) {
        List<DestinationMapping> mappings = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return mappings;
        }
        if (!array.isArray()) {
            problems.add("\"destinations\" must be an array");
            return mappings;
        }
        int index = 0;
        for (JsonNode entry : array) {
            String where = "destinations[" + index++ + "]";
            String arn = entry.path("arn").asText("");
            String url = entry.path("url").asText("");
            if (!arn.startsWith("arn:")) {
                problems.add(where + ": \"arn\" must be an ARN (\"*\" matches any characters)");
                continue;
            }
            try {
                URI uri = URI.create(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                mappings.add(new DestinationMapping(arn, uri));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": \"url\" must be an absolute http or https URL, not '" + url + "'");
            }
        }
        return mappings;
    }
}
