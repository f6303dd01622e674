package io.watchpost.wire.codec;

/**
 * A request body or parameter that does not fit the operation's shape. The protocol turns it into its own
 * client error ({@code SerializationException} for JSON and CBOR, {@code InvalidParameterValue} or
 * {@code MalformedQueryString} for query).
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message, null, false, false);
    }
}
