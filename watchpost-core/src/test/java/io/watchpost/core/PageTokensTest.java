package io.watchpost.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageTokensTest {
    private final PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(UTF_8));

    @Test
    void roundTripsAPosition() {
        String token = tokens.encode("000000000000/us-east-1/my-group");
        assertThat(token).doesNotContain("my-group");
        assertThat(tokens.decode(token)).contains("000000000000/us-east-1/my-group");
    }

    @Test
    void rejectsTamperedTruncatedAndForeignTokens() {
        String token = tokens.encode("position-1");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[3] ^= 1;
        assertThat(tokens.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
        assertThat(tokens.decode(token.substring(0, token.length() - 2))).isEmpty();
        assertThat(tokens.decode("not a token!")).isEmpty();
        assertThat(tokens.decode("")).isEmpty();
        assertThat(tokens.decode(null)).isEmpty();
        PageTokens other = new PageTokens("another-key-of-16-bytes".getBytes(UTF_8));
        assertThat(other.decode(token)).isEmpty();
    }
}
