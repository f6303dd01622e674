/**
 * CloudWatch ({@code monitoring}): dashboards, persisted in the state journal.
 * {@link io.watchpost.cloudwatch.DashboardsService} is the entry point the server registers.
 */
package io.watchpost.cloudwatch;
