package io.icpflow.regulator;

import java.util.List;

/**
 * What we send the communications administration for one filing.
 *
 * @param subjectNumber the number the decision is about: the subject's for a new website, the kept one of a
 *                      transfer, the cancelled one of a cancellation; null for a new subject
 */
public record Submission(String filingId, String type, String province, String subjectKind, String subjectName,
                         String subjectIdNumber, String subjectNumber, String mobile, List<String> domains) {
}
