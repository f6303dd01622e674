package io.watchpost.server.config;

import java.util.ArrayList;
import java.util.List;

/** Configuration problems collected so that all of them are reported at once. */
public final class Problems {
    private final List<String> messages = new ArrayList<>();

    public void add(String message) {
        messages.add(message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }
}
