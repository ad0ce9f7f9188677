package io.newswatch.tagger;

import io.newswatch.tagger.query.Query;
import java.util.List;

/**
 * One rule: when its query holds in a text, the text gets the rule's tags; when {@link #alert()} is set, the
 * topology also raises an alert for it.
 *
 * @param id        the rule id: lower-case letters, digits and hyphens
 * @param title     a human title
 * @param severity  how urgent its alert is
 * @param alert     whether a text matching the rule raises an alert
 * @param tags      the tags it gives (the rule id when the file names none)
 * @param query     the parsed query
 * @param queryText the query as written in the file
 * @param examples  texts that must match or must not, checked by {@link RuleChecker}
 * @param version   a hash of the rule's content, the lists it uses and the gazetteer: changes whenever they do
 * @param decisive  the parts of the query the rule names as decisive ({@code decisive:}); empty when it names none
 *                  and the default applies (the narrowest-scoped part that is not an entity condition)
 */
public record Rule(String id, String title, Severity severity, boolean alert, List<String> tags, Query query,
                   String queryText, List<RuleExample> examples, String version, List<Query> decisive) {
    public Rule {
        tags = List.copyOf(tags);
        examples = List.copyOf(examples);
        decisive = decisive == null ? List.of() : List.copyOf(decisive);
    }
}
