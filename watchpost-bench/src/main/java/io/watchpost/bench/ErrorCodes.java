package io.watchpost.bench;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** A short name for a failed call: AWS's error code when the server answered one, else what went wrong. */
final class ErrorCodes {
    private static final int MAX_LENGTH = 100;

    private ErrorCodes() {}

    static String describe(Throwable error) {
        if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null && !aws.awsErrorDetails().errorCode().isBlank()) {
            return aws.awsErrorDetails().errorCode();
        }
        if (error instanceof SdkServiceException service) {
            return "HTTP " + service.statusCode();
        }
        if (error instanceof SdkClientException client) {
            return "client: " + shorten(firstLine(String.valueOf(client.getMessage())));
        }
        return error.getClass().getSimpleName();
    }

    /** The short name and the server's message, for notes: {@code NotImplemented: PutRule is not implemented}. */
    static String detail(Throwable error) {
        String code = describe(error);
        String message = error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().errorMessage() : error.getMessage();
        if (message == null || message.isBlank() || code.startsWith("client: ")) {
            return code;
        }
        return code + ": " + shorten(firstLine(message));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
