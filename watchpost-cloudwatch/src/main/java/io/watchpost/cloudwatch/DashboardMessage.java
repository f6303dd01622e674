package io.watchpost.cloudwatch;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.DashboardValidationMessage;

/** One finding about a dashboard body: a JSON pointer into the body ({@code ""} for the root) and what is wrong. */
record DashboardMessage(String dataPath, String message) {
    DashboardMessage {
        requireNonNull(dataPath, "dataPath is null");
        requireNonNull(message, "message is null");
    }

    /** The error-field form the wire layer encodes inside an {@code InvalidParameterInput} error. */
    Map<String, Object> asField() {
        return Map.of("DataPath", dataPath, "Message", message);
    }

    DashboardValidationMessage toSdk() {
        return DashboardValidationMessage.builder().dataPath(dataPath).message(message).build();
    }
}
