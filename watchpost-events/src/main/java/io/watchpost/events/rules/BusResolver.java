package io.watchpost.events.rules;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import io.watchpost.events.BusDirectory;
import java.util.Optional;

/**
 * Resolves an {@code EventBusName} member (a name, an ARN, or absent for {@code default}) to a bus of the caller's
 * account and region for the management operations; an ARN of another account or region names no bus there. PutEvents
 * may also {@link #reach} another account's bus of the same region, which its policy then guards.
 */
final class BusResolver {
    static final String DEFAULT = "default";
    private final BusDirectory buses;

    BusResolver(BusDirectory buses) {
        this.buses = buses;
    }

    /** The bus name, or {@code ResourceNotFoundException} when no such bus exists. */
    String existing(Scope scope, String nameOrArn) {
        return find(scope, nameOrArn).orElseThrow(() -> notFound(nameOf(nameOrArn)));
    }

    Optional<String> find(Scope scope, String nameOrArn) {
        String name = nameOf(nameOrArn);
        if (nameOrArn != null && nameOrArn.startsWith("arn:")) {
            Optional<Arn> arn = Arn.parse(nameOrArn);
            if (arn.isEmpty() || !arn.get().scope().equals(scope)) {
                return Optional.empty();
            }
        }
        return buses.exists(scope, name) ? Optional.of(name) : Optional.empty();
    }

    /** A bus that PutEvents can reach: the caller's own, or another account's in the same region (by ARN). */
    record Reached(Scope scope, String name) {}

    /**
     * The bus an entry's EventBusName names, also in another account of the caller's region when it is an ARN (its
     * policy decides whether the caller may put events there); empty when no such bus exists.
     */
    Optional<Reached> reach(Scope caller, String nameOrArn) {
        String name = nameOf(nameOrArn);
        Scope scope = caller;
        if (nameOrArn != null && nameOrArn.startsWith("arn:")) {
            Optional<Arn> arn = Arn.parse(nameOrArn);
            if (arn.isEmpty() || !arn.get().region().equals(caller.region())) {
                return Optional.empty();
            }
            scope = arn.get().scope();
        }
        return buses.exists(scope, name) ? Optional.of(new Reached(scope, name)) : Optional.empty();
    }

    /** The bus's resource policy, if any. */
    Optional<String> policy(Scope scope, String name) {
        return buses.policy(scope, name);
    }

    static String nameOf(String nameOrArn) {
        if (nameOrArn == null) {
            return DEFAULT;
        }
        int slash = nameOrArn.startsWith("arn:") ? nameOrArn.indexOf(":event-bus/") : -1;
        return slash < 0 ? nameOrArn : nameOrArn.substring(slash + ":event-bus/".length());
    }

    static AwsException notFound(String bus) {
        return new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus " + bus + " does not exist.");
    }
}
