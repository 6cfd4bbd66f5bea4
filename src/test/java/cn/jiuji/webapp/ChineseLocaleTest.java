package cn.jiuji.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four webapps speak Chinese: every text of Camunda's English locale file (read from the
 * webapp webjar on the classpath, so a Camunda upgrade with new texts fails here) has its Chinese
 * text in our {@code zh.json}, with the same placeholders, HTML and entities; and every app's
 * {@code config.js} makes Chinese the language of any browser, with English on request.
 */
class ChineseLocaleTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** what a translation must keep: {{placeholders}} (spaces inside ignored), HTML tags, entities, moment's %d / %s */
  private static final Pattern KEPT = Pattern.compile(
      "\\{\\{\\s*([^}]*?)\\s*}}|</?(?:a|br|strong|b|i|em|span|p|code|ul|ol|li|div|pre)\\b[^>]*>|&[a-z]+;|%[ds]");
  /**
   * English words with a lowercase one among them ("Wrong credentials, locked user"): left as they
   * are, they are untranslated. Capitalised words alone may be names (Camunda, Camunda Cockpit).
   */
  private static final Pattern ENGLISH_PHRASE =
      Pattern.compile("\\b[A-Za-z]+[ ,.'-]+[a-z]+\\b|\\b[a-z]+[ ,.'-]+[A-Za-z]+\\b");
  /** English's plural ending, a text of its own in Cockpit ("batch" + "s"): Chinese has none, so it may stay empty */
  private static final String PLURAL_ENDING = "s";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishTextHasItsChineseText(String app) throws IOException {
    Map<String, JsonNode> english = leaves(JSON.readTree(webjarFile(app + "/locales/en.json")));
    URL ours = ourFile(app + "/locales/zh.json");
    assertThat(ours).as("our %slocales/zh.json", APP + app + "/").isNotNull();
    Map<String, JsonNode> chinese = leaves(JSON.readTree(ours));

    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode zh = chinese.get(key);
      if (zh == null) {
        problems.add(key + ": no Chinese text");
      } else if (en.isArray()) {
        if (!zh.isArray() || zh.size() != en.size()) {
          problems.add(key + ": needs " + en.size() + " entries like the English one");
        }
      } else if (en.isTextual()) {
        String e = en.asText();
        String z = zh.isTextual() ? zh.asText() : "";
        if (!e.isBlank() && z.isBlank() && !e.equals(PLURAL_ENDING)) {
          problems.add(key + ": empty Chinese text");
        } else if (!kept(e).equals(kept(z))) {
          problems.add(key + ": must keep " + kept(e) + ", has " + kept(z));
        } else if (z.equals(e) && ENGLISH_PHRASE.matcher(e).find()) {
          problems.add(key + ": still English (“" + e + "”)");
        }
      } else if (zh.getNodeType() != en.getNodeType()) {
        problems.add(key + ": must be a " + en.getNodeType() + " like the English one");
      }
    });
    chinese.keySet().stream().filter(key -> !english.containsKey(key))
        .forEach(key -> problems.add(key + ": not a key of Camunda's en.json"));

    assertThat(problems).as("%s: %d English texts, problems of zh.json", app, english.size()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configMakesChineseTheLanguageOfEveryBrowser(String app) throws IOException {
    URL config = ourFile(app + "/scripts/config.js");
    assertThat(config).as("our %sscripts/config.js", APP + app + "/").isNotNull();
    String js = read(config);
    // the locale settings, the dates and the language switch come from the one shared module ...
    assertThat(js).contains("import { locales, dateFormat, text } from '../../jiuji/locale.js';")
        .containsPattern("\\n  locales,\\n")
        .containsPattern("\\n  dateFormat,\\n")
        // (an app's own pages and plugins may follow the switch)
        .containsPattern("customScripts: \\['\\.\\./jiuji/language-switch'(, '\\.\\./jiuji/[a-z-]+')*\\]");
    // ... which lists only the one language this browser gets (Camunda matches the browser's
    // language against availableLocales, then takes fallbackLocale): Chinese unless English was chosen
    String locale = read(ourFile("jiuji/locale.js"));
    assertThat(locale)
        .contains("export const locale = stored() === 'en' ? 'en' : 'zh';")
        .contains("export const locales = { availableLocales: [locale], fallbackLocale: locale };");
    assertThat(ourFile("jiuji/language-switch.js")).as("the 中文 / English switch").isNotNull();
  }

  /** every value by its dotted path ("labels.CLAIM_TASK", "dateLocales.months") */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves));
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> kept(String text) {
    List<String> kept = new ArrayList<>();
    Matcher m = KEPT.matcher(text);
    while (m.find()) {
      kept.add(m.group(1) != null ? "{{" + m.group(1) + "}}" : m.group());
    }
    Collections.sort(kept);
    return kept;
  }

  /** Camunda's own file in the webapp webjar (our files at the same path come first on the classpath) */
  private static URL webjarFile(String path) throws IOException {
    for (URL url : Collections.list(ChineseLocaleTest.class.getClassLoader().getResources(APP + path))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        return url;
      }
    }
    throw new AssertionError("Camunda's " + APP + path + " is not on the classpath (camunda-webapp-webjar)");
  }

  /** our file, the one the application serves instead of the webjar's (null if we have none) */
  private static URL ourFile(String path) throws IOException {
    for (URL url : Collections.list(ChineseLocaleTest.class.getClassLoader().getResources(APP + path))) {
      if (!url.toString().contains("camunda-webapp-webjar")) {
        return url;
      }
    }
    return null;
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
