package io.watchpost.events.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.events.Violations;
import io.watchpost.events.pattern.EventMatcher;
import io.watchpost.events.pattern.EventPattern;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternRequest;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternResponse;

/**
 * TestEventPattern: the pattern is compiled exactly as PutRule compiles it (same errors); the event must be a JSON
 * object with the envelope fields AWS insists on ({@code id, account, source, time, region, detail-type}; the API
 * reference also lists {@code resources}, which AWS does not enforce), else {@code Parameter Event is not valid.}
 */
final class TestPatternOperation {
    private static final List<String> MANDATORY = List.of("id", "account", "source", "time", "region", "detail-type");

    private TestPatternOperation() {}

    static TestEventPatternResponse test(RequestContext context, TestEventPatternRequest request) {
        new Violations()
                .required("eventPattern", request.eventPattern())
                .length("eventPattern", request.eventPattern(), 0, 4096)
                .required("event", request.event())
                .throwIfAny(AwsError.EVENTS_VALIDATION);
        EventPattern pattern = EventPattern.compile(request.eventPattern());
        Optional<JsonNode> event = EventJson.parse(request.event());
        if (event.isEmpty() || !event.get().isObject() || !MANDATORY.stream().allMatch(event.get()::has)) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Parameter Event is not valid.");
        }
        return TestEventPatternResponse.builder().result(EventMatcher.matches(pattern, event.get())).build();
    }
}
