package io.icpflow.miitnotices;

import io.icpflow.process.Variable;

/**
 * The process API of {@code bpmn/number-cancelled.bpmn}: MIIT cancelled an ICP number (004). Started
 * by the notice, one instance per filing that held the number (business key = filing id).
 */
public final class NumberCancelledProcess {

    public static final String MESSAGE = "IcpNumberCancelled";

    private NumberCancelledProcess() {
    }

    public static final Variable<String> CANCELLED_NUMBER = Variable.string("cancelledNumber");
}
