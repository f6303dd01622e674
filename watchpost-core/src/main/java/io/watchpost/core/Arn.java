package io.watchpost.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account:resource}. The resource part may itself
 * contain colons; region and account may be empty (global resources).
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {
    public Arn {
        requireNonNull(partition, "partition is null");
        requireNonNull(service, "service is null");
        requireNonNull(region, "region is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(resource, "resource is null");
    }

    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** The partition AWS assigns to a region name. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    public Scope scope() {
        return new Scope(accountId, region);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ':' + service + ':' + region + ':' + accountId + ':' + resource;
    }
}
