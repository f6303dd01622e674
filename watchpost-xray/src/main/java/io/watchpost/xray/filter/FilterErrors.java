package io.watchpost.xray.filter;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;

/**
 * The errors of malformed expressions. X-Ray answers them as {@code InvalidRequestException}; its exact wording is
 * not published, so the message keeps X-Ray's "Invalid filter expression" prefix and adds the detail and the
 * 0-based position of the offending token.
 */
final class FilterErrors {
    static final String PREFIX = "Invalid filter expression: ";

    private FilterErrors() {
    }

    static AwsException at(int position, String detail) {
        return new AwsException(AwsError.XRAY_INVALID_REQUEST, PREFIX + detail + " at position " + position);
    }

    static AwsException of(String detail) {
        return new AwsException(AwsError.XRAY_INVALID_REQUEST, PREFIX + detail);
    }
}
