package io.icpflow.regulator;

import java.util.List;

/**
 * What we send the communications administration for one filing.
 *
 * @param subjectNumber the number the decision is about: the subject's for a new website, the kept one of a
 *                      transfer, the cancelled one of a cancellation; null for a new subject
 * @param smsPrincipals   whom MIIT texts before the CA decides (SUBJECT_PRINCIPAL, WEBSITE_PRINCIPAL; none: no SMS check)
 * @param awaitsSync      an approval is followed by MIIT's sync to us (not for a cancellation)
 */
public record Submission(String filingId, String type, String province, String subjectKind, String subjectName,
                         String subjectIdNumber, String subjectNumber, String mobile, List<String> domains,
                         List<String> smsPrincipals, boolean awaitsSync) {
}
