package io.watchpost.cloudtrail.lookup;

import io.watchpost.core.RequestContext;

/**
 * Checks ListInsightsData's {@code InsightSource}: a trail ARN the caller can see in its region. The trails live in
 * the trail service, which the lookup package does not depend on; the server wires one to the other.
 */
@FunctionalInterface
public interface InsightSources {
    /** @throws io.watchpost.core.AwsException AWS's error when {@code insightSource} names no visible trail */
    void check(RequestContext context, String insightSource);
}
