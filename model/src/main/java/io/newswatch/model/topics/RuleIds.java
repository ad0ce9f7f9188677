package io.newswatch.model.topics;

import java.util.Set;

/**
 * Which rule ids the topic catalogue leaves free. Kept apart from {@link Topics}, whose topic specs carry Kafka
 * serdes: the tagging engine checks rule ids while it loads a ruleset, and it must load without Kafka on the class
 * path (the offline {@code tag} and {@code rules check} commands, and the tagger benchmark's jar, which leaves Kafka
 * out). Nothing here may reach a Kafka class.
 */
public final class RuleIds {
    /** Rule ids that cannot have a per-rule topic, because {@code news.alerts.<id>} is a catalogue topic. */
    public static final Set<String> RESERVED = Set.of("dlq");

    private RuleIds() {
    }

    /** Whether {@code ruleId} is one of {@link #RESERVED}; {@code null} is not. */
    public static boolean isReserved(String ruleId) {
        return ruleId != null && RESERVED.contains(ruleId);
    }
}
