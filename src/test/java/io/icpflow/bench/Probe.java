package io.icpflow.bench;

import io.icpflow.IcpApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;

public final class Probe {
    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IcpApplication.class, Bench.Counting.class).run(
                "--server.port=0", "--icp.data-dir=" + Files.createTempDirectory("probe"), "--icp.regulator.simulator.enabled=false",
                "--spring.mail.port=3041", "--logging.level.root=WARN")) {
            Seeder seeder = new Seeder(app);
            seeder.openReviews(Integer.parseInt(args[0]));
            org.springframework.jdbc.core.simple.JdbcClient jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            jdbc.sql("analyze").update();
            io.icpflow.api.Http http = new io.icpflow.api.Http(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            String filter = http.get("reviewer", "/engine-rest/filter?resourceType=Task&nameLike=Open%20reviews%25").json().get(0).get("id").asText();
            for (int i = 0; i < 8; i++) {
                long t = System.nanoTime();
                http.post("reviewer", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
                System.out.println("filter list " + (System.nanoTime() - t) / 1e6 + " ms");
            }
            for (int i = 1; i < args.length; i++) {
                jdbc.sql(args[i]).query(String.class).list().forEach(System.out::println);
            }
        }
        System.exit(0);
    }
}
