package io.watchpost.core.api;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations one service implements, keyed by the SDK request class each takes. The wire layer decodes a
 * request into that class and calls the handler; an operation without an entry answers "not implemented".
 */
public final class ApiHandlers {
    private final Map<Class<?>, ApiHandler<Object, Object>> handlers;

    private ApiHandlers(Map<Class<?>, ApiHandler<Object, Object>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<ApiHandler<Object, Object>> find(Class<?> requestType) {
        return Optional.ofNullable(handlers.get(requestType));
    }

    public Set<Class<?>> requestTypes() {
        return handlers.keySet();
    }

    /**
     * The handlers of several service objects that serve one AWS service (for example dashboards and metrics,
     * both CloudWatch); a request class handled twice is a wiring bug.
     */
    public static ApiHandlers merge(java.util.Collection<ApiHandlers> parts) {
        Map<Class<?>, ApiHandler<Object, Object>> merged = new LinkedHashMap<>();
        for (ApiHandlers part : parts) {
            part.handlers.forEach((type, handler) -> {
                if (merged.putIfAbsent(type, handler) != null) {
                    throw new IllegalArgumentException("two handlers for " + type.getSimpleName());
                }
            });
        }
        return new ApiHandlers(merged);
    }

    /** Collects handlers; one per request class. */
    public static final class Builder {
        private final Map<Class<?>, ApiHandler<Object, Object>> handlers = new LinkedHashMap<>();

        private Builder() {}

        public <I> Builder on(Class<I> requestType, ApiHandler<? super I, ?> handler) {
            requireNonNull(requestType, "requestType is null");
            requireNonNull(handler, "handler is null");
            ApiHandler<Object, Object> erased = (RequestContext context, Object request) ->
                    handler.handle(context, requestType.cast(request));
            if (handlers.putIfAbsent(requestType, erased) != null) {
                throw new IllegalArgumentException("two handlers for " + requestType.getSimpleName());
            }
            return this;
        }

        /**
         * Registers a handler, under {@code requestType}, for an operation whose request body travels beside the
         * request object; the wire layer passes a {@link StreamingInput} of {@code requestType}.
         */
        public <I> Builder onStreaming(Class<I> requestType, ApiHandler<StreamingInput<I>, ?> handler) {
            requireNonNull(requestType, "requestType is null");
            requireNonNull(handler, "handler is null");
            ApiHandler<Object, Object> erased = (RequestContext context, Object input) -> {
                StreamingInput<?> streaming = (StreamingInput<?>) input;
                return handler.handle(context,
                        new StreamingInput<>(requestType.cast(streaming.request()), streaming.body()));
            };
            if (handlers.putIfAbsent(requestType, erased) != null) {
                throw new IllegalArgumentException("two handlers for " + requestType.getSimpleName());
            }
            return this;
        }

        public ApiHandlers build() {
            return new ApiHandlers(handlers);
        }
    }
}
