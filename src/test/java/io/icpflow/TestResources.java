package io.icpflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.calendar.EngineClock;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cloud resources of the test applicants, as the fixture of API.md ({@code --icp.resources.fixture}),
 * written with dates relative to today: many eligible ECS instances for alice and bob (the tests file
 * hundreds of websites, five numbers each), and one of each kind that gives no number, or an expiring one.
 */
public class TestResources implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final Path FILE = Path.of("target", "test-fixtures", "resources.json");
    public static final int INSTANCES = 250;
    public static final String PAY_AS_YOU_GO = "i-alice-payg";
    public static final String SHORT_TERM = "i-alice-2-months";
    public static final String NO_PUBLIC_IP = "i-alice-no-ip";
    public static final String ABROAD = "i-alice-hongkong";
    public static final String EXPIRING = "i-alice-expiring";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        write();
        TestPropertyValues.of("icp.resources.fixture=" + FILE).applyTo(context);
    }

    public static synchronized void write() {
        LocalDate today = EngineClock.todayInChina();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String owner : List.of("alice", "bob")) {
            for (int n = 1; n <= INSTANCES; n++) {
                resources.add(resource(String.format("i-%s-%03d", owner, n), owner, n % 2 == 0 ? "cn-shanghai" : "cn-hangzhou",
                        "SUBSCRIPTION", 12, today.plusYears(1), true));
            }
        }
        resources.add(resource(PAY_AS_YOU_GO, "alice", "cn-hangzhou", "PAY_AS_YOU_GO", 12, today.plusYears(1), true));
        resources.add(resource(SHORT_TERM, "alice", "cn-hangzhou", "SUBSCRIPTION", 2, today.plusMonths(2), true));
        resources.add(resource(NO_PUBLIC_IP, "alice", "cn-hangzhou", "SUBSCRIPTION", 12, today.plusYears(1), false));
        resources.add(resource(ABROAD, "alice", "cn-hongkong", "SUBSCRIPTION", 12, today.plusYears(1), true));
        resources.add(resource(EXPIRING, "alice", "cn-hangzhou", "SUBSCRIPTION", 12, today.plusDays(10), true));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, new ObjectMapper().writeValueAsString(resources));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> resource(String id, String owner, String region, String billing, int months, LocalDate expires,
                                                boolean publicIp) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("owner", owner);
        r.put("product", "ECS");
        r.put("region", region);
        r.put("billing", billing);
        r.put("purchasedMonths", months);
        r.put("expiresOn", expires.toString());
        r.put("publicIp", publicIp);
        return r;
    }
}
