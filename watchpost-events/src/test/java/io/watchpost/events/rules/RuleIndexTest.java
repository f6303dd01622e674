package io.watchpost.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchpost.core.Scope;
import io.watchpost.events.pattern.EventPattern;
import org.junit.jupiter.api.Test;

class RuleIndexTest {
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    private static JsonNode event(String source, String detailType) {
        return EventJson.parse("{\"source\":\"" + source + "\",\"detail-type\":\"" + detailType + "\",\"detail\":{}}")
                .orElseThrow();
    }

    @Test
    void partitionsByExactSourceAndDetailTypeWithoutChangingMatches() {
        RuleIndex index = new RuleIndex();
        index.put("a", SCOPE, "default", EventPattern.compile("{\"source\":[\"s1\",\"s2\"]}"));
        index.put("b", SCOPE, "default", EventPattern.compile("{\"detail-type\":[\"t1\"]}"));
        index.put("c", SCOPE, "default", EventPattern.compile("{\"source\":[{\"prefix\":\"s\"}]}"));
        index.put("d", SCOPE, "default", EventPattern.compile("{\"$or\":[{\"source\":[\"s1\"]},{\"detail-type\":[\"t2\"]}]}"));
        index.put("e", SCOPE, "other", EventPattern.compile("{\"source\":[\"s1\"]}"));
        assertThat(index.match(SCOPE, "default", "s1", "t1", event("s1", "t1"))).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(index.match(SCOPE, "default", "s2", "t2", event("s2", "t2"))).containsExactlyInAnyOrder("a", "c", "d");
        assertThat(index.match(SCOPE, "default", "x", "t9", event("x", "t9"))).isEmpty();
        index.put("a", SCOPE, "default", EventPattern.compile("{\"source\":[\"s3\"]}"));
        assertThat(index.match(SCOPE, "default", "s1", "t9", event("s1", "t9"))).containsExactlyInAnyOrder("c", "d");
        index.remove("c");
        index.remove("d");
        index.remove("b");
        index.remove("a");
        assertThat(index.partitions()).isEqualTo(1); // only bus "other" remains
    }
}
