package io.watchpost.events;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesRequest;
import software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig;
import software.amazon.awssdk.services.eventbridge.model.LogConfig;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusRequest;

/**
 * EventBridge's own checks on the event-bus operations: the model constraints (botocore {@code events/2015-10-07},
 * checked in member order) and then the service's rules about custom and partner bus names.
 */
final class BusValidation {
    static final Pattern BUS_NAME = Pattern.compile("[/\\.\\-_A-Za-z0-9]+");
    static final Pattern BUS_NAME_OR_ARN = Pattern.compile(
            "(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+");
    private static final Pattern EVENT_SOURCE_NAME = Pattern.compile("aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}");
    private static final Pattern KMS_KEY_IDENTIFIER = Pattern.compile("^[a-zA-Z0-9_\\-/:]*$");
    private static final List<String> INCLUDE_DETAIL = List.of("NONE", "FULL");
    private static final List<String> LEVEL = List.of("OFF", "ERROR", "INFO", "TRACE");

    private BusValidation() {}

    static void create(CreateEventBusRequest request) {
        Violations violations = new Violations()
                .required("name", request.name())
                .length("name", request.name(), 1, 256)
                .pattern("name", request.name(), BUS_NAME)
                .length("eventSourceName", request.eventSourceName(), 1, 256)
                .pattern("eventSourceName", request.eventSourceName(), EVENT_SOURCE_NAME)
                .length("description", request.description(), 0, 512)
                .length("kmsKeyIdentifier", request.kmsKeyIdentifier(), 0, 2048)
                .pattern("kmsKeyIdentifier", request.kmsKeyIdentifier(), KMS_KEY_IDENTIFIER);
        settings(violations, request.deadLetterConfig(), request.logConfig());
        if (request.hasTags()) {
            Tags.check(violations, "tags", request.tags());
        }
        violations.throwIfAny(AwsError.EVENTS_VALIDATION);
        partnerRules(request.name(), request.eventSourceName());
    }

    /** UpdateEventBus's members in model order: name, kmsKeyIdentifier, description, deadLetterConfig, logConfig. */
    static void update(UpdateEventBusRequest request) {
        Violations violations = new Violations()
                .length("name", request.name(), 1, 256)
                .pattern("name", request.name(), BUS_NAME)
                .length("kmsKeyIdentifier", request.kmsKeyIdentifier(), 0, 2048)
                .pattern("kmsKeyIdentifier", request.kmsKeyIdentifier(), KMS_KEY_IDENTIFIER)
                .length("description", request.description(), 0, 512);
        settings(violations, request.deadLetterConfig(), request.logConfig());
        violations.throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    private static void settings(Violations violations, DeadLetterConfig deadLetter, LogConfig log) {
        if (deadLetter != null) {
            violations.length("deadLetterConfig.arn", deadLetter.arn(), 1, 1600);
        }
        if (log != null) {
            violations.oneOf("logConfig.includeDetail", log.includeDetailAsString(), INCLUDE_DETAIL)
                    .oneOf("logConfig.level", log.levelAsString(), LEVEL);
        }
    }

    static void describe(DescribeEventBusRequest request) {
        new Violations()
                .length("name", request.name(), 1, 1600)
                .pattern("name", request.name(), BUS_NAME_OR_ARN)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    static void list(ListEventBusesRequest request) {
        new Violations()
                .length("namePrefix", request.namePrefix(), 1, 256)
                .pattern("namePrefix", request.namePrefix(), BUS_NAME)
                .length("nextToken", request.nextToken(), 1, 2048)
                .range("limit", request.limit(), 1, 100)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    static void delete(DeleteEventBusRequest request) {
        new Violations()
                .required("name", request.name())
                .length("name", request.name(), 1, 256)
                .pattern("name", request.name(), BUS_NAME)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    /**
     * Custom bus names may not contain '/'; a partner bus is named exactly after its partner event source (whether the
     * source exists and is shared with the caller is the {@link PartnerBusLink}'s question).
     */
    private static void partnerRules(String name, String eventSourceName) {
        if (eventSourceName == null) {
            if (name.indexOf('/') >= 0) {
                throw new AwsException(AwsError.EVENTS_VALIDATION, "Event bus name must not contain '/'.");
            }
            return;
        }
        if (!name.equals(eventSourceName)) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "Event bus name must match event source name.");
        }
    }
}
