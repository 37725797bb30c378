package io.icpflow.process;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

import java.util.Set;

/**
 * Camunda's {@code full} history without the three kinds of rows nobody here reads, each written on
 * every filing's hot path (bench/README.md): the detail row of every variable write
 * ({@code ACT_HI_DETAIL}; {@code ACT_HI_VARINST} keeps each variable's last value, and a filing's
 * own timeline keeps what happened to it), and the job log's created, succeeded and deleted entries
 * ({@code ACT_HI_JOB_LOG}: one of each for every timer, async step and mail; CE's Cockpit shows no
 * job log). Everything else stays: process, activity, task, variable and decision history,
 * incidents, identity links, the user operation log, and every failed job attempt with its
 * exception, so an SMTP outage can still be read afterwards.
 */
public final class ProductHistoryLevel extends AbstractHistoryLevel {

    /** {@code camunda.bpm.history-level} names it. */
    public static final String NAME = "icp-full";

    /** Stored in {@code ACT_GE_PROPERTY}; Camunda's own levels are 0 to 3. */
    public static final int ID = 31;

    private static final Set<HistoryEventType> LEFT_OUT = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !LEFT_OUT.contains(eventType);
    }
}
