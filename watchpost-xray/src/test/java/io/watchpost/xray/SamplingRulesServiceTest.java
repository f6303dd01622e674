package io.watchpost.xray;

import static io.watchpost.xray.Fixture.assertAwsError;
import static io.watchpost.xray.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.DeleteSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingRulesRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingRulesResponse;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;
import software.amazon.awssdk.services.xray.model.SamplingRuleUpdate;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.UpdateSamplingRuleRequest;

class SamplingRulesServiceTest {
    private static final RequestContext CTX = context("xray", "Test");
    private static final String ARN_PREFIX = "arn:aws:xray:us-east-1:000000000000:sampling-rule/";

    @TempDir
    Path directory;
    private Fixture fixture;
    private SamplingRulesService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        service = newService(100);
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void defaultRuleHasAwsDefaults() {
        List<SamplingRuleRecord> records = all();
        assertThat(records).hasSize(1);
        SamplingRuleRecord record = records.get(0);
        assertThat(record.samplingRule()).isEqualTo(SamplingRule.builder()
                .ruleName("Default").ruleARN(ARN_PREFIX + "Default").resourceARN("*").priority(10000)
                .fixedRate(0.05).reservoirSize(1).serviceName("*").serviceType("*").host("*").httpMethod("*")
                .urlPath("*").version(1).attributes(Map.of()).build());
        assertThat(record.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(record.modifiedAt()).isEqualTo(Instant.EPOCH);
        assertThat(rulesTable().size()).isZero();
    }

    @Test
    void createsRules() {
        SamplingRuleRecord created = service.createSamplingRule(CTX, CreateSamplingRuleRequest.builder()
                .samplingRule(rule("checkout", r -> r.attributes(Map.of("tier", "gold"))
                        .samplingRateBoost(b -> b.maxRate(0.5).cooldownWindowMinutes(10))))
                .tags(Tag.builder().key("team").value("payments").build())
                .build()).samplingRuleRecord();
        assertThat(created.samplingRule().ruleARN()).isEqualTo(ARN_PREFIX + "checkout");
        assertThat(created.samplingRule().priority()).isEqualTo(100);
        assertThat(created.samplingRule().attributes()).containsExactly(Map.entry("tier", "gold"));
        assertThat(created.samplingRule().samplingRateBoost().maxRate()).isEqualTo(0.5);
        assertThat(created.samplingRule().samplingRateBoost().cooldownWindowMinutes()).isEqualTo(10);
        assertThat(created.createdAt()).isEqualTo(Fixture.START);
        assertThat(created.modifiedAt()).isEqualTo(Fixture.START);
        assertThat(all()).extracting(r -> r.samplingRule().ruleName()).containsExactly("Default", "checkout");
        assertThat(all().get(1)).isEqualTo(created);
        assertThat(rulesTable().get("000000000000/us-east-1/checkout").orElseThrow().tags())
                .containsExactly(Map.entry("team", "payments"));
    }

    @Test
    void duplicateNamesAreRejected() {
        create("checkout");
        assertAwsError(() -> create("checkout"), AwsError.XRAY_INVALID_REQUEST, "SamplingRule already exists");
        assertAwsError(() -> create("Default"), AwsError.XRAY_INVALID_REQUEST, "SamplingRule already exists");
    }

    @Test
    void validatesEveryMember() {
        assertAwsError(() -> service.createSamplingRule(CTX, CreateSamplingRuleRequest.builder().build()),
                AwsError.XRAY_INVALID_REQUEST, "1 validation error detected: Value null at 'samplingRule' failed "
                        + "to satisfy constraint: Member must not be null");
        assertAwsError(() -> service.createSamplingRule(CTX, CreateSamplingRuleRequest.builder()
                        .samplingRule(SamplingRule.builder().ruleName("r").build()).build()),
                AwsError.XRAY_INVALID_REQUEST, "10 validation errors detected: "
                        + nullAt("resourceARN") + "; " + nullAt("priority") + "; " + nullAt("fixedRate") + "; "
                        + nullAt("reservoirSize") + "; " + nullAt("serviceName") + "; " + nullAt("serviceType")
                        + "; " + nullAt("host") + "; " + nullAt("hTTPMethod") + "; " + nullAt("uRLPath") + "; "
                        + nullAt("version"));
        assertAwsError(() -> create("r".repeat(33)), AwsError.XRAY_INVALID_REQUEST, "1 validation error detected: "
                + "Value '" + "r".repeat(33) + "' at 'samplingRule.ruleName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 32");
        assertAwsError(() -> createWith("r", r -> r.priority(10000).fixedRate(1.5).reservoirSize(-1).version(0)),
                AwsError.XRAY_INVALID_REQUEST, "4 validation errors detected: "
                        + "Value '10000' at 'samplingRule.priority' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 9999; "
                        + "Value '1.5' at 'samplingRule.fixedRate' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1; "
                        + "Value '-1' at 'samplingRule.reservoirSize' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0; "
                        + "Value '0' at 'samplingRule.version' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertAwsError(() -> createWith("r", r -> r.priority(0).httpMethod("PROPFIND123")),
                AwsError.XRAY_INVALID_REQUEST, "2 validation errors detected: "
                        + "Value '0' at 'samplingRule.priority' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1; "
                        + "Value 'PROPFIND123' at 'samplingRule.hTTPMethod' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 10");
    }

    @Test
    void validatesAttributesBoostAndTags() {
        Map<String, String> six = new TreeMap<>(Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"));
        assertAwsError(() -> createWith("r", r -> r.attributes(six)), AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value '" + six + "' at 'samplingRule.attributes' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 5");
        Map<String, String> badValue = Map.of("k", "");
        assertAwsError(() -> createWith("r", r -> r.attributes(badValue)), AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value '{k=}' at 'samplingRule.attributes' failed to satisfy "
                        + "constraint: Map value must satisfy constraint: [Member must have length less than or "
                        + "equal to 32, Member must have length greater than or equal to 1]");
        assertAwsError(() -> createWith("r", r -> r.samplingRateBoost(b -> b.maxRate(2.0))),
                AwsError.XRAY_INVALID_REQUEST, "2 validation errors detected: "
                        + "Value '2.0' at 'samplingRule.samplingRateBoost.maxRate' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1; "
                        + "Value null at 'samplingRule.samplingRateBoost.cooldownWindowMinutes' failed to satisfy "
                        + "constraint: Member must not be null");
        assertAwsError(() -> service.createSamplingRule(CTX, CreateSamplingRuleRequest.builder()
                        .samplingRule(rule("r", r -> { }))
                        .tags(Tag.builder().key("").value("v").build()).build()),
                AwsError.XRAY_INVALID_REQUEST, "1 validation error detected: Value '' at 'tags.1.member.key' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void appliesServiceRules() {
        assertAwsError(() -> createWith(null, r -> { }), AwsError.XRAY_INVALID_REQUEST, "RuleName is required");
        assertAwsError(() -> createWith("r", r -> r.version(2)), AwsError.XRAY_INVALID_REQUEST, "Version must be 1");
        assertAwsError(() -> createWith("r", r -> r.resourceARN("arn:aws:lambda:us-east-1:000000000000:function:f")),
                AwsError.XRAY_INVALID_REQUEST, "ResourceARN must be *");
    }

    @Test
    void limitsCustomRulesTo25() {
        for (int i = 0; i < SamplingRulesService.RULE_LIMIT; i++) {
            create(String.format("rule-%02d", i));
        }
        assertAwsError(() -> create("one-too-many"), AwsError.XRAY_RULE_LIMIT_EXCEEDED,
                "You have reached the maximum number of sampling rules.");
        // An updated (hence stored) Default rule does not count against the limit.
        service.deleteSamplingRule(CTX, DeleteSamplingRuleRequest.builder().ruleName("rule-00").build());
        update(u -> u.ruleName("Default").fixedRate(0.1));
        create("replacement");
        assertThat(all()).hasSize(SamplingRulesService.RULE_LIMIT + 1);
    }

    @Test
    void updatesOnlyTheGivenMembers() {
        create("checkout");
        fixture.clock.advance(Duration.ofMinutes(3));
        SamplingRuleRecord updated = update(u -> u.ruleName("checkout").priority(7).urlPath("/pay/*")
                .attributes(Map.of("tier", "gold")));
        assertThat(updated.samplingRule().priority()).isEqualTo(7);
        assertThat(updated.samplingRule().urlPath()).isEqualTo("/pay/*");
        assertThat(updated.samplingRule().attributes()).containsExactly(Map.entry("tier", "gold"));
        assertThat(updated.samplingRule().fixedRate()).isEqualTo(0.1);
        assertThat(updated.samplingRule().serviceName()).isEqualTo("checkout-service");
        assertThat(updated.createdAt()).isEqualTo(Fixture.START);
        assertThat(updated.modifiedAt()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(3)));

        SamplingRuleRecord byArn = update(u -> u.ruleARN(ARN_PREFIX + "checkout").reservoirSize(9));
        assertThat(byArn.samplingRule().reservoirSize()).isEqualTo(9);
        assertThat(byArn.samplingRule().priority()).isEqualTo(7);
        assertThat(all().get(1)).isEqualTo(byArn);
    }

    @Test
    void updateValidatesAndFindsTheRule() {
        assertAwsError(() -> service.updateSamplingRule(CTX, UpdateSamplingRuleRequest.builder().build()),
                AwsError.XRAY_INVALID_REQUEST, "1 validation error detected: Value null at 'samplingRuleUpdate' "
                        + "failed to satisfy constraint: Member must not be null");
        assertAwsError(() -> update(u -> u.priority(5)), AwsError.XRAY_INVALID_REQUEST,
                "RuleName or RuleARN is required");
        assertAwsError(() -> update(u -> u.ruleName("nope").priority(5)), AwsError.XRAY_INVALID_REQUEST,
                "SamplingRule does not exist");
        create("checkout");
        assertAwsError(() -> update(u -> u.ruleName("checkout").fixedRate(-0.5)), AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value '-0.5' at 'samplingRuleUpdate.fixedRate' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 0");
        assertAwsError(() -> update(u -> u.ruleName("checkout").resourceARN("arn:x")),
                AwsError.XRAY_INVALID_REQUEST, "ResourceARN must be *");
        assertAwsError(() -> update(u -> u.ruleName("checkout").ruleARN(ARN_PREFIX + "other")),
                AwsError.XRAY_INVALID_REQUEST, "RuleName and RuleARN do not refer to the same sampling rule");
        assertAwsError(() -> update(u -> u.ruleARN("arn:aws:xray:eu-west-1:000000000000:sampling-rule/checkout")
                        .priority(5)),
                AwsError.XRAY_INVALID_REQUEST, "SamplingRule does not exist");
    }

    @Test
    void defaultRuleTakesOnlyRateAndReservoirChanges() {
        fixture.clock.advance(Duration.ofHours(1));
        SamplingRuleRecord updated = update(u -> u.ruleName("Default").fixedRate(0.01).reservoirSize(0));
        assertThat(updated.samplingRule().fixedRate()).isEqualTo(0.01);
        assertThat(updated.samplingRule().reservoirSize()).isZero();
        assertThat(updated.samplingRule().priority()).isEqualTo(10000);
        assertThat(updated.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(updated.modifiedAt()).isEqualTo(Fixture.START.plus(Duration.ofHours(1)));
        assertThat(all().get(0)).isEqualTo(updated);

        assertAwsError(() -> update(u -> u.ruleName("Default").priority(9999)), AwsError.XRAY_INVALID_REQUEST,
                "Invalid update request for default sampling rule");
        assertAwsError(() -> update(u -> u.ruleARN(ARN_PREFIX + "Default").host("example.com")),
                AwsError.XRAY_INVALID_REQUEST, "Invalid update request for default sampling rule");
    }

    @Test
    void deletesByNameOrArnButNeverTheDefault() {
        create("a");
        create("b");
        SamplingRuleRecord deleted = service.deleteSamplingRule(CTX,
                DeleteSamplingRuleRequest.builder().ruleName("a").build()).samplingRuleRecord();
        assertThat(deleted.samplingRule().ruleName()).isEqualTo("a");
        service.deleteSamplingRule(CTX, DeleteSamplingRuleRequest.builder().ruleARN(ARN_PREFIX + "b").build());
        assertThat(all()).hasSize(1);
        assertAwsError(() -> service.deleteSamplingRule(CTX, DeleteSamplingRuleRequest.builder().ruleName("a").build()),
                AwsError.XRAY_INVALID_REQUEST, "SamplingRule does not exist");
        assertAwsError(() -> service.deleteSamplingRule(CTX,
                        DeleteSamplingRuleRequest.builder().ruleName("Default").build()),
                AwsError.XRAY_INVALID_REQUEST, "Cannot delete the default sampling rule");
        assertAwsError(() -> service.deleteSamplingRule(CTX, DeleteSamplingRuleRequest.builder().build()),
                AwsError.XRAY_INVALID_REQUEST, "RuleName or RuleARN is required");
    }

    @Test
    void pagesWithNextToken() {
        service = newService(2);
        for (String name : List.of("c", "a", "b")) {
            create(name);
        }
        GetSamplingRulesResponse first = service.getSamplingRules(CTX, GetSamplingRulesRequest.builder().build());
        assertThat(names(first)).containsExactly("Default", "a");
        GetSamplingRulesResponse second = service.getSamplingRules(CTX,
                GetSamplingRulesRequest.builder().nextToken(first.nextToken()).build());
        assertThat(names(second)).containsExactly("b", "c");
        assertThat(second.nextToken()).isNull();

        String tampered = first.nextToken().substring(1);
        assertAwsError(() -> service.getSamplingRules(CTX, GetSamplingRulesRequest.builder().nextToken(tampered).build()),
                AwsError.XRAY_INVALID_REQUEST, "Invalid NextToken");
    }

    @Test
    void pageEndingAtDefaultContinues() {
        service = newService(1);
        create("a");
        GetSamplingRulesResponse first = service.getSamplingRules(CTX, GetSamplingRulesRequest.builder().build());
        assertThat(names(first)).containsExactly("Default");
        GetSamplingRulesResponse second = service.getSamplingRules(CTX,
                GetSamplingRulesRequest.builder().nextToken(first.nextToken()).build());
        assertThat(names(second)).containsExactly("a");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void rulesSurviveARestart() throws IOException {
        createWith("checkout", r -> r.attributes(Map.of("tier", "gold")));
        update(u -> u.ruleName("Default").fixedRate(0.2));
        List<SamplingRuleRecord> before = all();
        fixture.restart();
        service = newService(100);
        assertThat(all()).isEqualTo(before);
    }

    @Test
    void rulesAreScopedByAccountAndRegion() {
        create("checkout");
        update(u -> u.ruleName("Default").fixedRate(0.5));
        RequestContext eu = context("000000000000", "eu-west-1", "xray", "Test");
        for (RequestContext other : List.of(context("111111111111", "us-east-1", "xray", "Test"), eu)) {
            List<SamplingRuleRecord> records = service.getSamplingRules(other,
                    GetSamplingRulesRequest.builder().build()).samplingRuleRecords();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).samplingRule().fixedRate()).isEqualTo(0.05);
        }
        assertThat(service.getSamplingRules(eu, GetSamplingRulesRequest.builder().build()).samplingRuleRecords()
                .get(0).samplingRule().ruleARN()).isEqualTo("arn:aws:xray:eu-west-1:000000000000:sampling-rule/Default");
        assertAwsError(() -> service.deleteSamplingRule(eu, DeleteSamplingRuleRequest.builder().ruleName("checkout")
                .build()), AwsError.XRAY_INVALID_REQUEST, "SamplingRule does not exist");
    }

    @Test
    void registersItsOperations() {
        assertThat(service.endpointPrefix()).isEqualTo("xray");
        assertThat(service.handlers().requestTypes()).containsExactlyInAnyOrder(GetSamplingRulesRequest.class,
                CreateSamplingRuleRequest.class, UpdateSamplingRuleRequest.class, DeleteSamplingRuleRequest.class);
    }

    private SamplingRulesService newService(int pageSize) {
        return new SamplingRulesService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS, pageSize);
    }

    private io.watchpost.store.StateTable<RuleRecord> rulesTable() {
        return fixture.journal.table("xray.samplingRules", RuleRecord.class);
    }

    private static SamplingRule rule(String name, Consumer<SamplingRule.Builder> customize) {
        SamplingRule.Builder builder = SamplingRule.builder().ruleName(name).resourceARN("*").priority(100)
                .fixedRate(0.1).reservoirSize(2).serviceName("checkout-service").serviceType("*").host("*")
                .httpMethod("POST").urlPath("/pay").version(1);
        customize.accept(builder);
        return builder.build();
    }

    private SamplingRuleRecord create(String name) {
        return createWith(name, r -> { });
    }

    private SamplingRuleRecord createWith(String name, Consumer<SamplingRule.Builder> customize) {
        return service.createSamplingRule(CTX, CreateSamplingRuleRequest.builder()
                .samplingRule(rule(name, customize)).build()).samplingRuleRecord();
    }

    private SamplingRuleRecord update(Consumer<SamplingRuleUpdate.Builder> update) {
        return service.updateSamplingRule(CTX, UpdateSamplingRuleRequest.builder()
                .samplingRuleUpdate(update).build()).samplingRuleRecord();
    }

    private List<SamplingRuleRecord> all() {
        return service.getSamplingRules(CTX, GetSamplingRulesRequest.builder().build()).samplingRuleRecords();
    }

    private static List<String> names(GetSamplingRulesResponse response) {
        return response.samplingRuleRecords().stream().map(r -> r.samplingRule().ruleName()).toList();
    }

    private static String nullAt(String member) {
        return "Value null at 'samplingRule." + member + "' failed to satisfy constraint: Member must not be null";
    }
}
