/**
 * The ingest path: PutLogEvents with AWS's batch rules, the {@link io.watchpost.core.port.LogSink} port, and the
 * {@link io.watchpost.logs.ingest.IngestListener} seam told of every batch after it is durably stored.
 */
package io.watchpost.logs.ingest;
