package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.ServiceCatalog;
import io.watchpost.wire.model.ServiceModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Every operation of all six services, called with the real SDK v2 client: each must get a real answer or a
 * well-formed AWS error the SDK parses (a validation error, a not-found, or "not implemented"), never a routing
 * or codec failure and never an internal error.
 */
class CoverageIT {
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationGetsAWellFormedAnswer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ServiceModel service : ServiceCatalog.standard().services()) {
            if (service.endpointPrefix().equals("s3")) {
                continue;  // the bucket subset has its own tests (S3IT); S3's 100-odd operations are not ours
            }
            Object client = SdkClients.client(server, service.endpointPrefix());
            for (OperationModel operation : service.sortedOperations()) {
                tests.add(DynamicTest.dynamicTest(service.endpointPrefix() + "." + operation.name(),
                        () -> call(service, client, operation)));
            }
            for (String untyped : service.untypedOperations()) {
                tests.add(DynamicTest.dynamicTest(service.endpointPrefix() + "." + untyped + " (not in the SDK)",
                        () -> assertThat(callRaw(service, untyped)).isEqualTo("NotImplemented")));
            }
        }
        assertThat(tests).hasSizeGreaterThan(300);
        return tests.stream();
    }

    private static void call(ServiceModel service, Object client, OperationModel operation) throws Exception {
        // The client's class is package-private; call through its public interface (e.g. CloudWatchClient).
        Optional<Method> method = Arrays.stream(client.getClass().getInterfaces())
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == operation.requestClass()
                        && m.getReturnType() == operation.responseClass())  // not the paginator
                .findFirst();
        if (method.isEmpty()) {
            callRaw(service, operation.name());  // event-stream operations exist only on the async client
            return;
        }
        Object request = SampleRequests.build(operation.requestBuilder().get());
        try {
            Object response = method.get().invoke(client, request);
            assertThat(response).isInstanceOf(operation.responseClass());
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).as("the SDK must parse the answer as an AWS error")
                    .isInstanceOf(AwsServiceException.class);
            AwsServiceException error = (AwsServiceException) e.getCause();
            assertWellFormed(error.statusCode(), error.awsErrorDetails().errorCode(), error.getMessage());
        }
    }

    /** Calls an RPC operation with an empty JSON body; returns the error code, asserting it is well-formed. */
    private static String callRaw(ServiceModel service, String operation) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", service.targetPrefix().orElseThrow() + "." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.body().replaceAll(".*\"__type\":\"([^\"]+)\".*", "$1");
            assertWellFormed(response.statusCode(), type, response.body());
            return type;
        }
    }

    private static void assertWellFormed(int status, String code, String message) {
        assertThat(code).as(message).isNotBlank()
                .isNotIn("InternalFailure", "UnknownOperationException", "SerializationException");
        assertThat(status).as(message).satisfiesAnyOf(
                s -> assertThat(s).isBetween(400, 499),
                s -> assertThat(s).isEqualTo(501));
    }
}
