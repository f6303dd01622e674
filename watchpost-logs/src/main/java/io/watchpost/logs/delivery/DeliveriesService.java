package io.watchpost.logs.delivery;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.delivery.DeliveryRecords.Delivery;
import io.watchpost.logs.delivery.DeliveryRecords.Destination;
import io.watchpost.logs.delivery.DeliveryRecords.Source;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateDeliveryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateDeliveryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryDestinationPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryDestinationResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliverySourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliverySourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeliveryDestinationConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliveriesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliveriesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliveryDestinationsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliveryDestinationsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliverySourcesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliverySourcesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliveryDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliveryDestinationPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliveryDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliveryDestinationResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliveryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliveryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliverySourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliverySourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.Policy;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliveryDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliveryDestinationPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliveryDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliveryDestinationResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliverySourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliverySourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.S3DeliveryConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.model.UpdateDeliveryConfigurationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UpdateDeliveryConfigurationResponse;

/**
 * CloudWatch Logs vended-log deliveries (the "Enable logging from AWS services" API): delivery sources (an AWS
 * resource's logs of one type), delivery destinations (an S3 bucket, a log group, a Firehose stream, or X-Ray) with
 * their policies, and the deliveries that link one to the other. Watchpost hosts none of the AWS services that
 * vend these logs, so it keeps the configuration exactly (what infrastructure code creates and reads back) and
 * delivers nothing. Tables {@code logs.delivery-sources}, {@code logs.delivery-destinations},
 * {@code logs.deliveries}; writes hold this object's monitor.
 */
public final class DeliveriesService implements WatchpostService {
    private static final Pattern NAME = Pattern.compile("[\\w-]*");
    private static final Pattern LOG_TYPE = Pattern.compile("[\\w]*");
    private static final Pattern ID = Pattern.compile("^[0-9A-Za-z]+$");
    private static final List<String> FORMATS = List.of("json", "plain", "w3c", "raw", "parquet");
    private static final List<String> TYPES = List.of("S3", "CWL", "FH", "XRAY");
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .toCharArray();

    private final StateTable<Source> sources;
    private final StateTable<Destination> destinations;
    private final StateTable<Delivery> deliveries;
    private final PageTokens tokens;
    private final SecureRandom random = new SecureRandom();
    private final ApiHandlers handlers;

    public DeliveriesService(StateJournal journal, PageTokens tokens) {
        this.sources = journal.table("logs.delivery-sources", Source.class);
        this.destinations = journal.table("logs.delivery-destinations", Destination.class);
        this.deliveries = journal.table("logs.deliveries", Delivery.class);
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.handlers = ApiHandlers.builder()
                .on(PutDeliverySourceRequest.class, this::putSource)
                .on(GetDeliverySourceRequest.class, this::getSource)
                .on(DescribeDeliverySourcesRequest.class, this::describeSources)
                .on(DeleteDeliverySourceRequest.class, this::deleteSource)
                .on(PutDeliveryDestinationRequest.class, this::putDestination)
                .on(GetDeliveryDestinationRequest.class, this::getDestination)
                .on(DescribeDeliveryDestinationsRequest.class, this::describeDestinations)
                .on(DeleteDeliveryDestinationRequest.class, this::deleteDestination)
                .on(PutDeliveryDestinationPolicyRequest.class, this::putPolicy)
                .on(GetDeliveryDestinationPolicyRequest.class, this::getPolicy)
                .on(DeleteDeliveryDestinationPolicyRequest.class, this::deletePolicy)
                .on(CreateDeliveryRequest.class, this::createDelivery)
                .on(GetDeliveryRequest.class, this::getDelivery)
                .on(DescribeDeliveriesRequest.class, this::describeDeliveries)
                .on(DeleteDeliveryRequest.class, this::deleteDelivery)
                .on(UpdateDeliveryConfigurationRequest.class, this::updateDelivery)
                .build();
    }

    /**
     * Whether an ARN resource ({@code delivery-source:NAME}, {@code delivery-destination:NAME}, {@code delivery:ID})
     * is one of this service's kinds, so Logs' TagResource family can hand it here.
     */
    public static boolean owns(String resource) {
        return resource.startsWith("delivery-source:") || resource.startsWith("delivery-destination:")
                || resource.startsWith("delivery:");
    }

