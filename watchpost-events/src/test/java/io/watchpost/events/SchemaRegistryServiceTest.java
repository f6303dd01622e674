package io.watchpost.events;

import static io.watchpost.events.Fixture.assertAwsError;
import static io.watchpost.events.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.schemas.model.CreateRegistryRequest;
import software.amazon.awssdk.services.schemas.model.CreateRegistryResponse;
import software.amazon.awssdk.services.schemas.model.DeleteRegistryRequest;
import software.amazon.awssdk.services.schemas.model.DescribeRegistryRequest;
import software.amazon.awssdk.services.schemas.model.DescribeRegistryResponse;
import software.amazon.awssdk.services.schemas.model.ListRegistriesRequest;
import software.amazon.awssdk.services.schemas.model.ListRegistriesResponse;
import software.amazon.awssdk.services.schemas.model.RegistrySummary;

class SchemaRegistryServiceTest {
    private static final RequestContext CTX = context("schemas", "Test");
    private static final String ARN_PREFIX = "arn:aws:schemas:us-east-1:000000000000:registry/";

    @TempDir
    Path directory;
    private Fixture fixture;
    private SchemaRegistryService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        service = newService();
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void createsAndDescribesRegistries() {
        CreateRegistryResponse created = service.createRegistry(CTX, CreateRegistryRequest.builder()
                .registryName("orders").description("order schemas").tags(Map.of("team", "payments")).build());
        assertThat(created.registryName()).isEqualTo("orders");
        assertThat(created.registryArn()).isEqualTo(ARN_PREFIX + "orders");
        assertThat(created.description()).isEqualTo("order schemas");
        assertThat(created.tags()).containsExactly(Map.entry("team", "payments"));

        DescribeRegistryResponse described = service.describeRegistry(CTX,
                DescribeRegistryRequest.builder().registryName("orders").build());
        assertThat(described.registryName()).isEqualTo("orders");
        assertThat(described.registryArn()).isEqualTo(ARN_PREFIX + "orders");
        assertThat(described.description()).isEqualTo("order schemas");
        assertThat(described.tags()).containsExactly(Map.entry("team", "payments"));
    }

    @Test
    void duplicateNamesConflict() {
        create("orders");
        assertAwsError(() -> create("orders"), AwsError.SCHEMAS_CONFLICT, "Registry with name orders already exists");
        assertAwsError(() -> create("aws.events"), AwsError.SCHEMAS_CONFLICT,
                "Registry with name aws.events already exists");
    }

    @Test
    void validatesNamesAndDescription() {
        assertAwsError(() -> service.createRegistry(CTX, CreateRegistryRequest.builder().build()),
                AwsError.SCHEMAS_BAD_REQUEST, "RegistryName is required");
        assertAwsError(() -> create("has space"), AwsError.SCHEMAS_BAD_REQUEST,
                "Invalid RegistryName has space: it must be 1 to 64 characters of letters, digits, '.', '-' and '_'");
        String tooLong = "r".repeat(65);
        assertAwsError(() -> create(tooLong), AwsError.SCHEMAS_BAD_REQUEST, "Invalid RegistryName " + tooLong
                + ": it must be 1 to 64 characters of letters, digits, '.', '-' and '_'");
        assertAwsError(() -> service.createRegistry(CTX, CreateRegistryRequest.builder().registryName("r")
                        .description("d".repeat(257)).build()),
                AwsError.SCHEMAS_BAD_REQUEST, "Description must be at most 256 characters long");
        assertThat(create("r".repeat(64)).registryName()).hasSize(64);
    }

    @Test
    void describeAndDeleteOfMissingRegistryAreNotFound() {
        assertAwsError(() -> service.describeRegistry(CTX,
                        DescribeRegistryRequest.builder().registryName("nope").build()),
                AwsError.SCHEMAS_NOT_FOUND, "Registry with name nope does not exist");
        assertAwsError(() -> service.deleteRegistry(CTX, DeleteRegistryRequest.builder().registryName("nope").build()),
                AwsError.SCHEMAS_NOT_FOUND, "Registry with name nope does not exist");
    }

    @Test
    void awsEventsRegistryIsBuiltInAndReadOnly() {
        DescribeRegistryResponse described = service.describeRegistry(CTX,
                DescribeRegistryRequest.builder().registryName("aws.events").build());
        assertThat(described.registryArn()).isEqualTo(ARN_PREFIX + "aws.events");
        assertThat(names(service.listRegistries(CTX, ListRegistriesRequest.builder().build())))
                .containsExactly("aws.events");
        assertAwsError(() -> service.deleteRegistry(CTX,
                        DeleteRegistryRequest.builder().registryName("aws.events").build()),
                AwsError.SCHEMAS_FORBIDDEN, "Cannot delete AWS managed registry aws.events");
        assertThat(fixture.journal.table("schemas.registries", RegistryRecord.class).size()).isZero();
    }

