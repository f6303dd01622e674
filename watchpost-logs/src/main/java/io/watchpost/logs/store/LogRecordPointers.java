package io.watchpost.logs.store;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.PageTokens;
import java.util.Optional;

/**
 * {@code @ptr} values (the {@code logRecordPointer} of GetLogRecord): group, stream and event position under the
 * server's token MAC, so a pointer cannot be forged or point outside the caller's scope (the scope is the
 * caller's, never part of the pointer). Logs Insights issues them; GetLogRecord resolves them.
 */
public final class LogRecordPointers {
    private final PageTokens tokens;

    public record Pointer(String logGroupName, String logStreamName, EventPosition position) {
        public Pointer {
            requireNonNull(logGroupName, "logGroupName is null");
            requireNonNull(logStreamName, "logStreamName is null");
            requireNonNull(position, "position is null");
        }
    }

    public LogRecordPointers(PageTokens tokens) {
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    public String encode(String logGroupName, String logStreamName, EventPosition position) {
        return tokens.encode(logGroupName + "\n" + logStreamName + "\n" + position.digits());
    }

    public Optional<Pointer> decode(String pointer) {
        return tokens.decode(pointer).flatMap(text -> {
            String[] parts = text.split("\n", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return EventPosition.parseDigits(parts[2]).map(p -> new Pointer(parts[0], parts[1], p));
        });
    }
}
