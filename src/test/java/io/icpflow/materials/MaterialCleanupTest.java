package io.icpflow.materials;

import io.icpflow.EngineTest;
import io.icpflow.TestData;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An upload no filing uses is gone after 7 days; one a filing uses never expires, even when its owner deleted it. */
@EngineTest
class MaterialCleanupTest {

    @Autowired MaterialService materials;
    @Autowired MaterialStore store;
    @Autowired MaterialCleanup cleanup;

    @Test
    void unusedUploadsExpireAndUsedOnesStay() {
        Material unused = materials.upload("alice", "ID_CARD_FRONT", null, "a.png", TestData.PNG);
        Material used = materials.upload("alice", "ID_CARD_BACK", null, "b.png", TestData.PNG);
        Material deletedButUsed = materials.upload("alice", "BUSINESS_LICENSE", null, "c.png", TestData.PNG);
        Material deleted = materials.upload("alice", "WEBSITE_PLAN", null, "d.png", TestData.PNG);
        String filing = UUID.randomUUID().toString();
        store.useFor(filing, java.util.List.of(used.id(), deletedButUsed.id()));
        materials.delete("alice", deletedButUsed.id());
        materials.delete("alice", deleted.id());

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(6))));
        cleanup.removeExpired();
        assertThat(store.find(unused.id())).as("six days: still there").isPresent();
        assertThat(store.find(deleted.id())).as("deleted and unused: gone at once").isEmpty();

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
        cleanup.removeExpired();
        assertThat(store.find(unused.id())).as("eight days, no filing: gone").isEmpty();
        assertThat(store.find(used.id())).isPresent().hasValueSatisfying(m -> assertThat(m.expiresAt()).isNull());
        assertThat(store.find(deletedButUsed.id())).isPresent();
        assertThat(materials.readable(deletedButUsed.id(), "reviewer", true).id()).isEqualTo(deletedButUsed.id());
    }
}
