package io.icpflow.process;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers {@link ProductHistoryLevel}, which {@code camunda.bpm.history-level} selects, and moves a
 * database written at Camunda's {@code full} level to it: the engine refuses to start when the
 * level stored in the database differs from the configured one, and every row full history wrote is
 * still valid under this level, which only writes less.
 */
@Component
class ProductHistory extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProductHistory.class);
    private static final String FULL = String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId());

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new ProductHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
    }

    /** Runs after the configuration is built and before the engine checks the stored level. */
    @Override
    public void postInit(SpringProcessEngineConfiguration configuration) {
        if (!ProductHistoryLevel.NAME.equals(configuration.getHistory())) {
            return;
        }
        try {
            int moved = new JdbcTemplate(configuration.getDataSource()).update(
                    "update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?",
                    String.valueOf(ProductHistoryLevel.ID), FULL);
            if (moved > 0) {
                LOG.info("History level of this database moved from Camunda's full to {}", ProductHistoryLevel.NAME);
            }
        } catch (DataAccessException noEngineSchemaYet) {
            // a new database: the engine creates its tables and stores the configured level itself
        }
    }
}
