package io.watchpost.events;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.schemas.model.CreateRegistryRequest;
import software.amazon.awssdk.services.schemas.model.CreateRegistryResponse;
import software.amazon.awssdk.services.schemas.model.DeleteRegistryRequest;
import software.amazon.awssdk.services.schemas.model.DeleteRegistryResponse;
import software.amazon.awssdk.services.schemas.model.DescribeRegistryRequest;
import software.amazon.awssdk.services.schemas.model.DescribeRegistryResponse;
import software.amazon.awssdk.services.schemas.model.ListRegistriesRequest;
import software.amazon.awssdk.services.schemas.model.ListRegistriesResponse;
import software.amazon.awssdk.services.schemas.model.RegistrySummary;

/**
 * EventBridge Schemas registries ({@code schemas}): CreateRegistry, DescribeRegistry, ListRegistries,
 * DeleteRegistry. The AWS-managed {@code aws.events} registry exists in every account and region (scope
 * {@code AWS}); it is listed and described but never stored, and cannot be created or deleted. The
 * {@code discovered-schemas} registry appears in AWS only once schema discovery has run, which Watchpost does not
 * do yet, so it is not listed. Thread-safe: the state table is the only state.
 */
public final class SchemaRegistryService implements WatchpostService {
    static final String AWS_EVENTS = "aws.events";

    private final StateTable<RegistryRecord> registries;
    private final PageTokens pageTokens;
    private final ApiHandlers handlers;

    public SchemaRegistryService(StateJournal journal, PageTokens pageTokens) {
        this.registries = requireNonNull(journal, "journal is null").table("schemas.registries", RegistryRecord.class);
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
        this.handlers = ApiHandlers.builder()
                .on(CreateRegistryRequest.class, this::createRegistry)
                .on(DescribeRegistryRequest.class, this::describeRegistry)
                .on(ListRegistriesRequest.class, this::listRegistries)
                .on(DeleteRegistryRequest.class, this::deleteRegistry)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "schemas";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    CreateRegistryResponse createRegistry(RequestContext context, CreateRegistryRequest request) {
        RegistryValidation.create(request);
        String name = request.registryName();
        RegistryRecord registry = new RegistryRecord(name, request.description(),
                request.hasTags() ? request.tags() : Map.of());
        if (name.equals(AWS_EVENTS) || registries.putIfAbsent(context.scope().key(name), registry).isPresent()) {
            throw new AwsException(AwsError.SCHEMAS_CONFLICT, "Registry with name " + name + " already exists");
        }
        return CreateRegistryResponse.builder()
                .registryName(name)
                .registryArn(arn(context.scope(), name))
                .description(registry.description())
                .tags(registry.tags())
                .build();
    }

    DescribeRegistryResponse describeRegistry(RequestContext context, DescribeRegistryRequest request) {
        RegistryValidation.name(request.registryName());
        RegistryRecord registry = find(context.scope(), request.registryName())
                .orElseThrow(() -> notFound(request.registryName()));
        return DescribeRegistryResponse.builder()
                .registryName(registry.name())
                .registryArn(arn(context.scope(), registry.name()))
                .description(registry.description())
                .tags(registry.tags())
                .build();
    }

    ListRegistriesResponse listRegistries(RequestContext context, ListRegistriesRequest request) {
        RegistryValidation.list(request);
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> new AwsException(AwsError.SCHEMAS_BAD_REQUEST, "Invalid nextToken"));
        int limit = request.limit() == null ? RegistryValidation.MAX_LIMIT : request.limit();
        Scope scope = context.scope();
        List<RegistryRecord> page = new RegistryListing(registries.view(), scope, request.registryNamePrefix(),
                request.scope()).page(after, limit + 1);
        ListRegistriesResponse.Builder response = ListRegistriesResponse.builder()
                .registries(page.stream().limit(limit).map(registry -> summary(scope, registry)).toList());
        if (page.size() > limit) {
            response.nextToken(pageTokens.encode(page.get(limit - 1).name()));
        }
        return response.build();
    }

    DeleteRegistryResponse deleteRegistry(RequestContext context, DeleteRegistryRequest request) {
        RegistryValidation.name(request.registryName());
        String name = request.registryName();
        if (name.equals(AWS_EVENTS)) {
            throw new AwsException(AwsError.SCHEMAS_FORBIDDEN, "Cannot delete AWS managed registry " + name);
        }
        if (!registries.remove(context.scope().key(name))) {
            throw notFound(name);
        }
        return DeleteRegistryResponse.builder().build();
    }

    private Optional<RegistryRecord> find(Scope scope, String name) {
        return name.equals(AWS_EVENTS) ? Optional.of(awsEvents()) : registries.get(scope.key(name));
    }

    static RegistryRecord awsEvents() {
        return new RegistryRecord(AWS_EVENTS, null, Map.of());
    }

    static String arn(Scope scope, String name) {
        return scope.arn("schemas", "registry/" + name).toString();
    }

    private static RegistrySummary summary(Scope scope, RegistryRecord registry) {
        return RegistrySummary.builder()
                .registryName(registry.name())
                .registryArn(arn(scope, registry.name()))
                .tags(registry.tags())
                .build();
    }

    private static AwsException notFound(String name) {
        return new AwsException(AwsError.SCHEMAS_NOT_FOUND, "Registry with name " + name + " does not exist");
    }
}
