package io.icpflow.process;

import io.icpflow.EngineTest;
import io.icpflow.notification.MailDeliveryProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine writes {@link ProductHistoryLevel}'s history, and a database kept at Camunda's full level moves to it. */
@EngineTest
class ProductHistoryTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;

    @Test
    void theEngineRunsAtTheProductLevelAndStoresIt() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo(ProductHistoryLevel.NAME);
        assertThat(new JdbcTemplate(configuration.getDataSource())
                .queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class))
                .isEqualTo(String.valueOf(ProductHistoryLevel.ID));
    }

    @Test
    void aVariableKeepsItsLastValueInHistoryWithoutADetailRowPerWrite() {
        // any deployed process will do: it waits at its first async step, and the test removes it
        ProcessInstance instance = runtime.startProcessInstanceByKey(MailDeliveryProcess.KEY, UUID.randomUUID().toString(),
                Map.of("probe", "first"));
        runtime.setVariable(instance.getId(), "probe", "second");
        try {
            HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).variableName("probe").singleResult();
            assertThat(variable.getValue()).isEqualTo("second");
            assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isPositive();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).count())
                    .as("a created job is not logged").isZero();
        } finally {
            runtime.deleteProcessInstance(instance.getId(), "test done");
        }
    }

    @Test
    void aDatabaseAtCamundasFullLevelMovesToTheProductLevelAndANewOneIsLeftToTheEngine() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
        configuration.setDataSource(database);
        configuration.setHistory(ProductHistoryLevel.NAME);

        new ProductHistory().postInit(configuration);

        JdbcTemplate sql = new JdbcTemplate(database);
        sql.execute("create table ACT_GE_PROPERTY (NAME_ varchar(64) primary key, VALUE_ varchar(300), REV_ integer)");
        sql.update("insert into ACT_GE_PROPERTY values ('historyLevel', '3', 1)");
        new ProductHistory().postInit(configuration);
        assertThat(sql.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class))
                .isEqualTo(String.valueOf(ProductHistoryLevel.ID));

        sql.update("update ACT_GE_PROPERTY set VALUE_ = '2' where NAME_ = 'historyLevel'");
        new ProductHistory().postInit(configuration);
        assertThat(sql.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class))
                .as("another level is the engine's to refuse").isEqualTo("2");
    }
}
