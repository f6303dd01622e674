package io.watchpost.logs.stream;

import io.watchpost.logs.store.EventPosition;
import java.util.Optional;

/**
 * GetLogEvents tokens in AWS's shape: {@code f/<56 digits>/s} (forward: events after the position) and
 * {@code b/<56 digits>/s} (backward: events before it). The digits are an {@link EventPosition}.
 */
record StreamTokens(boolean forward, EventPosition position) {
    static final EventPosition ORIGIN = new EventPosition(0, 0);

    static Optional<StreamTokens> parse(String token) {
        if (token == null || token.length() != 60 || token.charAt(1) != '/' || !token.endsWith("/s")) {
            return Optional.empty();
        }
        char direction = token.charAt(0);
        if (direction != 'f' && direction != 'b') {
            return Optional.empty();
        }
        return EventPosition.parseDigits(token.substring(2, 58)).map(p -> new StreamTokens(direction == 'f', p));
    }

    static String forward(EventPosition position) {
        return "f/" + position.digits() + "/s";
    }

    static String backward(EventPosition position) {
        return "b/" + position.digits() + "/s";
    }
}
