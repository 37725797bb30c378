package io.icpflow.analytics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Changes to the read model's rows (or the rows themselves, when rebuilt), before they are written. */
final class Tallies {

    /** One row's key; {@code createdOn} null in a sum over a range of days. */
    record Cell(LocalDate createdOn, Measure measure, String key1, String key2, int bucket) {

        static Cell of(LocalDate createdOn, Measure measure, String key1) {
            return new Cell(createdOn, measure, key1, "", 0);
        }

        Cell withoutDay() {
            return new Cell(null, measure, key1, key2, bucket);
        }
    }

    /** How many, and for a duration bin the sum of its durations. */
    record Tally(long count, double amount) {

        Tally plus(Tally other) {
            return new Tally(count + other.count, amount + other.amount);
        }
    }

    /** In the rows' key order, so that two transactions writing the same rows lock them in the same order. */
    private static final Comparator<Cell> ROW_ORDER = Comparator.comparing(Cell::createdOn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Cell::measure).thenComparing(Cell::key1).thenComparing(Cell::key2).thenComparingInt(Cell::bucket);

    private final Map<Cell, Tally> cells = new HashMap<>();

    void count(Cell cell, long delta) {
        add(cell, new Tally(delta, 0));
    }

    void add(Cell cell, Tally tally) {
        cells.merge(cell, tally, Tally::plus);
    }

    /** A duration: counted in its bin, with its amount. */
    void duration(LocalDate createdOn, Measure measure, String key1, String key2, double value) {
        add(new Cell(createdOn, measure, key1, key2, DurationBins.of(value)), new Tally(1, value));
    }

    /** The cells that change anything, in the rows' key order. */
    void forEach(BiConsumer<Cell, Tally> action) {
        cells.entrySet().stream()
                .filter(e -> e.getValue().count() != 0 || e.getValue().amount() != 0)
                .sorted(Map.Entry.comparingByKey(ROW_ORDER))
                .forEach(e -> action.accept(e.getKey(), e.getValue()));
    }

    /** Summed over the days, as {@link TallyStore#sum} reads them. */
    Map<Cell, Tally> overDays() {
        Map<Cell, Tally> sums = new HashMap<>();
        forEach((cell, tally) -> sums.merge(cell.withoutDay(), tally, Tally::plus));
        return sums;
    }

    int size() {
        return cells.size();
    }
}
