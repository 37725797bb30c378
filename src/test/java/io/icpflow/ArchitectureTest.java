package io.icpflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rooms of STYLE.md: the case kernel, its stages and families over shared infrastructure; beans by constructor. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.icpflow");

    private static final String[] INFRASTRUCTURE = {"io.icpflow.web..", "io.icpflow.calendar..", "io.icpflow.reference..",
            "io.icpflow.registry..", "io.icpflow.process..", "io.icpflow.notification..", "io.icpflow.security..",
            "io.icpflow.regulator..", "io.icpflow.rules..", "io.icpflow.cloud..", "io.icpflow.materials.."};
    private static final String[] STAGES = {"io.icpflow.providerstage..", "io.icpflow.regulatorreview..", "io.icpflow.syncwait.."};
    private static final String[] FAMILIES = {"io.icpflow.newfiling..", "io.icpflow.transfer..", "io.icpflow.cancellation..", "io.icpflow.change..",
            "io.icpflow.access..", "io.icpflow.miitnotices..", "io.icpflow.expiry..", "io.icpflow.calendarcoverage..",
            "io.icpflow.subjects.."};

    /**
     * Shared infrastructure below the case kernel, the kernel below the shared stages, the stages below
     * the filing families, analytics on top; each layer may use only the ones below it.
     */
    @Test
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Infrastructure").definedBy(INFRASTRUCTURE)
                .layer("Kernel").definedBy("io.icpflow.filing..")
                .layer("Stages").definedBy(STAGES)
                .layer("Families").definedBy(FAMILIES)
                .layer("Insight").definedBy("io.icpflow.analytics..", "io.icpflow.console..")
                .whereLayer("Insight").mayNotBeAccessedByAnyLayer()
                .whereLayer("Families").mayOnlyBeAccessedByLayers("Insight")
                .whereLayer("Stages").mayOnlyBeAccessedByLayers("Families", "Insight")
                .whereLayer("Kernel").mayOnlyBeAccessedByLayers("Stages", "Families", "Insight")
                .check(MAIN);
    }

    /**
     * The kernel is the filing case, not a process: a process API, a delegate or a task listener
     * belongs to the stage or family whose BPMN uses it (the kernel's beans in BPMN are the status
     * recorder, reasons, reminders, SLAs and the escalation listener, which every process shares).
     */
    @Test
    void theKernelHoldsNoProcessOfItsOwn() {
        noClasses().that().resideInAPackage("io.icpflow.filing..")
                .should().haveSimpleNameEndingWith("Process")
                .orShould().implement(JavaDelegate.class)
                .orShould().implement(TaskListener.class)
                .check(MAIN);
    }

    /** A family is a peer of the others: what two of them share belongs in a stage or the kernel. */
    @Test
    void familiesDoNotUseEachOther() {
        peersDoNotUseEachOther(FAMILIES);
    }

    /** The stages are called by the families, never by each other. */
    @Test
    void stagesDoNotUseEachOther() {
        peersDoNotUseEachOther(STAGES);
    }

    private static void peersDoNotUseEachOther(String[] peers) {
        for (String peer : peers) {
            String[] others = Arrays.stream(peers).filter(p -> !p.equals(peer)).toArray(String[]::new);
            noClasses().that().resideInAPackage(peer).should().dependOnClassesThat().resideInAnyPackage(others).check(MAIN);
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.icpflow.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The inbox keeps the log, idempotency and correlation; each feature declares its routes (NoticeRoute). */
    @Test
    void theRegulatorAdapterKnowsNoFeature() {
        noClasses().that().resideInAPackage("..regulator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.icpflow.filing..", "io.icpflow.providerstage..",
                        "io.icpflow.regulatorreview..", "io.icpflow.syncwait..", "io.icpflow.newfiling..", "io.icpflow.access..",
                        "io.icpflow.miitnotices..", "io.icpflow.transfer..", "io.icpflow.cancellation..", "io.icpflow.expiry..",
                        "io.icpflow.analytics..")
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
