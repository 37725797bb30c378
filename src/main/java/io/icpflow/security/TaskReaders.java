package io.icpflow.security;

/**
 * A team reads every task of a process definition (all of them are its own): one READ_TASK grant on
 * the definition, instead of a READ row per task. Declared by the feature that owns the process.
 */
public record TaskReaders(String group, String processDefinitionKey) {
}
