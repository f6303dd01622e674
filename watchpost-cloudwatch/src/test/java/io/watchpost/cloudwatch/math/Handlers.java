package io.watchpost.cloudwatch.math;

import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import java.time.Instant;

/** The request context the math tests call the service in. */
final class Handlers {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);

    private Handlers() {}

    static RequestContext context() {
        return new RequestContext("req-1", new Principal("AKID", ACCOUNT, "tester"), REGION, "monitoring",
                "GetMetricData", "127.0.0.1", "test", Instant.EPOCH);
    }
}
