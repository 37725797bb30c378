package io.icpflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs the engine tests on a real PostgreSQL when {@code -Dicp.test.database=postgres} (Maven's
 * second surefire execution does), on H2 otherwise: the same tests, the production database.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;
    /** Contexts using it: the last one to close stops it, after its own beans (the engine) are gone. */
    private static int users;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"postgres".equals(System.getProperty("icp.test.database"))) {
            return;
        }
        EmbeddedPostgres db = postgres();
        // registered first, so destroyed last: the engine's final metrics report still finds the database
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedPostgresUser", TestDatabase::release);
        TestPropertyValues.of(
                "spring.datasource.url=" + db.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres").applyTo(context);
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        users++;
        return postgres;
    }

    private static synchronized void release() throws IOException {
        if (--users == 0 && postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
