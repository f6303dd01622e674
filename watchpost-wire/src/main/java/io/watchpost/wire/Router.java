package io.watchpost.wire;

import io.watchpost.wire.auth.SignedRequest;
import io.watchpost.wire.codec.FormParameters;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.Protocol;
import io.watchpost.wire.model.ServiceCatalog;
import io.watchpost.wire.model.ServiceModel;
import io.watchpost.wire.protocol.AwsJsonCodec;
import io.watchpost.wire.protocol.AwsQueryCodec;
import io.watchpost.wire.protocol.ProtocolCodec;
import io.watchpost.wire.protocol.RestJsonCodec;
import io.watchpost.wire.protocol.RestXmlCodec;
import io.watchpost.wire.protocol.RpcV2CborCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Identifies service, protocol and operation (ARCHITECTURE §3, step 1): the RPC v2 CBOR path, then
 * {@code X-Amz-Target}, then an awsQuery {@code Action}, then REST URI templates (narrowed to the SigV4 signing
 * service when the request names one).
 */
final class Router {
    private static final String CBOR_PREFIX = "/service/";

    private final Map<String, ServiceModel> byTarget = new HashMap<>();
    private final Map<String, ServiceModel> byRpcV2Name = new HashMap<>();
    private final Map<String, ServiceModel> byQueryVersion = new HashMap<>();
    private final List<ServiceModel> restServices;
    /** REST URI templates, most specific first; built on the first REST request (it loads those operations). */
    private volatile List<RestEntry> restIndex;
    private final ProtocolCodec query = new AwsQueryCodec();
    private final ProtocolCodec json10 = new AwsJsonCodec(Protocol.AWS_JSON_1_0);
    private final ProtocolCodec json11 = new AwsJsonCodec(Protocol.AWS_JSON_1_1);
    private final ProtocolCodec cbor = new RpcV2CborCodec();
    private final ProtocolCodec restJson = new RestJsonCodec();
    private final RestXmlCodec restXml = new RestXmlCodec();

    Router(ServiceCatalog catalog) {
        for (ServiceModel service : catalog.services()) {
            service.targetPrefix().ifPresent(prefix -> byTarget.put(prefix, service));
            service.rpcV2ServiceName().ifPresent(name -> byRpcV2Name.put(name, service));
            service.queryVersion().ifPresent(version -> byQueryVersion.put(version, service));
        }
        restServices = catalog.services().stream().filter(s -> s.protocols().contains(Protocol.REST_JSON)
                || s.protocols().contains(Protocol.REST_XML)).toList();
    }

    /** The route, or empty when nothing here serves the request. */
    Optional<Route> route(WireRequest request, byte[] body, Optional<SignedRequest> signed) {
        String path = request.rawPath();
        // S3 is signed as "s3" and only ever REST: its bodies are objects, never query forms or CBOR calls.
        if (signed.map(SignedRequest::service).filter("s3"::equals).isPresent()) {
            return restRoute(request, signed);
        }
        if (path.startsWith(CBOR_PREFIX)) {
            Optional<Route> route = cborRoute(path);
            if (route.isPresent()) {
                return route;
            }
        }
        Optional<String> target = request.header("X-Amz-Target");
        if (target.isPresent()) {
            return jsonRoute(target.get());
        }
        if (isQuery(request)) {
            Map<String, String> parameters = AwsQueryCodec.parameters(request, body);
            String action = parameters.get("Action");
            if (action != null) {
                ServiceModel service = queryService(parameters.get("Version"), signed);
                if (service != null) {
                    return Optional.of(new Route(service, query, action, service.operation(action), parameters));
                }
            }
        }
        return restRoute(request, signed);
    }

    private Optional<Route> cborRoute(String path) {
        String[] parts = path.substring(CBOR_PREFIX.length()).split("/");
        if (parts.length != 3 || !parts[1].equals("operation")) {
            return Optional.empty();
        }
        // Smithy allows the namespaced form, com.amazonaws.cloudwatch.GraniteServiceVersion20100801.
        ServiceModel service = byRpcV2Name.get(parts[0].substring(parts[0].lastIndexOf('.') + 1));
        return Optional.ofNullable(service)
                .map(s -> new Route(s, cbor, parts[2], s.operation(parts[2]), Map.of()));
    }

    private Optional<Route> jsonRoute(String target) {
        int dot = target.lastIndexOf('.');
        ServiceModel service = dot < 0 ? null : byTarget.get(target.substring(0, dot));
        if (service == null) {
            return Optional.empty();
        }
        String name = target.substring(dot + 1);
        ProtocolCodec codec = service.protocols().contains(Protocol.AWS_JSON_1_0) ? json10 : json11;
        return Optional.of(new Route(service, codec, name, service.operation(name), Map.of()));
    }

    private static boolean isQuery(WireRequest request) {
        return request.method().equals("POST") && request.contentType().equals("application/x-www-form-urlencoded")
                || request.method().equals("GET") && request.rawQuery().contains("Action=");
    }

    private ServiceModel queryService(String version, Optional<SignedRequest> signed) {
        if (version != null && byQueryVersion.containsKey(version)) {
            return byQueryVersion.get(version);
        }
        return signed.map(s -> byQueryVersion.values().stream()
                .filter(service -> service.endpointPrefix().equals(s.service())).findFirst().orElse(null))
                .orElseGet(() -> byQueryVersion.size() == 1 ? byQueryVersion.values().iterator().next() : null);
    }

    private Optional<Route> restRoute(WireRequest request, Optional<SignedRequest> signed) {
        String signingName = signed.map(SignedRequest::service).filter(this::isRest).orElse(null);
        Map<String, List<String>> query = FormParameters.parseAll(request.rawQuery());
        for (RestEntry entry : restIndex()) {
            boolean restXmlService = entry.service().protocols().contains(Protocol.REST_XML);
            // S3's /{Bucket} templates match almost any path: only requests signed for S3 go there.
            if (signingName != null && !entry.service().endpointPrefix().equals(signingName)
                    || restXmlService && !entry.service().endpointPrefix().equals(signingName)
                    || !entry.operation().httpMethod().equals(request.method())
                    || restXmlService && !restXml.accepts(entry.operation(), request)) {
                continue;
            }
            var match = entry.operation().uri().orElseThrow().match(request.rawPath(), query);
            if (match.isPresent()) {
                ProtocolCodec codec = entry.service().protocols().contains(Protocol.REST_XML) ? restXml : restJson;
                return Optional.of(new Route(entry.service(), codec, entry.operation().name(),
                        Optional.of(entry.operation()), match.get()));
            }
        }
        return Optional.empty();
    }

    private List<RestEntry> restIndex() {
        List<RestEntry> index = restIndex;
        if (index == null) {
            index = restServices.stream()
                    .flatMap(service -> service.sortedOperations().stream()
                            .filter(operation -> operation.uri().isPresent())
                            .map(operation -> new RestEntry(service, operation)))
                    .sorted(java.util.Comparator.comparingInt(
                            (RestEntry entry) -> entry.operation().uri().orElseThrow().specificity())
                            .thenComparingInt(entry -> entry.service().protocols().contains(Protocol.REST_XML)
                                    ? restXml.requirements(entry.operation()) : 0)
                            .reversed())
                    .toList();
            restIndex = index;
        }
        return index;
    }

    private record RestEntry(ServiceModel service, OperationModel operation) {}

    private boolean isRest(String signingName) {
        return restServices.stream().anyMatch(s -> s.endpointPrefix().equals(signingName));
    }
}
