package io.watchpost.wire.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One operation of a service as the SDK models it: its name, request and response classes, and its HTTP
 * binding (used by REST-JSON; RPC protocols ignore it). {@code requestBuilder} makes an empty builder of the
 * request class, which the codecs fill through its {@code SdkField}s.
 */
public record OperationModel(String name, Class<?> requestClass, Class<?> responseClass, String httpMethod,
        Optional<UriTemplate> uri, int successStatus, java.util.function.Supplier<SdkPojo> requestBuilder) {
    public OperationModel {
        requireNonNull(name, "name is null");
        requireNonNull(requestClass, "requestClass is null");
        requireNonNull(responseClass, "responseClass is null");
        requireNonNull(httpMethod, "httpMethod is null");
        requireNonNull(uri, "uri is null");
        requireNonNull(requestBuilder, "requestBuilder is null");
    }
}
