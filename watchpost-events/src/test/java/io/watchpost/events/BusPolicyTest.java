package io.watchpost.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.events.BusPolicy.PutEventsCall;
import org.junit.jupiter.api.Test;

/** Bus policies as PutEvents evaluates them: principals, resources, conditions, Deny over Allow. */
class BusPolicyTest {
    private static final String BUS = "arn:aws:events:us-east-1:111111111111:event-bus/central";
    private static final PutEventsCall FROM_B = new PutEventsCall("222222222222",
            "arn:aws:iam::222222222222:user/bob", BUS, "orders", "OrderPlaced");

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String allow(String principal, String extra) {
        return "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"events:PutEvents\"" + extra + "}";
    }

    @Test
    void principalsMatchByAccountRootOrUserArn() {
        assertThat(BusPolicy.allowsPutEvents(policy(allow("{\"AWS\":\"222222222222\"}", "")), FROM_B)).isTrue();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("{\"AWS\":[\"333333333333\","
                + "\"arn:aws:iam::222222222222:root\"]}", "")), FROM_B)).isTrue();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("{\"AWS\":\"arn:aws:iam::222222222222:user/bob\"}", "")),
                FROM_B)).isTrue();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("{\"AWS\":\"333333333333\"}", "")), FROM_B)).isFalse();
        assertThat(BusPolicy.allowsPutEvents(null, FROM_B)).isFalse();
        assertThat(BusPolicy.allowsPutEvents("not json", FROM_B)).isFalse();
    }

    @Test
    void resourcesMustCoverTheBus() {
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"", ",\"Resource\":\"" + BUS + "\"")), FROM_B))
                .isTrue();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Resource\":\"arn:aws:events:us-east-1:111111111111:event-bus/*\"")), FROM_B)).isTrue();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Resource\":[\"arn:aws:events:us-east-1:111111111111:event-bus/other\"]")), FROM_B)).isFalse();
    }

    @Test
    void aMalformedConditionBlockAllowsNothing() {
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Condition\":{\"StringEquals\":\"aws:PrincipalAccount\"}")), FROM_B)).isFalse();
    }

    @Test
    void conditionsOnAccountSourceAndDetailType() {
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":[\"222222222222\"]}}")), FROM_B)).isTrue();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"333333333333\"}}")), FROM_B)).isFalse();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Condition\":{\"StringEquals\":{\"events:source\":\"orders\"},"
                        + "\"StringLike\":{\"events:detail-type\":\"Order*\"}}")), FROM_B)).isTrue();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Condition\":{\"StringNotEquals\":{\"events:source\":\"orders\"}}")), FROM_B)).isFalse();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}}")), FROM_B))
                .as("organization membership is unknown").isFalse();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Condition\":{\"NumericLessThan\":{\"aws:PrincipalAccount\":\"1\"}}")), FROM_B))
                .as("unknown operator").isFalse();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"",
                ",\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:PrincipalOrgID\":\"o-1\"}}")), FROM_B)).isTrue();
    }

    @Test
    void denyWins() {
        String deny = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"events:*\","
                + "\"Condition\":{\"StringEquals\":{\"events:source\":\"orders\"}}}";
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"", ""), deny), FROM_B)).isFalse();
        assertThat(BusPolicy.allowsPutEvents(policy(allow("\"*\"", ""), deny), new PutEventsCall("222222222222",
                null, BUS, "billing", "x"))).isTrue();
    }

    @Test
    void wildcardsMatchAsIamDoes() {
        assertThat(PolicyConditions.like("abc", "a*c")).isTrue();
        assertThat(PolicyConditions.like("abc", "a?c")).isTrue();
        assertThat(PolicyConditions.like("abc", "a?")).isFalse();
        assertThat(PolicyConditions.like("", "*")).isTrue();
        assertThat(PolicyConditions.like("axbxc", "a*b*c")).isTrue();
    }
}
