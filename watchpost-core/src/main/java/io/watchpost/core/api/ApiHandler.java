package io.watchpost.core.api;

import io.watchpost.core.RequestContext;

/**
 * One AWS operation: takes the SDK request object, returns the SDK response object, or throws
 * {@link io.watchpost.core.AwsException}.
 */
@FunctionalInterface
public interface ApiHandler<I, O> {
    O handle(RequestContext context, I request);
}
