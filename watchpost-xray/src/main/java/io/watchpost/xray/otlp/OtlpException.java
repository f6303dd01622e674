package io.watchpost.xray.otlp;

/** A request the OTLP endpoint refuses as a whole, with a {@code google.rpc.Status} and this HTTP status. */
final class OtlpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    OtlpException(String message) {
        this(400, message);
    }

    OtlpException(int httpStatus, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
    }

    int httpStatus() {
        return httpStatus;
    }
}
