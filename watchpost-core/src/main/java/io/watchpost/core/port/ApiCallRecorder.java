package io.watchpost.core.port;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.RequestContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Receives every API call the server handles, after its answer is encoded, for CloudTrail. Implementations must
 * not block the caller: the request path hands the call over and moves on.
 */
public interface ApiCallRecorder {
    void record(ApiCall call);

    ApiCallRecorder NONE = call -> {};

    /**
     * One handled call. {@code requestParameters} and {@code responseElements} render JSON objects as CloudTrail
     * writes them; they are suppliers so that the rendering happens on the recorder's thread, off the request
     * path. An error has a code and a message.
     */
    record ApiCall(RequestContext context, String eventSource, boolean readOnly,
            Supplier<Optional<String>> requestParameters, Supplier<Optional<String>> responseElements,
            Optional<String> errorCode, Optional<String> errorMessage) {
        public ApiCall {
            requireNonNull(context, "context is null");
            requireNonNull(eventSource, "eventSource is null");
            requireNonNull(requestParameters, "requestParameters is null");
            requireNonNull(responseElements, "responseElements is null");
            requireNonNull(errorCode, "errorCode is null");
            requireNonNull(errorMessage, "errorMessage is null");
        }
    }
}
