package io.watchpost.wire.model;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * The services Watchpost routes, built from the AWS SDK for Java v2: every request marshaller the SDK generated
 * for a service is an operation, and that marshaller holds the operation's HTTP binding. So the operation list
 * and bindings are AWS's own, never typed by hand. Names come from the jar's directory; classes load on first use.
 */
public final class ServiceCatalog {
    private static final Map<String, Integer> SCHEMAS_SUCCESS_STATUS = Map.ofEntries(
            Map.entry("CreateDiscoverer", 201), Map.entry("CreateRegistry", 201), Map.entry("CreateSchema", 201),
            Map.entry("DeleteDiscoverer", 204), Map.entry("DeleteRegistry", 204),
            Map.entry("DeleteResourcePolicy", 204), Map.entry("DeleteSchema", 204),
            Map.entry("DeleteSchemaVersion", 204), Map.entry("PutCodeBinding", 202),
            Map.entry("TagResource", 204), Map.entry("UntagResource", 204));

    /**
     * Operations botocore knows that the AWS SDK for Java v2 release we build on lacks (ARCHITECTURE §3): routed by
     * name, answered {@code NotImplemented}. None at SDK 2.59.1 against botocore 1.43.11; the mechanism stays for
     * the next time AWS ships an operation to botocore first.
     */
    private static final Map<String, Set<String>> UNTYPED = Map.of();

    private final Map<String, ServiceModel> byEndpointPrefix;

    private ServiceCatalog(List<ServiceModel> services) {
        Map<String, ServiceModel> map = new LinkedHashMap<>();
        services.forEach(service -> map.put(service.endpointPrefix(), service));
        this.byEndpointPrefix = map;
    }

    /** The six services of Watchpost's foundation and the bucket subset of S3. */
    public static ServiceCatalog standard() {
        return new ServiceCatalog(List.of(
                service("monitoring", "CloudWatch", "cloudwatch", "CloudWatch",
                        Set.of(Protocol.AWS_QUERY, Protocol.AWS_JSON_1_0, Protocol.RPC_V2_CBOR),
                        "GraniteServiceVersion20100801", "http://monitoring.amazonaws.com/doc/2010-08-01/",
                        "2010-08-01", true, Map.of()),
                service("logs", "CloudWatch Logs", "cloudwatchlogs", "CloudWatchLogs", Set.of(Protocol.AWS_JSON_1_1),
                        "Logs_20140328", null, null, false, Map.of()),
                service("events", "EventBridge", "eventbridge", "EventBridge", Set.of(Protocol.AWS_JSON_1_1),
                        "AWSEvents", null, null, false, Map.of()),
                service("cloudtrail", "CloudTrail", "cloudtrail", "CloudTrail", Set.of(Protocol.AWS_JSON_1_1),
                        "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", null, null, false, Map.of()),
                service("xray", "XRay", "xray", "XRay", Set.of(Protocol.REST_JSON), null, null, null, false,
                        Map.of()),
                service("schemas", "schemas", "schemas", "Schemas", Set.of(Protocol.REST_JSON), null, null, null,
                        false, SCHEMAS_SUCCESS_STATUS),
                s3()));
    }

    private static final Map<String, Integer> S3_SUCCESS_STATUS = Map.of("DeleteBucket", 204,
            "DeleteBucketPolicy", 204, "PutBucketPolicy", 204, "DeleteObject", 204);

    /**
     * S3 (the bucket subset, path-style only). The SDK's S3 marshallers leave the bucket out of their URIs
     * ({@code /{Key+}}, {@code ?policy}, nothing at all) because its endpoint rules place it in the host or the
     * path; Watchpost serves path-style, so every template but ListBuckets' {@code /} gains a leading
     * {@code /{Bucket}}.
     */
    private static ServiceModel s3() {
        String base = "software.amazon.awssdk.services.s3";
        Set<String> names = SdkJars.operationNames(base, "S3Client");
        OperationTable operations = new OperationTable(names, name -> {
            OperationModel model = operation(base, name, S3_SUCCESS_STATUS.getOrDefault(name, 200));
            String uri = binding(base + ".transform." + name + "RequestMarshaller").requestUri();
            String pathStyle = "/".equals(uri) ? "/" : "/{Bucket}" + (uri == null ? "" : uri);
            return new OperationModel(model.name(), model.requestClass(), model.responseClass(), model.httpMethod(),
                    Optional.of(UriTemplate.parse(pathStyle)), model.successStatus(), model.requestBuilder());
        });
        return new ServiceModel("s3", "S3", Set.of(Protocol.REST_XML), Optional.empty(), Optional.empty(),
                Optional.of("http://s3.amazonaws.com/doc/2006-03-01/"), Optional.empty(), false, "s3.amazonaws.com",
                operations, Set.of());
    }

    public Optional<ServiceModel> service(String endpointPrefix) {
        return Optional.ofNullable(byEndpointPrefix.get(endpointPrefix));
    }

    public List<ServiceModel> services() {
        return List.copyOf(byEndpointPrefix.values());
    }

    private static ServiceModel service(String endpointPrefix, String sdkName, String sdkPackage, String clientPrefix,
            Set<Protocol> protocols, String target, String xmlNamespace, String queryVersion, boolean queryCompatible,
            Map<String, Integer> successStatus) {
        String base = "software.amazon.awssdk.services." + sdkPackage;
        Set<String> names = SdkJars.operationNames(base, clientPrefix + "Client");
        OperationTable operations = new OperationTable(names,
                name -> operation(base, name, successStatus.getOrDefault(name, 200)));
        return new ServiceModel(endpointPrefix, sdkName, protocols,
                Optional.ofNullable(target),
                protocols.contains(Protocol.RPC_V2_CBOR) ? Optional.of(target) : Optional.empty(),
                Optional.ofNullable(xmlNamespace), Optional.ofNullable(queryVersion), queryCompatible,
                endpointPrefix + ".amazonaws.com", operations, UNTYPED.getOrDefault(endpointPrefix, Set.of()));
    }

    private static OperationModel operation(String base, String name, int successStatus) {
        Class<?> requestClass = load(base + ".model." + name + "Request");
        Class<?> responseClass = load(base + ".model." + name + "Response");
        OperationInfo binding = binding(base + ".transform." + name + "RequestMarshaller");
        Optional<UriTemplate> uri = Optional.ofNullable(binding.requestUri()).map(UriTemplate::parse);
        return new OperationModel(name, requestClass, responseClass, binding.httpMethod().name(), uri,
                successStatus, builderOf(requestClass));
    }

    static Supplier<SdkPojo> builderOf(Class<?> pojoClass) {
        try {
            Method builder = pojoClass.getMethod("builder");
            return () -> {
                try {
                    return (SdkPojo) builder.invoke(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot make a builder of " + pojoClass.getName(), e);
                }
            };
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(pojoClass.getName() + " has no builder()", e);
        }
    }

    private static OperationInfo binding(String marshallerClass) {
        try {
            Field field = load(marshallerClass).getDeclaredField("SDK_OPERATION_BINDING");
            field.setAccessible(true);
            return (OperationInfo) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no operation binding in " + marshallerClass, e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the AWS SDK on the class path lacks " + name, e);
        }
    }
}
