package io.icpflow.rules;

import java.util.List;

/**
 * One table of dated rows about one question (the CA's review limit, the approved domain suffixes …),
 * read from {@code rules/<name>.json}.
 *
 * @param kind {@link Kind#SINGLE}: on a day, a province has one row in force (its own, else the national
 *             one); {@link Kind#LIST}: every row in force counts (each lists some of the items)
 */
public record RuleTable(String name, String title, String titleZh, String about, Kind kind, ValueType valueType, List<Rule> rows) {

    public enum Kind { SINGLE, LIST }

    /** What a row's {@code value} holds; checked when the table is loaded. */
    public enum ValueType { INTEGER, SUFFIXES, OBJECT }
}
