package io.icpflow.filing;

import io.icpflow.process.Variable;

/**
 * What every filing type's process shares with the kernel: the business key is the filing id, the
 * variable {@code filingId} carries it into called stages, and the applicant's two commands arrive
 * as these messages, whichever stage subscribes to them.
 */
public final class FilingCase {

    public static final Variable<String> FILING_ID = Variable.string("filingId");

    private FilingCase() {
    }

    public static final class Messages {
        /** The applicant's corrected application, after a return or a CA rejection. */
        public static final String RESUBMITTED = "ApplicationResubmitted";
        /** Allowed only while the provider has the filing (FilingStatus.acceptsWithdrawal). */
        public static final String WITHDRAWAL_REQUESTED = "WithdrawalRequested";

        private Messages() {
        }
    }
}
