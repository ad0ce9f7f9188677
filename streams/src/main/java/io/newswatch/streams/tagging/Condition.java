package io.newswatch.streams.tagging;

import java.util.List;

/**
 * What must hold in a text for a rule to fire, as written under a rule's {@code when:} key. Each kind is one key,
 * so later kinds (a Boolean query language with NEAR/n, say) can be added beside these without changing them.
 */
public sealed interface Condition {

    /**
     * {@code together:}: every listed entity is mentioned within one sentence or one paragraph, at least once.
     *
     * @param entities entity codes, at least two
     * @param within   the scope they must share
     */
    record Together(List<String> entities, Scope within) implements Condition {
        public Together {
            entities = List.copyOf(entities);
        }
    }

    /**
     * {@code sentence:}: one sentence satisfies every clause at once.
     *
     * @param allOf    groups of term patterns; every group must match (any one pattern of a group suffices)
     * @param anyOf    term patterns of which at least one must match; empty means no such clause
     * @param noneOf   term patterns none of which may match
     * @param mentions when not null, an entity the sentence (or its paragraph) must mention
     */
    record SentenceTerms(List<List<String>> allOf, List<String> anyOf, List<String> noneOf,
                         MentionRequirement mentions) implements Condition {
        public SentenceTerms {
            allOf = allOf.stream().map(List::copyOf).toList();
            anyOf = List.copyOf(anyOf);
            noneOf = List.copyOf(noneOf);
        }
    }

    /**
     * {@code any:}: at least one of the conditions holds; the evidence is that of every one that holds.
     *
     * @param conditions the alternatives, at least one
     */
    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * At least one of {@code entities} mentioned within {@code within} of the sentence.
     *
     * @param entities entity codes
     * @param within   {@link Scope#SENTENCE}: the sentence itself; {@link Scope#PARAGRAPH}: its paragraph
     */
    record MentionRequirement(List<String> entities, Scope within) {
        public MentionRequirement {
            entities = List.copyOf(entities);
        }
    }
}
