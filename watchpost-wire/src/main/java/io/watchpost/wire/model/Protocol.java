package io.watchpost.wire.model;

/** The AWS wire protocols Watchpost speaks. */
public enum Protocol {
    /** Form-encoded {@code Action=} requests, XML answers (CloudWatch). */
    AWS_QUERY,
    /** {@code X-Amz-Target} + JSON body, {@code application/x-amz-json-1.0} (CloudWatch, query-compatible). */
    AWS_JSON_1_0,
    /** {@code X-Amz-Target} + JSON body, {@code application/x-amz-json-1.1} (Logs, Events, CloudTrail). */
    AWS_JSON_1_1,
    /** Smithy RPC v2 CBOR: {@code POST /service/{Service}/operation/{Op}} (CloudWatch). */
    RPC_V2_CBOR,
    /** Method + URI template, JSON body, path/query/header bindings (X-Ray, Schemas). */
    REST_JSON,
    /** Method + URI template, XML bodies, path/query/header bindings, streaming object bodies (S3, path-style). */
    REST_XML
}
