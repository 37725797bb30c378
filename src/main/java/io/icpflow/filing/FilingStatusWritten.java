package io.icpflow.filing;

/**
 * A filing's status as it was just written, inside the writing transaction (so what listens to it
 * commits or rolls back with the change): a new filing ({@code previous} null) or a status change,
 * whose timeline entry is written already.
 */
public record FilingStatusWritten(Filing filing, FilingStatus previous) {

    public boolean isNew() {
        return previous == null;
    }
}
