package io.icpflow.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class ApiTestConfiguration {

    public static final int SMTP_PORT = 3026;
    /** Where the API tests say which domains resolve elsewhere (the resolution port's fixture; absent: all to us). */
    public static final String RESOLUTION_FIXTURE = "target/api-tests/resolution.json";

    @Bean(destroyMethod = "stop")
    GreenMail apiSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** Counts its calls: an expression that reaches it was evaluated by the engine. */
    public static final class ExpressionCanary {
        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        public String touch() {
            calls.incrementAndGet();
            return "nobody";
        }

        public int calls() {
            return calls.get();
        }
    }

    @Bean
    ExpressionCanary expressionCanary() {
        return new ExpressionCanary();
    }
}
