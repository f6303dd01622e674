package io.watchpost.logs.settings;

import static java.util.Objects.requireNonNull;

/** An account-scoped resource policy in the {@code log-resource-policies} table, keyed by scope and name. */
record PolicyRecord(String policyName, String policyDocument, long lastUpdatedTime) {
    PolicyRecord {
        requireNonNull(policyName, "policyName is null");
        requireNonNull(policyDocument, "policyDocument is null");
    }
}
