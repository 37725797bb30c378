package io.icpflow.notification;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message (mails, reasons, reminders) exists in both languages of the product, and none is empty. */
class MessageBundlesTest {

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties chinese = load("i18n/messages_zh_CN.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
        for (Properties bundle : new Properties[]{english, chinese}) {
            assertThat(bundle.stringPropertyNames()).allSatisfy(key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
