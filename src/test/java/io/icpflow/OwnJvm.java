package io.icpflow;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that boots an app of its own (a restart, another profile, a second node, a process to
 * kill): Camunda keeps its engines in a static registry under one name, so it runs in a JVM of its
 * own and can never take the engine away from the shared API context (pom.xml: Failsafe's
 * {@code own-context} execution takes this tag, the default one leaves it out).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnJvm.TAG)
public @interface OwnJvm {
    String TAG = "own-jvm";
}
