package io.watchpost.logs;

import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The model constraints of log-group members (botocore logs 2014-03-28) and the tag map rules AWS applies. */
final class LogGroupRules {
    static final Pattern NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    static final Pattern NAME_PATTERN = Pattern.compile("[\\.\\-_/#A-Za-z0-9]*");
    static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    static final Pattern IDENTIFIER = Pattern.compile("[\\w#+=/:,.@-]*");
    static final Pattern TAG_KEY = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$");
    static final Pattern TAG_VALUE = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    static final List<String> CLASSES = List.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY");
    static final int NAME_MAX = 512;
    static final int KMS_KEY_MAX = 256;

    private LogGroupRules() {}

    /**
     * A log group name of CreateLogGroup or DeleteLogGroup. An over-long name is refused on its own, with the
     * service's message rather than a constraint violation (recorded from AWS: 513 characters give
     * "Invalid LogGroup or LogStream, both must have length less than or equal to 512.").
     */
    static void checkName(ConstraintViolations errors, String member, String name) {
        if (name == null) {
            errors.missing(member);
            return;
        }
        if (name.length() > NAME_MAX) {
            throw new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                    "Invalid LogGroup or LogStream, both must have length less than or equal to " + NAME_MAX + ".");
        }
        errors.checkString(member, name, 1, NAME_MAX, NAME);
    }

    /**
     * A tag map as AWS validates it: its size, then one violation for all bad keys and one for all bad values, each
     * listing every constraint of the key (or value) shape.
     */
    static void checkTags(ConstraintViolations errors, Map<String, String> tags) {
        if (tags.size() > 50) {
            errors.violated("tags", "Member must have length less than or equal to 50");
        }
        if (tags.isEmpty()) {
            errors.violated("tags", "Member must have length greater than or equal to 1");
        }
        if (tags.keySet().stream().anyMatch(key -> !validTagKey(key))) {
            errors.violated("tags", "Map keys must satisfy constraint: ["
                    + "Member must have length less than or equal to 128, "
                    + "Member must have length greater than or equal to 1, "
                    + "Member must satisfy regular expression pattern: " + TAG_KEY.pattern() + "]");
        }
        if (tags.values().stream().anyMatch(value -> !validTagValue(value))) {
            errors.violated("tags", "Map value must satisfy constraint: ["
                    + "Member must have length less than or equal to 256, "
                    + "Member must satisfy regular expression pattern: " + TAG_VALUE.pattern() + "]");
        }
    }

    private static boolean validTagKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= 128 && TAG_KEY.matcher(key).matches();
    }

    private static boolean validTagValue(String value) {
        return value != null && value.length() <= 256 && TAG_VALUE.matcher(value).matches();
    }
}
