package io.watchpost.cloudwatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a DashboardBody the way PutDashboard does, within bounds set before any parsing: the body must be a JSON
 * object with a {@code widgets} array of at most 500 widget objects, each with a string {@code type} and, where
 * given, integer positions and sizes on the 24-column grid. Violations are errors (AWS's
 * {@code InvalidParameterInput} with the list in {@code DashboardValidationMessages}); members a widget definition
 * does not have are only warnings, returned by a successful call. The properties of each widget type are not
 * checked (see RATIONALE.md).
 */
final class DashboardBodyValidator {
    /** Bodies longer than this are refused before parsing. */
    static final int MAX_BODY_CHARS = 1 << 20;
    static final int MAX_WIDGETS = 500;
    private static final int MAX_DEPTH = 100;
    static final String NOT_AN_OBJECT = "The field DashboardBody must be a valid JSON object";

    private final ObjectMapper mapper;

    DashboardBodyValidator() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Returns the warnings for a body PutDashboard accepts; throws {@code InvalidParameterInput} otherwise. */
    List<DashboardMessage> validate(String body) {
        if (body.length() > MAX_BODY_CHARS) {
            throw invalid("The dashboard body must be at most " + MAX_BODY_CHARS + " characters long.");
        }
        JsonNode root = parseObject(body).orElseThrow(() -> invalid(NOT_AN_OBJECT));
        List<DashboardMessage> errors = new ArrayList<>();
        List<DashboardMessage> warnings = new ArrayList<>();
        JsonNode widgets = root.get("widgets");
        if (widgets == null) {
            errors.add(new DashboardMessage("", "Should have required property 'widgets'"));
        } else if (!widgets.isArray()) {
            errors.add(new DashboardMessage("/widgets", "Should be array"));
        } else {
            WidgetChecks.check(widgets, errors, warnings);
        }
        if (!errors.isEmpty()) {
            throw new DashboardBodyErrors(mapper).toException(errors);
        }
        return List.copyOf(warnings);
    }

    private Optional<JsonNode> parseObject(String body) {
        try {
            return Optional.of(mapper.readTree(body)).filter(JsonNode::isObject);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static AwsException invalid(String message) {
        return new AwsException(AwsError.CW_INVALID_PARAMETER_INPUT, message, Map.of(
                "DashboardValidationMessages", List.of(new DashboardMessage("", message).asField())));
    }
}
