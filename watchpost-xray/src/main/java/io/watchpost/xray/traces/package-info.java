/**
 * X-Ray traces: ingestion ({@link io.watchpost.xray.traces.TraceService}), the trace log and its in-memory
 * index, trace summaries computed at ingestion, and trace and service graphs.
 */
package io.watchpost.xray.traces;
