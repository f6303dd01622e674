package io.watchpost.cloudtrail.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventKeyTest {
    @Test
    void roundTrips() {
        EventKey key = new EventKey("123456789012", "eu-west-1", "id", "PutDashboard", "monitoring.amazonaws.com",
                "AKIA", "bob", true, false, List.of(new ResourceRef("AWS::CloudWatch::Dashboard", "ops é")));
        assertThat(EventKey.decode(key.encode())).isEqualTo(key);
        EventKey bare = new EventKey("1", "r", "", "", "", "", "", false, true, List.of());
        assertThat(EventKey.decode(bare.encode())).isEqualTo(bare);
    }

    @Test
    void refusesForeignBytes() {
        assertThatThrownBy(() -> EventKey.decode(new byte[] {9})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventKey.decode(new byte[] {1, 0})).isInstanceOf(IllegalArgumentException.class);
    }
}
