package io.icpflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and type in one place, so that no delegate spells a variable
 * name as a raw string (the camunda-bpm-data idea, in the few lines we need).
 */
public final class Variable<T> {

    private final String name;
    private final Class<T> type;

    private Variable(String name, Class<T> type) {
        this.name = name;
        this.type = type;
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
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    @Override
    public String toString() {
        return name;
    }
}
