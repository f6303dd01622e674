package io.watchpost.cloudwatch;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardResponse;

/** PutDashboard and DeleteDashboards. */
final class DashboardWrites {
    private final StateTable<DashboardRecord> dashboards;
    private final Clock clock;
    private final DashboardBodyValidator validator;

    DashboardWrites(StateTable<DashboardRecord> dashboards, Clock clock, DashboardBodyValidator validator) {
        this.dashboards = requireNonNull(dashboards, "dashboards is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.validator = requireNonNull(validator, "validator is null");
    }

    PutDashboardResponse put(RequestContext context, PutDashboardRequest request) {
        ValidationErrors errors = new ValidationErrors();
        if (request.dashboardName() == null) {
            errors.missing("dashboardName");
        }
        if (request.dashboardBody() == null) {
            errors.missing("dashboardBody");
        }
        errors.throwIfAny();
        DashboardNames.checkValid(request.dashboardName());
        List<DashboardMessage> warnings = validator.validate(request.dashboardBody());

        String key = DashboardNames.key(context, request.dashboardName());
        // An update keeps the dashboard's tags. (SDK 2.40.2's PutDashboardRequest has no Tags member yet, so a
        // new dashboard starts untagged.)
        Map<String, String> tags = dashboards.get(key).map(DashboardRecord::tags).orElse(Map.of());
        String name = request.dashboardName();
        dashboards.put(key, new DashboardRecord(name, request.dashboardBody(), clock.millis(), tags));
        return PutDashboardResponse.builder()
                .dashboardValidationMessages(warnings.stream().map(DashboardMessage::toSdk).toList())
                .build();
    }

    /** All or nothing: if any named dashboard is missing, nothing is deleted. */
    DeleteDashboardsResponse delete(RequestContext context, DeleteDashboardsRequest request) {
        ValidationErrors errors = new ValidationErrors();
        if (!request.hasDashboardNames()) {
            errors.missing("dashboardNames");
        } else {
            for (int i = 0; i < request.dashboardNames().size(); i++) {
                if (request.dashboardNames().get(i) == null) {
                    errors.missing("dashboardNames." + (i + 1) + ".member");
                }
            }
        }
        errors.throwIfAny();
        List<String> names = request.dashboardNames().stream().distinct().toList();
        List<String> missing = names.stream()
                .filter(name -> dashboards.get(DashboardNames.key(context, name)).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            throw new AwsException(AwsError.CW_RESOURCE_NOT_FOUND,
                    "The specified dashboard does not exist. [" + String.join(", ", missing) + "]");
        }
        names.forEach(name -> dashboards.remove(DashboardNames.key(context, name)));
        return DeleteDashboardsResponse.builder().build();
    }
}
