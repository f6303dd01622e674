package io.watchpost.core;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A failure to answer with an entry of the {@link AwsError} table: the wire layer encodes it in the request's
 * protocol. {@code fields} carries extra members of the error shape (for example a validation message list).
 */
public final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AwsError error;
    private final transient Map<String, Object> fields;

    public AwsException(AwsError error, String message) {
        this(error, message, Map.of());
    }

    public AwsException(AwsError error, String message, Map<String, Object> fields) {
        super(message, null, false, false);
        this.error = requireNonNull(error, "error is null");
        this.fields = Map.copyOf(fields);
    }

    public AwsError error() {
        return error;
    }

    public Map<String, Object> fields() {
        return fields;
    }
}
