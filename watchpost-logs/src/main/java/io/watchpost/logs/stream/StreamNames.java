package io.watchpost.logs.stream;

import io.watchpost.core.ConstraintViolations;
import java.util.regex.Pattern;

/** The model constraints of the members shared by the stream operations (botocore logs 2014-03-28). */
final class StreamNames {
    static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    static final Pattern IDENTIFIER = Pattern.compile("[\\w#+=/:,.@-]*");

    private StreamNames() {}

    static void group(ConstraintViolations errors, String name, boolean required) {
        if (name == null && required) {
            errors.missing("logGroupName");
        }
        errors.checkString("logGroupName", name, 1, 512, GROUP_NAME);
    }

    static void identifier(ConstraintViolations errors, String identifier) {
        errors.checkString("logGroupIdentifier", identifier, 1, 2048, IDENTIFIER);
    }

    static void stream(ConstraintViolations errors, String member, String name, boolean required) {
        if (name == null && required) {
            errors.missing(member);
        }
        errors.checkString(member, name, 1, 512, STREAM_NAME);
    }
}
