package io.watchpost.cloudwatch.math;

/**
 * A metric math expression that cannot be compiled or evaluated: {@code position} is the 1-based character of the
 * expression the problem was found at, or 0 when it concerns the expression as a whole. The service turns it into
 * CloudWatch's {@code ValidationError}.
 */
final class MathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int position;

    MathException(String detail, int position) {
        super(detail, null, false, false);
        this.position = position;
    }

    int position() {
        return position;
    }

    /** The detail with its position, as it reads inside the error message. */
    String describe() {
        return position > 0 ? getMessage() + " at position " + position : getMessage();
    }
}