    /** The tags of the resource an {@link #owns owned} ARN resource names, if it exists in {@code scope}. */
    public Optional<Map<String, String>> tags(Scope scope, String resource) {
        String name = resource.substring(resource.indexOf(':') + 1);
        if (resource.startsWith("delivery-source:")) {
            return sources.get(scope.key(name)).map(Source::tags);
        }
        if (resource.startsWith("delivery-destination:")) {
            return destinations.get(scope.key(name)).map(Destination::tags);
        }
        return deliveries.get(scope.key(name)).map(Delivery::tags);
    }

    /** Applies {@code change} to the tags of an {@link #owns owned} resource; false if it does not exist. */
    public synchronized boolean updateTags(Scope scope, String resource, UnaryOperator<Map<String, String>> change) {
        String key = scope.key(resource.substring(resource.indexOf(':') + 1));
        if (resource.startsWith("delivery-source:")) {
            return update(sources, key, s -> s.withTags(change.apply(s.tags())));
        }
        if (resource.startsWith("delivery-destination:")) {
            return update(destinations, key, d -> d.withTags(change.apply(d.tags())));
        }
        return update(deliveries, key, d -> d.withTags(change.apply(d.tags())));
    }

    private static <T> boolean update(StateTable<T> table, String key, UnaryOperator<T> change) {
        Optional<T> found = table.get(key);
        found.ifPresent(record -> table.put(key, change.apply(record)));
        return found.isPresent();
    }

