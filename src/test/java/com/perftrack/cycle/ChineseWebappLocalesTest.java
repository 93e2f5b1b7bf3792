package com.perftrack.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our zh.json for each Camunda webapp (src/main/resources/META-INF/resources/webjars/camunda/app/)
 * against the webjar's en.json on the class path. zh is also the fallback locale (config.js), and
 * angular-translate shows the raw key for a key missing from the fallback, so every key must be
 * there. Every text is translated (a few read the same in Chinese); placeholders ({{name}}) and
 * HTML tags must survive translation.
 */
class ChineseWebappLocalesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER_OR_TAG = Pattern.compile("\\{\\{\\s*\\w+\\s*}}|</?(a|br|strong|em|b|i|span|code|p|ul|li)\\b[^>]*>");
    /** Texts that read the same in Chinese: symbols, names, identifiers. */
    private static final Set<String> SAME_IN_CHINESE = Set.of("", "<", "<=", ">", ">=", "<null>", "<undefined>", "null",
            "Camunda", "ID", "ID*", "Optimize", "CSV", "JSON", "XML", "BPMN", "DMN", "CMMN", "YYYY-MM-DDTHH:mm:ss", "Worker ID");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void zh_has_every_key_of_the_webjars_english_and_keeps_placeholders_and_tags(String app) throws IOException {
        JsonNode en = read(APP + app + "/locales/en.json");
        JsonNode zh = read(APP + app + "/locales/zh.json");

        assertThat(keys(zh, "")).as("keys of %s zh.json", app).isEqualTo(keys(en, ""));
        List<String> broken = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = en.get("labels").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> label = it.next();
            String english = label.getValue().asText();
            String chinese = zh.get("labels").get(label.getKey()).asText();
            if (!tokens(english).equals(tokens(chinese))) {
                broken.add(label.getKey() + ": " + english + " => " + chinese);
            }
            if (chinese.equals(english) && !SAME_IN_CHINESE.contains(english)) {
                untranslated.add(label.getKey());
            }
        }
        assertThat(broken).as("placeholders or tags lost in %s zh.json", app).isEmpty();
        assertThat(untranslated).as("%s texts still in English", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void chinese_is_offered_and_the_fallback_and_the_end_of_life_banner_is_hidden(String app) throws IOException {
        String config = text(APP + app + "/scripts/config.js");
        assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'")
                .contains("customScripts: ['../ptc/locale']");
        assertThat(text(APP + app + "/styles/user-styles.css")).containsPattern("\\.ce-eol-banner \\{\\s*display: none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "cockpit"})
    void dates_are_iso_and_times_have_24_hours(String app) throws IOException {
        JsonNode formats = read(APP + app + "/locales/zh.json").get("dateLocales").get("longDateFormat");
        assertThat(formats.get("L").asText()).isEqualTo("YYYY-MM-DD");
        assertThat(formats.get("LT").asText()).isEqualTo("HH:mm");
        assertThat(formats.get("LLL").asText()).isEqualTo("YYYY-MM-DD HH:mm");
    }

    private static List<String> tokens(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER_OR_TAG.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("\\s", ""));
        }
        found.sort(null);
        return found;
    }

    private static Set<String> keys(JsonNode node, String path) {
        Set<String> keys = new TreeSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                keys.add(path + name);
                keys.addAll(keys(node.get(name), path + name + "."));
            });
        }
        return keys;
    }

    private static JsonNode read(String resource) throws IOException {
        return JSON.readTree(text(resource).replace("\uFEFF", ""));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = ChineseWebappLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
