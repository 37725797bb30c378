package io.icpflow;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.icpflow.filing.FilingStatus;
import io.icpflow.filing.ReasonCode;
import io.icpflow.filing.Sla;
import io.icpflow.process.Variable;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expression of bpmn/ against the code: each name it starts from is a bean (its class's name)
 * or a variable some process API declares (a {@link Variable} constant), never both; each value a
 * variable is compared with is one of its enum's; each status, SLA, reason, reminder and message a
 * bean is called with exists; each SLA timer's label states the SLA it counts.
 */
class BpmnExpressionsTest {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}");
    /** A name an expression starts from: not after a dot, not inside quotes, not a keyword. */
    private static final Pattern ROOT = Pattern.compile("(?<![.\\w'])([a-zA-Z_]\\w*)");
    private static final Set<String> EL = Set.of("execution", "task", "true", "false", "null", "empty", "not", "and", "or",
            "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final Pattern COMPARISON = Pattern.compile("(\\w+)\\s*(?:==|!=)\\s*'(\\w+)'");
    private static final Pattern CALL = Pattern.compile("(\\w+\\.\\w+)\\((?:execution|task)?,?\\s*'(\\w+)'");

    private static Set<String> beans;
    private static Map<String, Variable<?>> variables;
    private static Set<String> messages;
    private static Properties bundle;
    private static Properties bundleZh;
    private static List<String> expressions;

    @BeforeAll
    static void read() throws Exception {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.icpflow");
        beans = main.stream()
                .filter(c -> c.isAnnotatedWith(Component.class) || c.isAnnotatedWith(Service.class)
                        || c.isAnnotatedWith(Repository.class) || c.isAnnotatedWith(Configuration.class))
                .map(c -> Character.toLowerCase(c.getSimpleName().charAt(0)) + c.getSimpleName().substring(1))
                .collect(Collectors.toSet());
        variables = new HashMap<>();
        for (JavaClass type : main) {
            for (Field field : Class.forName(type.getName()).getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class) {
                    field.setAccessible(true);
                    Variable<?> variable = (Variable<?>) field.get(null);
                    Variable<?> earlier = variables.put(variable.name(), variable);
                    assertThat(earlier == null || earlier.allowedValues().equals(variable.allowedValues()))
                            .as("variable " + variable.name() + " declared twice with different values").isTrue();
                }
            }
        }
        messages = new HashSet<>();
        expressions = new ArrayList<>();
        for (Path file : BpmnConventionsTest.models()) {
            Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
            Matcher m = EXPRESSION.matcher(unescape(Files.readString(file)));
            while (m.find()) {
                expressions.add(m.group(1));
            }
        }
        bundle = bundle("i18n/messages.properties");
        bundleZh = bundle("i18n/messages_zh_CN.properties");
    }

    @Test
    void everyNameIsABeanOrADeclaredVariable() {
        assertThat(expressions).hasSizeGreaterThan(50);
        for (String expression : expressions) {
            Matcher m = ROOT.matcher(expression.replaceAll("'[^']*'", "''"));
            while (m.find()) {
                String name = m.group(1);
                if (EL.contains(name)) {
                    continue;
                }
                boolean bean = beans.contains(name);
                boolean variable = variables.containsKey(name);
                assertThat(bean || variable).as("'" + name + "' in ${" + expression + "} is neither a bean nor a declared variable").isTrue();
                assertThat(bean && variable).as("'" + name + "' is both a bean and a variable").isFalse();
            }
        }
    }

    @Test
    void comparedValuesAreTheVariablesEnumValues() {
        int compared = 0;
        for (String expression : expressions) {
            Matcher m = COMPARISON.matcher(expression);
            while (m.find()) {
                Variable<?> variable = variables.get(m.group(1));
                assertThat(variable).as(m.group(1) + " is a declared variable").isNotNull();
                assertThat(variable.allowedValues()).as(m.group(1) + " is declared with Variable.enumName").isNotEmpty()
                        .as("${" + expression + "}").contains(m.group(2));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(6);
    }

    @Test
    void everyStatusSlaReasonReminderAndMessageExists() {
        Map<String, Predicate<String>> known = Map.of(
                "filingStatusRecorder.change", names(FilingStatus.values()),
                "slas.due", names(Sla.values()),
                "escalationListener.opened", names(Sla.values()),
                "filingReasons.set", names(ReasonCode.values()),
                "filingReminders.send", key -> bundle.containsKey("mail.reminder." + key) && bundleZh.containsKey("mail.reminder." + key),
                "filingReminders.sendAbout", key -> bundle.containsKey("mail.reminder." + key) && bundleZh.containsKey("mail.reminder." + key),
                "noticeGate.verify", messages::contains);
        Set<String> seen = new HashSet<>();
        for (String expression : expressions) {
            Matcher m = CALL.matcher(expression);
            while (m.find()) {
                Predicate<String> exists = known.get(m.group(1));
                assertThat(exists).as("a check for the argument of " + m.group(1)).isNotNull();
                assertThat(exists.test(m.group(2))).as("${" + expression + "}: '" + m.group(2) + "' exists").isTrue();
                seen.add(m.group(1));
            }
        }
        assertThat(seen).containsAll(known.keySet());
    }

    @Test
    void everySlaTimerIsLabelledWithItsLimit() throws IOException {
        Set<Sla> timed = java.util.EnumSet.noneOf(Sla.class);
        for (Path file : BpmnConventionsTest.models()) {
            for (TimerEventDefinition timer : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(TimerEventDefinition.class)) {
                String due = timer.getTimeDate() == null ? "" : timer.getTimeDate().getTextContent();
                Matcher m = Pattern.compile("slas\\.due\\(execution, '(\\w+)'\\)").matcher(due);
                if (!m.find()) {
                    continue;
                }
                Sla sla = Sla.valueOf(m.group(1));
                String label = ((org.camunda.bpm.model.bpmn.instance.FlowElement) timer.getParentElement()).getName();
                String unit = switch (sla.unit()) {
                    case BUSINESS_DAYS -> sla.amount() == 1 ? " business day" : " business days";
                    case HOURS -> " hours";
                    case DAYS -> " days";
                };
                assertThat(label).as(file + ": the label of the timer counting " + sla).contains(sla.amount() + unit);
                timed.add(sla);
            }
        }
        // every limit is kept by a timer (the 45-day close by two: the correction's and the verification's wait)
        assertThat(timed).containsExactlyInAnyOrder(Sla.values());
    }

    private static Predicate<String> names(Enum<?>[] values) {
        Set<String> names = Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
        return names::contains;
    }

    private static String unescape(String xml) {
        return xml.replace("&#39;", "'").replace("&amp;", "&").replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"");
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = BpmnExpressionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
