package io.watchpost.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Condition;
import software.amazon.awssdk.services.eventbridge.model.PutPermissionRequest;
import software.amazon.awssdk.services.eventbridge.model.RemovePermissionRequest;

class BusPermissionsTest {
    static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    static PutPermissionRequest.Builder allow(String sid, String principal) {
        return PutPermissionRequest.builder().action("events:PutEvents").principal(principal).statementId(sid);
    }

    @Test
    void statementsAccumulateAndReplaceBySid() {
        String one = BusPermissions.put(SCOPE, "default", Optional.empty(), allow("a", "111111111111").build());
        String two = BusPermissions.put(SCOPE, "default", Optional.of(one), allow("b", "*")
                .condition(Condition.builder().type("StringEquals").key("aws:PrincipalOrgID").value("o-1").build()).build());
        assertThat(two).contains("\"Sid\":\"a\"").contains("\"Sid\":\"b\",\"Effect\":\"Allow\",\"Principal\":\"*\"")
                .contains("\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}}");
        assertThat(BusPolicy.allowsPutEvents(two, "111111111111")).isTrue();
        assertThat(BusPolicy.allowsPutEvents(two, "222222222222")).as("org condition never matches").isFalse();
        String again = BusPermissions.put(SCOPE, "default", Optional.of(two), allow("a", "222222222222").build());
        assertThat(BusPolicy.allowsPutEvents(again, "111111111111")).isFalse();
        assertThat(BusPolicy.allowsPutEvents(again, "222222222222")).isTrue();
    }

    @Test
    void removeDropsTheStatementAndThePolicyWhenEmpty() {
        String policy = BusPermissions.put(SCOPE, "default", Optional.empty(), allow("a", "111111111111").build());
        assertThat(BusPermissions.remove(Optional.of(policy), RemovePermissionRequest.builder().statementId("a").build()))
                .isEmpty();
        assertThatThrownBy(() -> BusPermissions.remove(Optional.of(policy),
                RemovePermissionRequest.builder().statementId("zz").build())).isInstanceOf(AwsException.class)
                .hasMessage("Statement with the provided id does not exist.");
        assertThat(BusPermissions.remove(Optional.of(policy),
                RemovePermissionRequest.builder().removeAllPermissions(true).build())).isEmpty();
    }

    @Test
    void removingFromABusWithoutPolicySaysSo() {
        assertThatThrownBy(() -> BusPermissions.remove(Optional.empty(),
                RemovePermissionRequest.builder().statementId("a").build())).isInstanceOf(AwsException.class)
                .hasMessage("EventBus does not have a policy.");
        assertThat(BusPermissions.remove(Optional.empty(),
                RemovePermissionRequest.builder().removeAllPermissions(true).build())).isEmpty();
    }

    @Test
    void onlyPutEventsIsAnAction() {
        assertThatThrownBy(() -> BusPermissions.put(SCOPE, "default", Optional.empty(),
                allow("a", "111111111111").action("events:Other").build())).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> BusPermissions.put(SCOPE, "default", Optional.empty(),
                allow("a", "12").build())).isInstanceOf(AwsException.class);
    }
}
