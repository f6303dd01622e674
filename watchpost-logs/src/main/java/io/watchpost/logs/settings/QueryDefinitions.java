package io.watchpost.logs.settings;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.*;

/** PutQueryDefinition, DescribeQueryDefinitions, DeleteQueryDefinition. Writes hold this object's monitor. */
final class QueryDefinitions {
    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final List<String> LANGUAGES = List.of("CWLI", "SQL", "PPL");

    private final StateTable<QueryDefinitionRecord> table;
    private final Clock clock;
    private final PageTokens pageTokens;

    QueryDefinitions(StateTable<QueryDefinitionRecord> table, Clock clock, PageTokens pageTokens) {
        this.table = requireNonNull(table, "table is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    synchronized PutQueryDefinitionResponse put(RequestContext context, PutQueryDefinitionRequest request) {
        validate(request);
        Scope scope = context.scope();
        String id = request.queryDefinitionId();
        if (id == null) {
            id = UUID.randomUUID().toString();
        } else if (table.get(scope.key(id)).isEmpty()) {
            throw notFound();
        }
        String language = request.queryLanguageAsString() == null ? "CWLI" : request.queryLanguageAsString();
        table.put(scope.key(id), new QueryDefinitionRecord(id, request.name(), request.queryString(),
                request.hasLogGroupNames() ? request.logGroupNames() : List.of(), language, clock.millis()));
        return PutQueryDefinitionResponse.builder().queryDefinitionId(id).build();
    }

    DescribeQueryDefinitionsResponse describe(RequestContext context, DescribeQueryDefinitionsRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        errors.checkString("queryDefinitionNamePrefix", request.queryDefinitionNamePrefix(), 1, 255, null);
        errors.checkRange("maxResults", request.maxResults(), 1, 1000);
        errors.checkString("nextToken", request.nextToken(), 1, Integer.MAX_VALUE, null);
        errors.checkEnum("queryLanguage", request.queryLanguageAsString(), LANGUAGES);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.LOGS_INVALID_PARAMETER,
                        "The specified nextToken is invalid."));
        String prefix = request.queryDefinitionNamePrefix() == null ? "" : request.queryDefinitionNamePrefix();
        String language = request.queryLanguageAsString();
        String scopePrefix = context.scope().keyPrefix();
        int limit = request.maxResults() == null ? 1000 : request.maxResults();
        List<QueryDefinitionRecord> matching = table.view().tailMap(scopePrefix, true).entrySet().stream()
                .takeWhile(entry -> entry.getKey().startsWith(scopePrefix))
                .map(java.util.Map.Entry::getValue)
                .filter(q -> q.name().startsWith(prefix) && (language == null || q.queryLanguage().equals(language)))
                .filter(q -> after == null || q.sortKey().compareTo(after) > 0)
                .sorted(Comparator.comparing(QueryDefinitionRecord::sortKey))
                .limit(limit + 1L)
                .toList();
        List<QueryDefinitionRecord> page = matching.subList(0, Math.min(limit, matching.size()));
        return DescribeQueryDefinitionsResponse.builder()
                .queryDefinitions(page.stream().map(QueryDefinitions::view).toList())
                .nextToken(matching.size() > limit ? pageTokens.encode(page.get(limit - 1).sortKey()) : null)
                .build();
    }

    synchronized DeleteQueryDefinitionResponse delete(RequestContext context, DeleteQueryDefinitionRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        if (request.queryDefinitionId() == null) {
            errors.missing("queryDefinitionId");
        }
        errors.checkString("queryDefinitionId", request.queryDefinitionId(), 1, 256, null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
        if (!table.remove(context.scope().key(request.queryDefinitionId()))) {
            throw notFound();
        }
        return DeleteQueryDefinitionResponse.builder().success(true).build();
    }

    private static void validate(PutQueryDefinitionRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        errors.checkEnum("queryLanguage", request.queryLanguageAsString(), LANGUAGES);
        if (request.name() == null) {
            errors.missing("name");
        }
        errors.checkString("name", request.name(), 1, 255, null);
        errors.checkString("queryDefinitionId", request.queryDefinitionId(), 1, 256, null);
        if (request.queryString() == null) {
            errors.missing("queryString");
        }
        errors.checkString("queryString", request.queryString(), 1, 10000, null);
        if (request.hasLogGroupNames() && request.logGroupNames().stream()
                .anyMatch(n -> n == null || n.isEmpty() || n.length() > 512 || !GROUP_NAME.matcher(n).matches())) {
            errors.violated("logGroupNames", "Member must satisfy constraint: [Member must have length less than or "
                    + "equal to 512, Member must have length greater than or equal to 1, Member must satisfy regular "
                    + "expression pattern: " + GROUP_NAME.pattern() + "]");
        }
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
    }

    private static QueryDefinition view(QueryDefinitionRecord record) {
        return QueryDefinition.builder().queryDefinitionId(record.queryDefinitionId()).name(record.name())
                .queryString(record.queryString()).logGroupNames(record.logGroupNames())
                .queryLanguage(record.queryLanguage()).lastModified(record.lastModified()).build();
    }

    private static AwsException notFound() {
        return new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified query definition does not exist.");
    }
}
