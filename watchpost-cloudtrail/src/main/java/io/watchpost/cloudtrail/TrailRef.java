package io.watchpost.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Name} or {@code trailNameList} entry refers to: a trail ARN, or a trail name in the caller's
 * region. Anything that is not a well-formed trail ARN is checked as a name, with AWS's messages (which speak of
 * "name or ARN" for the character rule, so a malformed ARN gets that one).
 */
sealed interface TrailRef {
    Pattern TRAIL_ARN = Pattern.compile("arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\\d{12}):trail/(.+)");
    Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9._-]+");

    /** The text the caller sent, as AWS echoes it in GetTrail's not-found message. */
    String given();

    /** The trail's key in the {@code trails} table. */
    String key();

    /** The trail's ARN, as AWS echoes it in GetTrailStatus's not-found message. */
    String arn();

    /** A name, resolved in the caller's scope. */
    record ByName(String given, Scope scope) implements TrailRef {
        public ByName {
            requireNonNull(given, "given is null");
            requireNonNull(scope, "scope is null");
        }

        @Override
        public String key() {
            return scope.key(given);
        }

        @Override
        public String arn() {
            return scope.arn("cloudtrail", "trail/" + given).toString();
        }
    }

    /** A trail ARN: its own account and home region. */
    record ByArn(String given, Scope scope, String name) implements TrailRef {
        public ByArn {
            requireNonNull(given, "given is null");
            requireNonNull(scope, "scope is null");
            requireNonNull(name, "name is null");
        }

        @Override
        public String key() {
            return scope.key(name);
        }

        @Override
        public String arn() {
            return given;
        }
    }

    static TrailRef parse(String nameOrArn, Scope callerScope) {
        String text = nameOrArn == null ? "" : nameOrArn;
        Matcher arn = TRAIL_ARN.matcher(text);
        if (arn.matches()) {
            return new ByArn(text, new Scope(arn.group(2), arn.group(1)), arn.group(3));
        }
        checkName(text);
        return new ByName(text, callerScope);
    }

    private static void checkName(String name) {
        if (name.length() < 3) {
            throw invalid("Trail name too short. Minimum allowed length: 3 characters. Specified name length: "
                    + name.length() + " characters.");
        }
        if (name.length() > 128) {
            throw invalid("Trail name too long. Maximum allowed length: 128 characters. Specified name length: "
                    + name.length() + " characters.");
        }
        if (!isAsciiLetterOrDigit(name.charAt(0))) {
            throw invalid("Trail name must starts with a letter or number.");
        }
        if (!isAsciiLetterOrDigit(name.charAt(name.length() - 1))) {
            throw invalid("Trail name must ends with a letter or number.");
        }
        if (!NAME_CHARACTERS.matcher(name).matches()) {
            throw invalid("Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, "
                    + "periods (.), hyphens (-), and underscores (_).");
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static AwsException invalid(String message) {
        return new AwsException(AwsError.TRAIL_INVALID_NAME, message);
    }
}
