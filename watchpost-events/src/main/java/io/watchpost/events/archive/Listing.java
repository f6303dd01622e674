package io.watchpost.events.archive;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One page of a scope's archives or replays, in name order. The token carries the last key returned, so a page
 * continues correctly across creates and deletes.
 */
record Listing<V>(List<V> items, Optional<String> nextToken) {
    static final int DEFAULT_LIMIT = 100;

    static <V> Listing<V> page(NavigableMap<String, V> table, String scopePrefix, String nextToken, Integer limit,
            PageTokens tokens, Predicate<V> filter) {
        String after = nextToken == null ? null : tokens.decode(nextToken).filter(k -> k.startsWith(scopePrefix))
                .orElseThrow(() -> new AwsException(AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid."));
        NavigableMap<String, V> range = table.subMap(scopePrefix, true, scopePrefix + '\uffff', false);
        if (after != null) {
            range = range.tailMap(after, false);
        }
        int max = limit == null ? DEFAULT_LIMIT : limit;
        List<V> items = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, V> entry : range.entrySet()) {
            if (!filter.test(entry.getValue())) {
                continue;
            }
            if (items.size() == max) {
                return new Listing<>(items, Optional.of(tokens.encode(last)));
            }
            items.add(entry.getValue());
            last = entry.getKey();
        }
        return new Listing<>(items, Optional.empty());
    }
}
