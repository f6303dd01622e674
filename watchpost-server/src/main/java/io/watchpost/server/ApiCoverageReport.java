package io.watchpost.server;

import io.watchpost.core.api.ApiHandlers;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.ServiceCatalog;
import io.watchpost.wire.model.ServiceModel;
import java.util.Map;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * Renders {@code docs/api-coverage.md} from the operation registry the server routes with and the handlers the
 * services register, so the document cannot drift from the code (a test compares the two).
 */
public final class ApiCoverageReport {
    private ApiCoverageReport() {}

    public static String markdown(ServiceCatalog catalog, Map<String, ApiHandlers> handlers) {
        StringBuilder out = new StringBuilder();
        out.append("# API coverage\n\n");
        out.append("Generated from the operation registry (`ServiceCatalog`, built from the AWS SDK for Java v2 "
                + "model) and the handlers each service registers; `ApiCoverageDocTest` fails when this file is "
                + "stale (regenerate with `./mvnw -pl watchpost-server -am test -Dtest=ApiCoverageDocTest "
                + "-Dwatchpost.updateDocs=true -Dsurefire.failIfNoSpecifiedTests=false`).\n\n");
        String notInSdk = "not in SDK " + VersionInfo.SDK_VERSION;
        out.append("States: **implemented** — answered by Watchpost; **not implemented** — answers a well-formed "
                + "`NotImplemented` (HTTP 501) error naming the operation; **" + notInSdk + "** — botocore "
                + "knows the operation but the AWS SDK for Java v2 release Watchpost builds on does not model it, so "
                + "it is routed by name and answers `NotImplemented` until a newer SDK can be used.\n\n");
        out.append("| service | implemented | not implemented | " + notInSdk + " |\n|---|---|---|---|\n");
        for (ServiceModel service : catalog.services()) {
            long implemented = service.sortedOperations().stream().filter(op -> has(handlers, service, op))
                    .count();
            out.append("| ").append(service.sdkName()).append(" (`").append(service.endpointPrefix()).append("`) | ")
                    .append(implemented).append(" | ").append(service.operations().size() - implemented)
                    .append(" | ").append(service.untypedOperations().size())
                    .append(" |\n");
        }
        for (ServiceModel service : catalog.services()) {
            out.append("\n## ").append(service.sdkName()).append(" (`").append(service.endpointPrefix())
                    .append("`, ").append(protocols(service)).append(")\n\n");
            out.append("| operation | state |\n|---|---|\n");
            for (OperationModel operation : service.sortedOperations()) {
                out.append("| ").append(operation.name()).append(" | ")
                        .append(has(handlers, service, operation) ? "implemented" : "not implemented")
                        .append(" |\n");
            }
            for (String name : service.untypedOperations().stream().sorted().toList()) {
                out.append("| ").append(name).append(" | ").append(notInSdk).append(" (answers `NotImplemented`) |\n");
            }
        }
        return out.toString();
    }

    private static String protocols(ServiceModel service) {
        return service.protocols().stream().map(Enum::name).sorted().map(String::toLowerCase)
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static boolean has(Map<String, ApiHandlers> handlers, ServiceModel service, OperationModel operation) {
        ApiHandlers serviceHandlers = handlers.get(service.endpointPrefix());
        return serviceHandlers != null && serviceHandlers.find(operation.requestClass()).isPresent();
    }
}
