package io.watchpost.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchpost.wire.auth.AuthConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code accessKeys} array of the config file, reporting every bad entry. */
final class AccessKeys {
    private AccessKeys() {}

    static List<AuthConfig.AccessKey> parse(JsonNode array, Problems problems) {
        List<AuthConfig.AccessKey> keys = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return keys;
        }
        if (!array.isArray()) {
            problems.add("\"accessKeys\" must be an array");
            return keys;
        }
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode entry : array) {
            String where = "accessKeys[" + index++ + "]";
            String id = text(entry, "accessKeyId");
            String secret = text(entry, "secretAccessKey");
            String account = text(entry, "accountId");
            String user = entry.path("userName").asText("watchpost");
            if (id.isEmpty() || secret.isEmpty()) {
                problems.add(where + " needs accessKeyId and secretAccessKey");
                continue;
            }
            if (!account.matches("\\d{12}")) {
                problems.add(where + ": accountId '" + account + "' must be 12 digits");
                continue;
            }
            if (!seen.add(id)) {
                problems.add(where + ": access key " + id + " is listed twice");
                continue;
            }
            keys.add(new AuthConfig.AccessKey(id, secret, account, user));
        }
        return keys;
    }

    private static String text(JsonNode entry, String name) {
        return entry.path(name).asText("");
    }
}
