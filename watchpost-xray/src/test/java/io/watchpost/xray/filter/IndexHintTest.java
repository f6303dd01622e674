package io.watchpost.xray.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexHintTest {
    private static Optional<IndexHint> hint(String expression) {
        return FilterExpression.compile(expression).indexHint();
    }

    @Test
    void servicesAndEdgesNameServiceNodes() {
        assertThat(hint("service(\"api\")")).contains(new IndexHint.Service("api"));
        assertThat(hint("service(id(name: \"api\", type: \"AWS::EC2::Instance\")) { fault }"))
                .contains(new IndexHint.Service("api"));
        assertThat(hint("edge(\"api\", \"db\")")).contains(new IndexHint.AllOf(
                List.of(new IndexHint.Service("api"), new IndexHint.Service("db"))));
        assertThat(hint("edge(id(type: \"client\"), \"db\")")).contains(new IndexHint.Service("db"));
        assertThat(hint("service()")).isEmpty();
        assertThat(hint("service(id(type: \"remote\"))")).isEmpty();
    }

    @Test
    void annotationsNameTheirKeyAndEqualityItsValue() {
        assertThat(hint("annotation.customer = \"alice\""))
                .contains(new IndexHint.AnnotationEquals("customer", "alice"));
        assertThat(hint("annotation.retries = -0")).contains(new IndexHint.AnnotationEquals("retries", 0.0));
        assertThat(hint("annotation.vip = true")).contains(new IndexHint.AnnotationEquals("vip", true));
        assertThat(hint("annotation.retries > 2")).contains(new IndexHint.AnnotationKey("retries"));
        assertThat(hint("annotation.customer != \"bob\"")).contains(new IndexHint.AnnotationKey("customer"));
        assertThat(hint("annotation.customer")).contains(new IndexHint.AnnotationKey("customer"));
    }

    @Test
    void andKeepsTheHintsItHasOrNeedsOneOnEverySide() {
        assertThat(hint("fault AND service(\"api\") AND annotation.k = 1")).contains(new IndexHint.AllOf(List.of(
                new IndexHint.Service("api"), new IndexHint.AnnotationEquals("k", 1.0))));
        assertThat(hint("responsetime > 1 service(\"api\")")).contains(new IndexHint.Service("api"));
        assertThat(hint("service(\"a\") OR annotation.k")).contains(new IndexHint.AnyOf(List.of(
                new IndexHint.Service("a"), new IndexHint.AnnotationKey("k"))));
        assertThat(hint("service(\"a\") OR fault")).isEmpty();
        assertThat(hint("!service(\"a\")")).isEmpty();
        assertThat(hint("fault")).isEmpty();
        assertThat(hint("")).isEmpty();
    }
}