    @Override
    public String endpointPrefix() {
        return "logs";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    // ---- sources

    synchronized PutDeliverySourceResponse putSource(RequestContext ctx, PutDeliverySourceRequest r) {
        ConstraintViolations v = new ConstraintViolations();
        name(v, "name", r.name());
        required(v, "resourceArn", r.resourceArn());
        required(v, "logType", r.logType());
        v.checkString("logType", r.logType(), 1, 255, LOG_TYPE);
        if (r.hasTags()) {
            LogsService.checkTags(v, r.tags());
        }
        if (r.hasDeliverySourceConfiguration()) {
            checkConfiguration(v, r.deliverySourceConfiguration());
        }
        v.throwIfAny(AwsError.LOGS_VALIDATION);
        Arn resource = Arn.parse(r.resourceArn()).orElseThrow(() -> new AwsException(AwsError.LOGS_VALIDATION,
                "Invalid resourceArn: " + r.resourceArn()));
        Scope scope = ctx.scope();
        String key = scope.key(r.name());
        Source existing = sources.get(key).orElse(null);
        if (existing != null && inUse(scope, d -> d.sourceName().equals(r.name()))
                && (!existing.resourceArn().equals(r.resourceArn()) || !existing.logType().equals(r.logType()))) {
            throw new AwsException(AwsError.LOGS_CONFLICT, "Delivery source " + r.name()
                    + " is used by a delivery; its resource and log type cannot change");
        }
        Source source = new Source(r.name(), r.resourceArn(), resource.service(), r.logType(),
                existing != null && !r.hasTags() ? existing.tags() : r.tags(), r.deliverySourceConfiguration());
        sources.put(key, source);
        return PutDeliverySourceResponse.builder().deliverySource(view(scope, source)).build();
    }

    GetDeliverySourceResponse getSource(RequestContext ctx, GetDeliverySourceRequest r) {
        checkName(r.name());
        return GetDeliverySourceResponse.builder().deliverySource(view(ctx.scope(), source(ctx.scope(), r.name())))
                .build();
    }

    DescribeDeliverySourcesResponse describeSources(RequestContext ctx, DescribeDeliverySourcesRequest r) {
        Page<Source> page = page(sources, ctx.scope(), r.limit(), r.nextToken());
        return DescribeDeliverySourcesResponse.builder()
                .deliverySources(page.items().stream().map(s -> view(ctx.scope(), s)).toList())
                .nextToken(page.next()).build();
    }

    synchronized DeleteDeliverySourceResponse deleteSource(RequestContext ctx, DeleteDeliverySourceRequest r) {
        checkName(r.name());
        Scope scope = ctx.scope();
        source(scope, r.name());
        if (inUse(scope, d -> d.sourceName().equals(r.name()))) {
            throw new AwsException(AwsError.LOGS_CONFLICT, "Delivery source " + r.name()
                    + " is used by a delivery; delete the delivery first");
        }
        sources.remove(scope.key(r.name()));
        return DeleteDeliverySourceResponse.builder().build();
    }

    // ---- destinations

    synchronized PutDeliveryDestinationResponse putDestination(RequestContext ctx, PutDeliveryDestinationRequest r) {
        ConstraintViolations v = new ConstraintViolations();
        name(v, "name", r.name());
        v.checkEnum("outputFormat", r.outputFormatAsString(), FORMATS);
        v.checkEnum("deliveryDestinationType", r.deliveryDestinationTypeAsString(), TYPES);
        if (r.hasTags()) {
            LogsService.checkTags(v, r.tags());
        }
        v.throwIfAny(AwsError.LOGS_VALIDATION);
        String resourceArn = r.deliveryDestinationConfiguration() == null ? null
                : r.deliveryDestinationConfiguration().destinationResourceArn();
        String type = destinationType(resourceArn, r.deliveryDestinationTypeAsString());
        Scope scope = ctx.scope();
        String key = scope.key(r.name());
        Destination existing = destinations.get(key).orElse(null);
        Destination destination = new Destination(r.name(), type,
                r.outputFormat() == null ? (existing != null ? existing.outputFormat() : "json")
                        : r.outputFormatAsString(), resourceArn,
                existing != null && !r.hasTags() ? existing.tags() : r.tags(),
                existing == null ? null : existing.policy());
        destinations.put(key, destination);
        return PutDeliveryDestinationResponse.builder().deliveryDestination(view(scope, destination)).build();
    }

    /** The type the resource ARN implies (s3, logs, firehose), which a given type must agree with; X-Ray has none. */
    private static String destinationType(String resourceArn, String given) {
        if (resourceArn == null) {
            if ("XRAY".equals(given)) {
                return given;
            }
            throw new AwsException(AwsError.LOGS_VALIDATION,
                    "deliveryDestinationConfiguration is required unless deliveryDestinationType is XRAY");
        }
        String implied = Arn.parse(resourceArn).map(arn -> switch (arn.service()) {
            case "s3" -> "S3";
            case "logs" -> "CWL";
            case "firehose" -> "FH";
            default -> null;
        }).orElse(null);
        if (implied == null) {
            throw new AwsException(AwsError.LOGS_VALIDATION, "Invalid destinationResourceArn: " + resourceArn
                    + ". It must be an S3 bucket, a CloudWatch Logs log group or a Firehose delivery stream");
        }
        if (given != null && !given.equals(implied)) {
            throw new AwsException(AwsError.LOGS_VALIDATION, "deliveryDestinationType " + given
                    + " does not match destinationResourceArn " + resourceArn);
        }
        return implied;
    }

    GetDeliveryDestinationResponse getDestination(RequestContext ctx, GetDeliveryDestinationRequest r) {
        checkName(r.name());
        return GetDeliveryDestinationResponse.builder()
                .deliveryDestination(view(ctx.scope(), destination(ctx.scope(), r.name()))).build();
    }

    DescribeDeliveryDestinationsResponse describeDestinations(RequestContext ctx,
            DescribeDeliveryDestinationsRequest r) {
        Page<Destination> page = page(destinations, ctx.scope(), r.limit(), r.nextToken());
        return DescribeDeliveryDestinationsResponse.builder()
                .deliveryDestinations(page.items().stream().map(d -> view(ctx.scope(), d)).toList())
                .nextToken(page.next()).build();
    }

    synchronized DeleteDeliveryDestinationResponse deleteDestination(RequestContext ctx,
            DeleteDeliveryDestinationRequest r) {
        checkName(r.name());
        Scope scope = ctx.scope();
        destination(scope, r.name());
        String arn = arn(scope, "delivery-destination:" + r.name());
        if (inUse(scope, d -> d.destinationArn().equals(arn))) {
            throw new AwsException(AwsError.LOGS_CONFLICT, "Delivery destination " + r.name()
                    + " is used by a delivery; delete the delivery first");
        }
        destinations.remove(scope.key(r.name()));
        return DeleteDeliveryDestinationResponse.builder().build();
    }

    synchronized PutDeliveryDestinationPolicyResponse putPolicy(RequestContext ctx,
            PutDeliveryDestinationPolicyRequest r) {
        ConstraintViolations v = new ConstraintViolations();
        name(v, "deliveryDestinationName", r.deliveryDestinationName());
        required(v, "deliveryDestinationPolicy", r.deliveryDestinationPolicy());
        v.checkString("deliveryDestinationPolicy", r.deliveryDestinationPolicy(), 1, 51_200, null);
        v.throwIfAny(AwsError.LOGS_VALIDATION);
        Scope scope = ctx.scope();
        Destination updated = destination(scope, r.deliveryDestinationName())
                .withPolicy(r.deliveryDestinationPolicy());
        destinations.put(scope.key(r.deliveryDestinationName()), updated);
        return PutDeliveryDestinationPolicyResponse.builder()
                .policy(Policy.builder().deliveryDestinationPolicy(updated.policy()).build()).build();
    }

    GetDeliveryDestinationPolicyResponse getPolicy(RequestContext ctx, GetDeliveryDestinationPolicyRequest r) {
        checkName(r.deliveryDestinationName());
        Destination d = destination(ctx.scope(), r.deliveryDestinationName());
        return GetDeliveryDestinationPolicyResponse.builder()
                .policy(Policy.builder().deliveryDestinationPolicy(d.policy()).build()).build();
    }

    synchronized DeleteDeliveryDestinationPolicyResponse deletePolicy(RequestContext ctx,
            DeleteDeliveryDestinationPolicyRequest r) {
        checkName(r.deliveryDestinationName());
        Scope scope = ctx.scope();
        Destination d = destination(scope, r.deliveryDestinationName());
        if (d.policy() == null) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "Delivery destination "
                    + r.deliveryDestinationName() + " has no policy");
        }
        destinations.put(scope.key(r.deliveryDestinationName()), d.withPolicy(null));
        return DeleteDeliveryDestinationPolicyResponse.builder().build();
    }

    // ---- deliveries

    synchronized CreateDeliveryResponse createDelivery(RequestContext ctx, CreateDeliveryRequest r) {
        ConstraintViolations v = new ConstraintViolations();
        name(v, "deliverySourceName", r.deliverySourceName());
        required(v, "deliveryDestinationArn", r.deliveryDestinationArn());
        checkFields(v, r.recordFields(), r.fieldDelimiter(), r.s3DeliveryConfiguration());
        if (r.hasTags()) {
            LogsService.checkTags(v, r.tags());
        }
        v.throwIfAny(AwsError.LOGS_VALIDATION);
        Scope scope = ctx.scope();
        source(scope, r.deliverySourceName());
        Destination destination = destinationByArn(scope, r.deliveryDestinationArn());
        if (inUse(scope, d -> d.sourceName().equals(r.deliverySourceName())
                && d.destinationArn().equals(r.deliveryDestinationArn()))) {
            throw new AwsException(AwsError.LOGS_CONFLICT, "A delivery already connects delivery source "
                    + r.deliverySourceName() + " to " + r.deliveryDestinationArn());
        }
        S3DeliveryConfiguration s3 = r.s3DeliveryConfiguration();
        Delivery delivery = new Delivery(newId(), r.deliverySourceName(), r.deliveryDestinationArn(),
                destination.type(), r.recordFields(), r.fieldDelimiter(), s3 == null ? null : s3.suffixPath(),
                s3 == null ? null : s3.enableHiveCompatiblePath(), r.tags());
        deliveries.put(scope.key(delivery.id()), delivery);
        return CreateDeliveryResponse.builder().delivery(view(scope, delivery)).build();
    }

    GetDeliveryResponse getDelivery(RequestContext ctx, GetDeliveryRequest r) {
        checkId(r.id());
        return GetDeliveryResponse.builder().delivery(view(ctx.scope(), delivery(ctx.scope(), r.id()))).build();
    }

    DescribeDeliveriesResponse describeDeliveries(RequestContext ctx, DescribeDeliveriesRequest r) {
        Page<Delivery> page = page(deliveries, ctx.scope(), r.limit(), r.nextToken());
        return DescribeDeliveriesResponse.builder()
                .deliveries(page.items().stream().map(d -> view(ctx.scope(), d)).toList())
                .nextToken(page.next()).build();
    }

    synchronized DeleteDeliveryResponse deleteDelivery(RequestContext ctx, DeleteDeliveryRequest r) {
        checkId(r.id());
        delivery(ctx.scope(), r.id());
        deliveries.remove(ctx.scope().key(r.id()));
        return DeleteDeliveryResponse.builder().build();
    }

    synchronized UpdateDeliveryConfigurationResponse updateDelivery(RequestContext ctx,
            UpdateDeliveryConfigurationRequest r) {
        ConstraintViolations v = new ConstraintViolations();
        v.checkString("id", r.id(), 1, 64, ID);
        if (r.id() == null) {
            v.missing("id");
        }
        checkFields(v, r.recordFields(), r.fieldDelimiter(), r.s3DeliveryConfiguration());
        v.throwIfAny(AwsError.LOGS_VALIDATION);
        Delivery d = delivery(ctx.scope(), r.id());
        S3DeliveryConfiguration s3 = r.s3DeliveryConfiguration();
        Delivery updated = new Delivery(d.id(), d.sourceName(), d.destinationArn(), d.destinationType(),
                r.hasRecordFields() ? r.recordFields() : d.recordFields(),
                r.fieldDelimiter() != null ? r.fieldDelimiter() : d.fieldDelimiter(),
                s3 != null && s3.suffixPath() != null ? s3.suffixPath() : d.suffixPath(),
                s3 != null && s3.enableHiveCompatiblePath() != null ? s3.enableHiveCompatiblePath()
                        : d.hiveCompatiblePath(), d.tags());
        deliveries.put(ctx.scope().key(d.id()), updated);
        return UpdateDeliveryConfigurationResponse.builder().build();
    }

    // ---- helpers

    private Source source(Scope scope, String name) {
        return sources.get(scope.key(name)).orElseThrow(() -> new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND,
                "Delivery source " + name + " does not exist"));
    }

    private Destination destination(Scope scope, String name) {
        return destinations.get(scope.key(name)).orElseThrow(() -> new AwsException(
                AwsError.LOGS_RESOURCE_NOT_FOUND, "Delivery destination " + name + " does not exist"));
    }

    private Destination destinationByArn(Scope scope, String arn) {
        String prefix = arn(scope, "delivery-destination:");
        if (!arn.startsWith(prefix)) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "Delivery destination " + arn
                    + " does not exist");
        }
        return destination(scope, arn.substring(prefix.length()));
    }

    private Delivery delivery(Scope scope, String id) {
        return deliveries.get(scope.key(id)).orElseThrow(() -> new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND,
                "Delivery " + id + " does not exist"));
    }

    private boolean inUse(Scope scope, java.util.function.Predicate<Delivery> test) {
        return deliveries.view().subMap(scope.keyPrefix(), scope.keyPrefix() + Character.MAX_VALUE).values()
                .stream().anyMatch(test);
    }

    private String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    private static String arn(Scope scope, String resource) {
        return scope.arn("logs", resource).toString();
    }

    private static void name(ConstraintViolations v, String member, String value) {
        required(v, member, value);
        v.checkString(member, value, 1, 60, NAME);
    }

    private static void required(ConstraintViolations v, String member, String value) {
        if (value == null) {
            v.missing(member);
        }
    }

    private static void checkName(String name) {
        ConstraintViolations v = new ConstraintViolations();
        name(v, "name", name);
        v.throwIfAny(AwsError.LOGS_VALIDATION);
    }

    private static void checkId(String id) {
        ConstraintViolations v = new ConstraintViolations();
        required(v, "id", id);
        v.checkString("id", id, 1, 64, ID);
        v.throwIfAny(AwsError.LOGS_VALIDATION);
    }

    private static void checkFields(ConstraintViolations v, List<String> fields, String delimiter,
            S3DeliveryConfiguration s3) {
        if (fields != null && fields.size() > 128) {
            v.violated("recordFields", "Member must have length less than or equal to 128");
        }
        if (fields != null && fields.stream().anyMatch(field -> !lengthWithin(field, 1, 64))) {
            v.violated("recordFields", "Member must satisfy constraint: [Member must have length less than or "
                    + "equal to 64, Member must have length greater than or equal to 1]");
        }
        v.checkString("fieldDelimiter", delimiter, 0, 5, null);
        if (s3 != null) {
            v.checkString("s3DeliveryConfiguration.suffixPath", s3.suffixPath(), 1, 256, null);
        }
    }

    /** The model's DeliverySourceConfiguration: keys and values of 1 to 255 characters. */
    private static void checkConfiguration(ConstraintViolations v, Map<String, String> configuration) {
        String bounds = "[Member must have length less than or equal to 255, "
                + "Member must have length greater than or equal to 1]";
        if (configuration.keySet().stream().anyMatch(key -> !lengthWithin(key, 1, 255))) {
            v.violated("deliverySourceConfiguration", "Map keys must satisfy constraint: " + bounds);
        }
        if (configuration.values().stream().anyMatch(value -> !lengthWithin(value, 1, 255))) {
            v.violated("deliverySourceConfiguration", "Map value must satisfy constraint: " + bounds);
        }
    }

    private static boolean lengthWithin(String value, int min, int max) {
        return value != null && value.length() >= min && value.length() <= max;
    }

    private record Page<T>(List<T> items, String next) {}

    private <T> Page<T> page(StateTable<T> table, Scope scope, Integer limit, String nextToken) {
        ConstraintViolations v = new ConstraintViolations();
        v.checkRange("limit", limit, 1, 50);
        v.throwIfAny(AwsError.LOGS_VALIDATION);
        String after = nextToken == null ? null : tokens.decode(nextToken).filter(k -> k.startsWith(scope.keyPrefix()))
                .orElseThrow(() -> new AwsException(AwsError.LOGS_VALIDATION, "The specified nextToken is invalid"));
        int max = limit == null ? 50 : limit;
        List<T> items = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, T> e : table.view().subMap(after == null ? scope.keyPrefix() : after, after == null,
                scope.keyPrefix() + Character.MAX_VALUE, false).entrySet()) {
            if (items.size() == max) {
                return new Page<>(items, tokens.encode(last));
            }
            items.add(e.getValue());
            last = e.getKey();
        }
        return new Page<>(items, null);
    }

    private static software.amazon.awssdk.services.cloudwatchlogs.model.DeliverySource view(Scope scope, Source s) {
        return software.amazon.awssdk.services.cloudwatchlogs.model.DeliverySource.builder().name(s.name())
                .arn(arn(scope, "delivery-source:" + s.name())).resourceArns(s.resourceArn()).service(s.service())
                .logType(s.logType()).tags(s.tags().isEmpty() ? null : s.tags())
                .deliverySourceConfiguration(s.configuration().isEmpty() ? null : s.configuration())
                .status("ACTIVE").build();
    }

    private static software.amazon.awssdk.services.cloudwatchlogs.model.DeliveryDestination view(Scope scope,
            Destination d) {
        return software.amazon.awssdk.services.cloudwatchlogs.model.DeliveryDestination.builder().name(d.name())
                .arn(arn(scope, "delivery-destination:" + d.name())).deliveryDestinationType(d.type())
                .outputFormat(d.outputFormat())
                .deliveryDestinationConfiguration(d.resourceArn() == null ? null
                        : DeliveryDestinationConfiguration.builder().destinationResourceArn(d.resourceArn()).build())
                .tags(d.tags().isEmpty() ? null : d.tags()).build();
    }

    private static software.amazon.awssdk.services.cloudwatchlogs.model.Delivery view(Scope scope, Delivery d) {
        return software.amazon.awssdk.services.cloudwatchlogs.model.Delivery.builder().id(d.id())
                .arn(arn(scope, "delivery:" + d.id())).deliverySourceName(d.sourceName())
                .deliveryDestinationArn(d.destinationArn()).deliveryDestinationType(d.destinationType())
                .recordFields(d.recordFields().isEmpty() ? null : d.recordFields()).fieldDelimiter(d.fieldDelimiter())
                .s3DeliveryConfiguration(d.suffixPath() == null && d.hiveCompatiblePath() == null ? null
                        : S3DeliveryConfiguration.builder().suffixPath(d.suffixPath())
                                .enableHiveCompatiblePath(d.hiveCompatiblePath()).build())
                .tags(d.tags().isEmpty() ? null : d.tags()).build();
    }
}
