package io.icpflow.materials;

import io.icpflow.calendar.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Hourly: uploads no filing used within their time (7 days), and deleted ones no filing uses any more, are removed. Idempotent. */
@Component
class MaterialCleanup {

    private static final Logger log = LoggerFactory.getLogger(MaterialCleanup.class);

    private final MaterialStore store;

    MaterialCleanup(MaterialStore store) {
        this.store = store;
    }

    @Scheduled(cron = "${icp.materials.cleanup-cron:0 15 * * * ?}")
    @Transactional
    public void removeExpired() {
        int removed = store.removeExpired(EngineClock.nowInChina());
        if (removed > 0) {
            log.info("Materials: removed {} uploads no filing uses", removed);
        }
    }
}
