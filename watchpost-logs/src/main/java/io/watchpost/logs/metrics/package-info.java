/** The AWS/Logs metrics (IncomingBytes, IncomingLogEvents, ForwardedBytes, ForwardedLogEvents, DeliveryErrors) published through MetricSink. */
package io.watchpost.logs.metrics;
