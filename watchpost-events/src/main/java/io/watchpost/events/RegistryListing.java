package io.watchpost.events;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * Walks one scope's registries in name order: the custom ones (scope {@code LOCAL}) from the state table and the
 * AWS-managed {@code aws.events} (scope {@code AWS}) merged in at its place, each kind only when the requested scope
 * admits it.
 */
final class RegistryListing {
    private final NavigableMap<String, RegistryRecord> scopeRegistries;
    private final String keyPrefix;
    private final String namePrefix;
    private final boolean local;
    private final boolean aws;

    RegistryListing(NavigableMap<String, RegistryRecord> all, Scope scope, String namePrefix, String registryScope) {
        this.keyPrefix = scope.keyPrefix();
        this.namePrefix = namePrefix == null ? "" : namePrefix;
        String from = keyPrefix + this.namePrefix;
        // Names are ASCII, so '\uffff' sorts after every key that has the prefix.
        this.scopeRegistries = requireNonNull(all, "all is null").subMap(from, true, from + '\uffff', false);
        this.local = registryScope == null || registryScope.equals("LOCAL");
        this.aws = registryScope == null || registryScope.equals("AWS");
    }

    /** Up to {@code max} registries whose names sort after {@code after} (all when {@code after} is null). */
    List<RegistryRecord> page(String after, int max) {
        String managed = SchemaRegistryService.AWS_EVENTS;
        boolean managedPending = aws && managed.startsWith(namePrefix)
                && (after == null || managed.compareTo(after) > 0);
        List<RegistryRecord> page = new ArrayList<>();
        if (local) {
            NavigableMap<String, RegistryRecord> rest =
                    after == null ? scopeRegistries : scopeRegistries.tailMap(keyPrefix + after, false);
            for (RegistryRecord registry : rest.values()) {
                if (managedPending && registry.name().compareTo(managed) > 0) {
                    addIfRoom(page, SchemaRegistryService.awsEvents(), max);
                    managedPending = false;
                }
                if (!addIfRoom(page, registry, max)) {
                    return page;
                }
            }
        }
        if (managedPending) {
            addIfRoom(page, SchemaRegistryService.awsEvents(), max);
        }
        return page;
    }

    private static boolean addIfRoom(List<RegistryRecord> page, RegistryRecord registry, int max) {
        if (page.size() == max) {
            return false;
        }
        page.add(registry);
        return true;
    }
}
