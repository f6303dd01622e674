package io.watchpost.events.apidestination;

import static java.util.Objects.requireNonNull;

/**
 * One header, query-string or body parameter of a connection. A secret value is used on invocation but never
 * returned by DescribeConnection (AWS keeps it in Secrets Manager; here it lives in the state journal).
 */
record Param(String key, String value, boolean secret) {
    Param {
        requireNonNull(key, "key is null");
        value = value == null ? "" : value;
    }
}
