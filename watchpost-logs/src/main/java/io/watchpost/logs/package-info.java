/**
 * CloudWatch Logs: log groups, persisted in the state journal. {@link io.watchpost.logs.LogsService} is the entry
 * point the server registers under the endpoint prefix {@code logs}.
 */
package io.watchpost.logs;
