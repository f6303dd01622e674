package io.watchpost.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.List;
import java.util.Map;

/**
 * Renders body errors as AWS does: the message lists them as pretty-printed JSON ({@code dataPath},
 * {@code message}, two-space indent) after "The dashboard body is invalid, there are N validation errors:", and
 * the error carries the same list as {@code DashboardValidationMessages}.
 */
final class DashboardBodyErrors {
    private final ObjectMapper mapper;

    DashboardBodyErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    AwsException toException(List<DashboardMessage> errors) {
        StringBuilder message = new StringBuilder("The dashboard body is invalid, there are ")
                .append(errors.size())
                .append(" validation errors:\n[");
        for (int i = 0; i < errors.size(); i++) {
            DashboardMessage error = errors.get(i);
            message.append(i == 0 ? "\n" : ",\n")
                    .append("  {\n    \"dataPath\": ").append(quote(error.dataPath()))
                    .append(",\n    \"message\": ").append(quote(error.message()))
                    .append("\n  }");
        }
        message.append("\n]");
        List<Map<String, Object>> fields = errors.stream().map(DashboardMessage::asField).toList();
        return new AwsException(AwsError.CW_INVALID_PARAMETER_INPUT, message.toString(),
                Map.of("DashboardValidationMessages", fields));
    }

    private String quote(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }
}
