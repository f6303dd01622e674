package io.watchpost.xray.sampling;

import static io.watchpost.xray.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import io.watchpost.xray.Fixture;
import io.watchpost.xray.SamplingRulesService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingStatisticSummariesRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsResponse;
import software.amazon.awssdk.services.xray.model.SamplingStatisticSummary;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;
import software.amazon.awssdk.services.xray.model.SamplingTargetDocument;

class SamplingTargetsServiceTest {
    private static final RequestContext CTX = context("xray", "Test");
    private static final String CLIENT_A = "aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String CLIENT_B = "bbbbbbbbbbbbbbbbbbbbbbbb";

    @TempDir
    Path directory;
    private Fixture fixture;
    private SamplingRulesService rules;
    private SamplingTargetsService targets;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        rules = new SamplingRulesService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS);
        targets = new SamplingTargetsService(rules, fixture.clock);
        rules.handlers().find(CreateSamplingRuleRequest.class).orElseThrow().handle(CTX,
                CreateSamplingRuleRequest.builder().samplingRule(r -> r.ruleName("checkout").resourceARN("*")
                        .priority(10).fixedRate(0.1).reservoirSize(10).serviceName("*").serviceType("*").host("*")
                        .httpMethod("*").urlPath("/checkout*").version(1)).build());
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    private static SamplingStatisticsDocument stats(String rule, String client, int requests, int sampled,
            int borrowed) {
        return SamplingStatisticsDocument.builder().ruleName(rule).clientID(client).timestamp(Fixture.START)
                .requestCount(requests).sampledCount(sampled).borrowCount(borrowed).build();
    }

    private GetSamplingTargetsResponse report(SamplingStatisticsDocument... docs) {
        return targets.getSamplingTargets(CTX, GetSamplingTargetsRequest.builder()
                .samplingStatisticsDocuments(docs).build());
    }

    @Test
    void aLoneClientGetsTheWholeReservoir() {
        GetSamplingTargetsResponse response = report(stats("checkout", CLIENT_A, 100, 12, 1));
        SamplingTargetDocument target = response.samplingTargetDocuments().get(0);
        assertThat(target.ruleName()).isEqualTo("checkout");
        assertThat(target.fixedRate()).isEqualTo(0.1);
        assertThat(target.reservoirQuota()).isEqualTo(10);
        assertThat(target.interval()).isEqualTo(10);
        assertThat(target.reservoirQuotaTTL()).isEqualTo(Fixture.START.plusSeconds(10));
        assertThat(response.lastRuleModification()).isEqualTo(Fixture.START);
        assertThat(response.unprocessedStatistics()).isEmpty();
    }

    @Test
    void clientsShareTheReservoirByRequestRate() {
        report(stats("checkout", CLIENT_A, 300, 10, 0));
        fixture.clock.advance(Duration.ofSeconds(1));
        int quotaB = report(stats("checkout", CLIENT_B, 100, 10, 0)).samplingTargetDocuments().get(0)
                .reservoirQuota();
        fixture.clock.advance(Duration.ofSeconds(1));
        int quotaA = report(stats("checkout", CLIENT_A, 300, 10, 0)).samplingTargetDocuments().get(0)
                .reservoirQuota();
        assertThat(quotaA).isEqualTo(8);
        assertThat(quotaB).isEqualTo(2);
        fixture.clock.advance(Duration.ofSeconds(30));
        assertThat(report(stats("checkout", CLIENT_A, 300, 10, 0)).samplingTargetDocuments().get(0)
                .reservoirQuota()).as("B went quiet and its share returns to A").isEqualTo(10);
    }

    @Test
    void quotasNeverExceedTheReservoir() {
        List<String> clients = List.of("c00000000000000000000001", "c00000000000000000000002",
                "c00000000000000000000003");
        int total = 0;
        for (String client : clients) {
            report(stats("Default", client, 0, 0, 0));
        }
        for (String client : clients) {
            total += report(stats("Default", client, 0, 0, 0)).samplingTargetDocuments().get(0).reservoirQuota();
        }
        assertThat(total).isEqualTo(1);
    }

    @Test
    void unknownRulesAreUnprocessed() {
        GetSamplingTargetsResponse response = report(stats("nope", CLIENT_A, 1, 1, 0));
        assertThat(response.samplingTargetDocuments()).isEmpty();
        assertThat(response.unprocessedStatistics()).singleElement().satisfies(u -> {
            assertThat(u.ruleName()).isEqualTo("nope");
            assertThat(u.errorCode()).isEqualTo("400");
        });
    }

    @Test
    void validatesStatistics() {
        Fixture.assertAwsError(() -> report(SamplingStatisticsDocument.builder().ruleName("checkout")
                .clientID("short").timestamp(Instant.EPOCH).requestCount(-1).sampledCount(0).build()),
                AwsError.XRAY_INVALID_REQUEST, "2 validation errors detected: Value at "
                        + "'samplingStatisticsDocuments.1.member.clientID' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 24; Value at "
                        + "'samplingStatisticsDocuments.1.member.requestCount' failed to satisfy constraint: Member "
                        + "must have value greater than or equal to 0");
    }

    @Test
    void summarizesTheLatestWindow() {
        report(stats("checkout", CLIENT_A, 100, 12, 1), stats("Default", CLIENT_A, 5, 1, 0));
        report(stats("checkout", CLIENT_B, 50, 6, 0));
        List<SamplingStatisticSummary> summaries = targets.getSamplingStatisticSummaries(CTX,
                GetSamplingStatisticSummariesRequest.builder().build()).samplingStatisticSummaries();
        assertThat(summaries).extracting(SamplingStatisticSummary::ruleName).containsExactly("Default", "checkout");
        assertThat(summaries.get(1).requestCount()).isEqualTo(150);
        assertThat(summaries.get(1).sampledCount()).isEqualTo(18);
        assertThat(summaries.get(1).borrowCount()).isEqualTo(1);
        assertThat(summaries.get(1).timestamp()).isEqualTo(Fixture.START);
    }
}
