package io.icpflow.rules;

/** A rule table that cannot be trusted: the application does not start with it. */
public class RuleTableException extends RuntimeException {

    public RuleTableException(String file, String problem) {
        super("rules/" + file + ": " + problem);
    }
}
