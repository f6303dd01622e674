package io.watchpost.core.port;

import io.watchpost.core.Scope;
import java.util.List;

/** Where other services publish CloudWatch datapoints (metric filters, AWS/Events, AWS/Logs metrics). */
public interface MetricSink {
    void put(Scope scope, List<MetricDatum> data);

    MetricSink NONE = (scope, data) -> {};
}
