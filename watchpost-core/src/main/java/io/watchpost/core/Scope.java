package io.watchpost.core;

import static java.util.Objects.requireNonNull;

/** The account and region a resource lives in: every resource of every service is scoped by both. */
public record Scope(String accountId, String region) {
    public Scope {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(region, "region is null");
    }

    /** A key prefix that orders a scope's resources together in a state table. */
    public String keyPrefix() {
        return accountId + '/' + region + '/';
    }

    public String key(String name) {
        return keyPrefix() + name;
    }

    public Arn arn(String service, String resource) {
        return new Arn(Arn.partitionOf(region), service, region, accountId, resource);
    }
}
