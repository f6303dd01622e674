package io.watchpost.cloudwatch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A dashboard as persisted in the {@code dashboards} state table, keyed by {@link DashboardNames#key}. The body is
 * kept exactly as the caller sent it; GetDashboard returns it unchanged.
 */
record DashboardRecord(String dashboardName, String dashboardBody, long lastModified, Map<String, String> tags) {
    DashboardRecord {
        requireNonNull(dashboardName, "dashboardName is null");
        requireNonNull(dashboardBody, "dashboardBody is null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** ListDashboards' {@code Size}: the body's length in bytes. */
    long size() {
        return dashboardBody.getBytes(UTF_8).length;
    }
}
