package io.watchpost.store.outbox;

/**
 * Thrown by a {@link Outbox.Sender} when retrying cannot help (the destination does not exist, access is denied):
 * the item goes to the dead-letter handler at once, as EventBridge does with non-retryable errors.
 */
public final class PermanentFailureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public PermanentFailureException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
