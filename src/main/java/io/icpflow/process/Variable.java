package io.icpflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A process variable with its name and type in one place, so that no delegate spells a variable
 * name as a raw string (the camunda-bpm-data idea, in the few lines we need).
 */
public final class Variable<T> {

    /** Camunda keeps a String variable in a 4,000-character column; a longer one fails the transaction. */
    static final int STRING_COLUMN = 4000;

    private final String name;
    private final Class<T> type;
    private final boolean display;
    private final Set<String> allowed;

    private Variable(String name, Class<T> type, boolean display, Set<String> allowed) {
        this.name = name;
        this.type = type;
        this.display = display;
        this.allowed = allowed;
    }

    private Variable(String name, Class<T> type) {
        this(name, type, false, Set.of());
    }

    /**
     * A String variable that holds the name of one of {@code values} ({@code ${precheckOutcome == 'FAILED'}}
     * in the BPMN): the BPMN check (BpmnExpressionsTest) holds every compared value against the enum.
     */
    public static <E extends Enum<E>> Variable<String> enumName(String name, Class<E> values) {
        return new Variable<>(name, String.class, false,
                Arrays.stream(values.getEnumConstants()).map(Enum::name).collect(Collectors.toUnmodifiableSet()));
    }

    /** The names a variable of {@link #enumName} may hold; empty: any value of its type. */
    public Set<String> allowedValues() {
        return allowed;
    }

    /**
     * Text a form shows a person (summaries, findings): cut at a line to fit Camunda's column, with
     * the number of lines left out, instead of failing the step for a large application.
     */
    public static Variable<String> displayText(String name) {
        return new Variable<>(name, String.class, true, Set.of());
    }

    static String fit(String text) {
        if (text == null || text.length() <= STRING_COLUMN) {
            return text;
        }
        String kept = text.substring(0, STRING_COLUMN - 100);
        int lastLine = kept.lastIndexOf('\n');
        if (lastLine > 0) {
            kept = kept.substring(0, lastLine);
        }
        long omitted = text.substring(kept.length()).lines().filter(line -> !line.isBlank()).count();
        return kept + "\n… " + omitted + " more line(s) not shown here";
    }

    public static Variable<String> string(String name) {
        return new Variable<>(name, String.class);
    }

    public static Variable<Boolean> bool(String name) {
        return new Variable<>(name, Boolean.class);
    }

    public static Variable<Integer> integer(String name) {
        return new Variable<>(name, Integer.class);
    }

    public String name() {
        return name;
    }

    public T get(VariableScope scope) {
        return type.cast(scope.getVariable(name));
    }

    public T getOrDefault(VariableScope scope, T fallback) {
        T value = get(scope);
        return value == null ? fallback : value;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, fitted(value));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, fitted(value));
    }

    private Object fitted(T value) {
        return display ? fit((String) value) : value;
    }

    @Override
    public String toString() {
        return name;
    }
}
