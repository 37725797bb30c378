package io.icpflow.regulator;

import java.util.List;

/**
 * What we send the communications administration for one filing.
 *
 * @param subjectNumber the subject's existing ICP number, for a new website of a filed subject; else null
 */
public record Submission(String filingId, String type, String province, String subjectKind, String subjectName,
                         String subjectIdNumber, String subjectNumber, String mobile, List<String> domains) {
}
