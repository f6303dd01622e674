/**
 * Log streams and reading: CreateLogStream, DeleteLogStream, DescribeLogStreams, GetLogEvents, FilterLogEvents,
 * GetLogGroupFields, GetLogRecord and the retention task. {@link io.watchpost.logs.stream.LogEventsService} is the
 * entry point the server registers (endpoint prefix {@code logs}, next to {@link io.watchpost.logs.LogsService}).
 */
package io.watchpost.logs.stream;
