package io.icpflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rooms of STYLE.md: features beside shared infrastructure, beans by constructor. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.icpflow");

    @Test
    void sharedInfrastructureDoesNotReachIntoFeatures() {
        noClasses().that().resideInAnyPackage("..calendar..", "..reference..", "..registry..", "..notification..",
                        "..web..", "..process..", "..security..")
                .should().dependOnClassesThat().resideInAnyPackage("..filing..", "..syncwait..")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.icpflow.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The inbox keeps the log, idempotency and correlation; each feature declares its routes (NoticeRoute). */
    @Test
    void theRegulatorAdapterKnowsNoFeature() {
        noClasses().that().resideInAPackage("..regulator..")
                .should().dependOnClassesThat().resideInAnyPackage("..filing..", "..syncwait..", "..access..", "..notices..",
                        "..transfer..", "..cancellation..", "..expiry..", "..analytics..")
                .check(MAIN);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).check(MAIN);
    }

    @Test
    void delegatesAndListenersAreBeans() {
        classes().that().implement(JavaDelegate.class).or().implement(TaskListener.class)
                .should().beAnnotatedWith(Component.class)
                .check(MAIN);
    }
}
