package io.icpflow;

import jakarta.mail.util.StreamProvider;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

import javax.xml.datatype.DatatypeFactory;

/**
 * Names two factories that their APIs would otherwise look up through {@code ServiceLoader}, a scan
 * of every jar on the class path, on each use: Camunda creates a {@code DatatypeFactory} for every
 * timer duration and retry cycle it parses, and Jakarta Mail asks for its {@code StreamProvider}
 * several times for every message built, sent or read. The two scans were a tenth of the CPU of a
 * filing (bench/README.md). The classes named are the ones the scans find; a value set with
 * {@code -D} wins. Registered in {@code META-INF/spring.factories}, so it runs before anything starts.
 */
public class FactoryLookups implements ApplicationListener<ApplicationStartingEvent> {

    private static final String MAIL_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        setUnlessGiven(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        setUnlessGiven(StreamProvider.class.getName(), MAIL_STREAM_PROVIDER);
    }

    private static void setUnlessGiven(String property, String className) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, className);
        }
    }
}