    @Test
    void deletesRegistries() {
        create("orders");
        service.deleteRegistry(CTX, DeleteRegistryRequest.builder().registryName("orders").build());
        assertAwsError(() -> service.describeRegistry(CTX,
                        DescribeRegistryRequest.builder().registryName("orders").build()),
                AwsError.SCHEMAS_NOT_FOUND, "Registry with name orders does not exist");
    }

    @Test
    void listsByScopePrefixAndPages() {
        for (String name : List.of("zeta", "alpha", "aws.custom", "beta")) {
            create(name);
        }
        assertThat(names(service.listRegistries(CTX, ListRegistriesRequest.builder().build())))
                .containsExactly("alpha", "aws.custom", "aws.events", "beta", "zeta");
        assertThat(names(service.listRegistries(CTX, ListRegistriesRequest.builder().scope("LOCAL").build())))
                .containsExactly("alpha", "aws.custom", "beta", "zeta");
        assertThat(names(service.listRegistries(CTX, ListRegistriesRequest.builder().scope("AWS").build())))
                .containsExactly("aws.events");
        assertThat(names(service.listRegistries(CTX,
                ListRegistriesRequest.builder().registryNamePrefix("aws.").build())))
                .containsExactly("aws.custom", "aws.events");

        ListRegistriesResponse first = service.listRegistries(CTX, ListRegistriesRequest.builder().limit(2).build());
        assertThat(names(first)).containsExactly("alpha", "aws.custom");
        ListRegistriesResponse second = service.listRegistries(CTX,
                ListRegistriesRequest.builder().limit(2).nextToken(first.nextToken()).build());
        assertThat(names(second)).containsExactly("aws.events", "beta");
        ListRegistriesResponse third = service.listRegistries(CTX,
                ListRegistriesRequest.builder().limit(2).nextToken(second.nextToken()).build());
        assertThat(names(third)).containsExactly("zeta");
        assertThat(third.nextToken()).isNull();
        assertThat(first.registries().get(0).registryArn()).isEqualTo(ARN_PREFIX + "alpha");
    }

    @Test
    void listRejectsTamperedTokenAndBadParameters() {
        create("a1");
        String token = service.listRegistries(CTX, ListRegistriesRequest.builder().limit(1).build()).nextToken();
        assertAwsError(() -> service.listRegistries(CTX,
                        ListRegistriesRequest.builder().nextToken(token + "x").build()),
                AwsError.SCHEMAS_BAD_REQUEST, "Invalid nextToken");
        assertAwsError(() -> service.listRegistries(CTX, ListRegistriesRequest.builder().limit(0).build()),
                AwsError.SCHEMAS_BAD_REQUEST, "Limit must be between 1 and 100");
        assertAwsError(() -> service.listRegistries(CTX, ListRegistriesRequest.builder().scope("ALL").build()),
                AwsError.SCHEMAS_BAD_REQUEST, "Scope must be one of LOCAL, AWS");
    }

    @Test
    void registriesSurviveARestart() throws IOException {
        service.createRegistry(CTX, CreateRegistryRequest.builder().registryName("orders").description("d").build());
        fixture.restart();
        service = newService();
        assertThat(service.describeRegistry(CTX, DescribeRegistryRequest.builder().registryName("orders").build())
                .description()).isEqualTo("d");
    }

    @Test
    void registriesAreScopedByAccountAndRegion() {
        create("orders");
        for (RequestContext other : List.of(context("111111111111", "us-east-1", "schemas", "Test"),
                context("000000000000", "eu-west-1", "schemas", "Test"))) {
            assertAwsError(() -> service.describeRegistry(other,
                            DescribeRegistryRequest.builder().registryName("orders").build()),
                    AwsError.SCHEMAS_NOT_FOUND, "Registry with name orders does not exist");
            assertThat(names(service.listRegistries(other, ListRegistriesRequest.builder().build())))
                    .containsExactly("aws.events");
        }
    }

    @Test
    void registersItsOperations() {
        assertThat(service.endpointPrefix()).isEqualTo("schemas");
        assertThat(service.handlers().requestTypes()).containsExactlyInAnyOrder(CreateRegistryRequest.class,
                DescribeRegistryRequest.class, ListRegistriesRequest.class, DeleteRegistryRequest.class);
    }

    private SchemaRegistryService newService() {
        return new SchemaRegistryService(fixture.journal, Fixture.PAGE_TOKENS);
    }

    private CreateRegistryResponse create(String name) {
        return service.createRegistry(CTX, CreateRegistryRequest.builder().registryName(name).build());
    }

    private static List<String> names(ListRegistriesResponse response) {
        return response.registries().stream().map(RegistrySummary::registryName).toList();
    }
}
