package io.watchpost.logs.filter;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilterMatchRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterResponse;

/**
 * CloudWatch Logs ({@code logs}) operations that need nothing but the filter-pattern language: TestMetricFilter.
 * Stateless and thread-safe; the server merges its handlers with the other {@code logs} services.
 */
public final class FilterPatternService implements WatchpostService {
    static final int MAX_MESSAGES = 50;

    private final ApiHandlers handlers = ApiHandlers.builder()
            .on(TestMetricFilterRequest.class, this::testMetricFilter)
            .build();

    @Override
    public String endpointPrefix() {
        return "logs";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    /**
     * Matches each message in order; {@code eventNumber} is the 1-based position of the message in the request and
     * {@code extractedValues} are the pattern's fields (space-delimited patterns only).
     */
    TestMetricFilterResponse testMetricFilter(RequestContext context, TestMetricFilterRequest request) {
        validate(request);
        FilterPattern pattern = FilterPattern.compile(request.filterPattern());
        List<MetricFilterMatchRecord> matches = new ArrayList<>();
        List<String> messages = request.logEventMessages();
        for (int i = 0; i < messages.size(); i++) {
            String message = messages.get(i);
            long eventNumber = i + 1L;
            pattern.match(message).ifPresent(match -> matches.add(MetricFilterMatchRecord.builder()
                    .eventNumber(eventNumber)
                    .eventMessage(message)
                    .extractedValues(match.extractedValues())
                    .build()));
        }
        return TestMetricFilterResponse.builder().matches(matches).build();
    }

    /** The model constraints (botocore logs 2014-03-28), reported together as AWS's request validation does. */
    private static void validate(TestMetricFilterRequest request) {
        List<String> violations = new ArrayList<>();
        String pattern = request.filterPattern();
        if (pattern == null) {
            violations.add(missing("filterPattern"));
        } else if (pattern.length() > FilterPattern.MAX_LENGTH) {
            violations.add(violated("filterPattern",
                    "Member must have length less than or equal to " + FilterPattern.MAX_LENGTH));
        }
        List<String> messages = request.hasLogEventMessages() ? request.logEventMessages() : null;
        if (messages == null) {
            violations.add(missing("logEventMessages"));
        } else {
            if (messages.size() > MAX_MESSAGES) {
                violations.add(violated("logEventMessages",
                        "Member must have length less than or equal to " + MAX_MESSAGES));
            }
            if (messages.isEmpty()) {
                violations.add(violated("logEventMessages", "Member must have length greater than or equal to 1"));
            }
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i) == null || messages.get(i).isEmpty()) {
                    violations.add(violated("logEventMessages." + (i + 1) + ".member",
                            "Member must have length greater than or equal to 1"));
                }
            }
        }
        if (!violations.isEmpty()) {
            int count = violations.size();
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER, count + " validation error"
                    + (count == 1 ? "" : "s") + " detected: " + String.join("; ", violations));
        }
    }

    private static String missing(String member) {
        return "Value null at '" + member + "' failed to satisfy constraint: Member must not be null";
    }

    private static String violated(String member, String constraint) {
        return "Value at '" + member + "' failed to satisfy constraint: " + constraint;
    }
}
