package io.watchpost.events.apidestination;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** Name-ordered pages over one scope's records, with AWS's default page size of 100 and opaque tokens. */
final class Paging {
    private static final int DEFAULT_LIMIT = 100;

    private Paging() {}

    record Page<V>(List<V> items, String nextToken) {}

    static <V> Page<V> page(NavigableMap<String, V> all, Scope scope, PageTokens tokens, String token, Integer limit,
            Predicate<V> filter, Function<V, String> name) {
        String after = token == null ? null : tokens.decode(token).orElseThrow(
                () -> new AwsException(AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid."));
        int max = limit == null ? DEFAULT_LIMIT : limit;
        String from = scope.keyPrefix();
        // Keys are scope prefix + ASCII name, so '\uffff' sorts after every key of the scope.
        NavigableMap<String, V> scoped = all.subMap(from, true, from + '\uffff', false);
        NavigableMap<String, V> rest = after == null ? scoped : scoped.tailMap(scope.key(after), false);
        List<V> items = new ArrayList<>();
        for (V value : rest.values()) {
            if (!filter.test(value)) {
                continue;
            }
            if (items.size() == max) {
                return new Page<>(items, tokens.encode(name.apply(items.get(max - 1))));
            }
            items.add(value);
        }
        return new Page<>(items, null);
    }
}
