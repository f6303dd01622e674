package io.watchpost.logs.settings;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A saved Logs Insights query in the {@code log-query-definitions} table, keyed by scope and id. */
record QueryDefinitionRecord(String queryDefinitionId, String name, String queryString, List<String> logGroupNames,
        String queryLanguage, long lastModified) {
    QueryDefinitionRecord {
        requireNonNull(queryDefinitionId, "queryDefinitionId is null");
        requireNonNull(name, "name is null");
        requireNonNull(queryString, "queryString is null");
        requireNonNull(queryLanguage, "queryLanguage is null");
        logGroupNames = logGroupNames == null ? List.of() : List.copyOf(logGroupNames);
    }

    /** The order of DescribeQueryDefinitions and of its page tokens: by name, then id. */
    String sortKey() {
        return name + '\u0000' + queryDefinitionId;
    }
}
