package io.watchpost.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The checks of the {@code widgets} array, reported with JSON-pointer paths and the messages AWS's schema
 * validation uses ("Should be integer", "Should be <= 24", ...).
 */
final class WidgetChecks {
    private static final Set<String> WIDGET_MEMBERS = Set.of("type", "x", "y", "width", "height", "properties");

    private WidgetChecks() {}

    static void check(JsonNode widgets, List<DashboardMessage> errors, List<DashboardMessage> warnings) {
        if (widgets.size() > DashboardBodyValidator.MAX_WIDGETS) {
            errors.add(new DashboardMessage("/widgets",
                    "Should NOT have more than " + DashboardBodyValidator.MAX_WIDGETS + " items"));
        }
        for (int i = 0; i < widgets.size(); i++) {
            checkWidget("/widgets/" + i, widgets.get(i), errors, warnings);
        }
    }

    private static void checkWidget(String path, JsonNode widget, List<DashboardMessage> errors,
            List<DashboardMessage> warnings) {
        if (!widget.isObject()) {
            errors.add(new DashboardMessage(path, "Should be object"));
            return;
        }
        JsonNode type = widget.get("type");
        if (type == null) {
            errors.add(new DashboardMessage(path, "Should have required property 'type'"));
        } else if (!type.isTextual()) {
            errors.add(new DashboardMessage(path + "/type", "Should be string"));
        }
        checkInteger(path + "/x", widget.get("x"), 0, 23, errors);
        checkInteger(path + "/y", widget.get("y"), 0, Integer.MAX_VALUE, errors);
        checkInteger(path + "/width", widget.get("width"), 1, 24, errors);
        checkInteger(path + "/height", widget.get("height"), 1, 1000, errors);
        JsonNode properties = widget.get("properties");
        if (properties != null && !properties.isObject()) {
            errors.add(new DashboardMessage(path + "/properties", "Should be object"));
        }
        for (Iterator<String> names = widget.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!WIDGET_MEMBERS.contains(name)) {
                warnings.add(new DashboardMessage(path, "The \"" + name
                        + "\" property is not expected to be part of a widget definition, will be ignored"));
            }
        }
    }

    private static void checkInteger(String path, JsonNode value, long min, long max, List<DashboardMessage> errors) {
        if (value == null) {
            return;
        }
        if (!value.isIntegralNumber()) {
            errors.add(new DashboardMessage(path, "Should be integer"));
        } else if (value.asLong() < min) {
            errors.add(new DashboardMessage(path, "Should be >= " + min));
        } else if (value.asLong() > max) {
            errors.add(new DashboardMessage(path, "Should be <= " + max));
        }
    }
}
