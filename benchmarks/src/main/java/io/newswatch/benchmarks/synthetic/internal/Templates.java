package io.newswatch.benchmarks.synthetic.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentence templates, read once from {@code templates.txt} next to this class, where a line {@code == NAME}
 * starts a list and every other line that is neither blank nor a {@code #} comment is a template of it. The file
 * says what each list is for. Every list named here must be there and not empty, and every slot of every template
 * must be one {@link Words} can fill: otherwise loading this class fails with an {@link IllegalStateException}
 * naming the line, so a broken file cannot yield articles with a literal {@code {slot}} in them.
 */
public final class Templates {
    /** Headlines and sentences about one subject; an article draws its headline and most sentences from one. */
    public record Topic(String name, List<String> headlines, List<String> sentences) {
    }

    private static final String RESOURCE = "templates.txt";
    private static final Pattern TOPIC = Pattern.compile("topic (\\w+) headlines");
    private static final Map<String, List<String>> LISTS = read();

    /** The neutral topics: economy, weather, sport, politics, transport, culture. */
    public static final List<Topic> TOPICS = topics();
    /** Neutral sentences that fit any topic. */
    public static final List<String> GENERAL = list("general");
    /** Foreign news that names no watched country although it looks close (South Korea, the South China Sea). */
    public static final List<String> NEAR_MISSES = list("near misses");
    /** Short neutral sentences that fill the last gap before an article reaches its size. */
    public static final List<String> SHORT = list("short");
    /** One watched country, in a sentence no rule matches. */
    public static final List<String> MENTIONS = list("mentions");
    /** Two or three watched countries in one sentence; no breach. */
    public static final List<String> PAIRS = list("pairs");
    /** Sanctions and arms talk that reports no breach. */
    public static final List<String> TALK = list("talk");
    /** A reported breach, which the default {@code sanctions-violation} rule matches on its own. */
    public static final List<String> VIOLATIONS = list("violations");
    /** The headlines of articles that report a breach. */
    public static final List<String> VIOLATION_HEADLINES = list("violation headlines");

    private Templates() {
    }

    private static List<String> list(String name) {
        List<String> templates = LISTS.get(name);
        if (templates == null || templates.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no templates under '== " + name + "'");
        }
        return templates;
    }

    private static List<Topic> topics() {
        List<Topic> topics = new ArrayList<>();
        for (String name : LISTS.keySet()) {
            Matcher m = TOPIC.matcher(name);
            if (m.matches()) {
                String topic = m.group(1);
                topics.add(new Topic(topic, list(name), list("topic " + topic + " sentences")));
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no '== topic NAME headlines' list");
        }
        return List.copyOf(topics);
    }

    private static Map<String, List<String>> read() {
        try (InputStream in = Templates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath next to " + Templates.class);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, List<String>> lists = new LinkedHashMap<>();
            List<String> current = null;
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("== ")) {
                    current = new ArrayList<>();
                    if (lists.put(text.substring(3).strip(), current) != null) {
                        throw new IllegalStateException(RESOURCE + ":" + number + ": a second list '" + text + "'");
                    }
                } else if (current == null) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": a template before any '== NAME'");
                } else {
                    current.add(checked(text, number));
                }
            }
            lists.replaceAll((name, templates) -> List.copyOf(templates));
            return lists;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The template, once every slot of it has been filled: a bad slot fails here, not in an article. */
    private static String checked(String template, int number) {
        String outsideSlots = template.replaceAll("\\{\\w+}", "");
        if (outsideSlots.indexOf('{') >= 0 || outsideSlots.indexOf('}') >= 0) {
            throw new IllegalStateException(RESOURCE + ":" + number + ": a brace outside a {slot}: " + template);
        }
        for (String slot : Words.slots(template)) {
            try {
                Words.fill(slot, new Random(0));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return template;
    }
}
