package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.tagger.query.Query;
import io.newswatch.tagger.query.QueryParser;
import io.newswatch.tagger.query.QuerySyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule query syntax ({@link QueryParser}): what parses to what (the canonical, fully parenthesised
 * {@link Query#toString()}), and for every mistake the offset of the token to blame and a message that says what to
 * write instead.
 */
class QueryParserTest {

    /** A query and its canonical form. Precedence: NOT over NEAR over AND over OR; NEAR binds to the left. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            shells                                   | "shells"
            Shells                                   | "Shells"
            sanction*                                | "sanction*"
            "price cap*"                             | "price cap*"
            "artillery shells"                       | "artillery shells"
            “curly quotes”                           | "curly quotes"
            "NOT"                                    | "NOT"
            near AND far                             | ("near" AND "far")
            "resolution {2270,2397}"                 | "resolution {2270,2397}"
            violation{,s}                            | "violation{,s}"
            @KP                                      | @KP
            $ARMS                                    | $ARMS
            @KP AND $ARMS                            | (@KP AND $ARMS)
            a OR b AND c                             | ("a" OR ("b" AND "c"))
            a AND b OR c                             | (("a" AND "b") OR "c")
            (a OR b) AND c                           | (("a" OR "b") AND "c")
            a AND b AND c OR d OR e                  | (("a" AND "b" AND "c") OR "d" OR "e")
            ((a))                                    | "a"
            NOT a AND b                              | (NOT "a" AND "b")
            a AND NOT b OR c                         | (("a" AND NOT "b") OR "c")
            NOT (a OR b)                             | NOT ("a" OR "b")
            NOT NOT a                                | NOT NOT "a"
            NOT a NEAR/3 b                           | NOT ("a" NEAR/3 "b")
            a NEAR/3 b AND c                         | (("a" NEAR/3 "b") AND "c")
            a NEAR/3 b OR c ONEAR/2 d                | (("a" NEAR/3 "b") OR ("c" ONEAR/2 "d"))
            a NEAR/2 b NEAR/4 c                      | (("a" NEAR/2 "b") NEAR/4 "c")
            a NEAR/2 (b OR c)                        | ("a" NEAR/2 ("b" OR "c"))
            a NEAR/1 b                               | ("a" NEAR/1 "b")
            a ONEAR/100 b                            | ("a" ONEAR/100 "b")
            SENTENCE(@RU AND @KP)                    | SENTENCE((@RU AND @KP))
            PARAGRAPH(a OR SENTENCE(b AND NOT c))    | PARAGRAPH(("a" OR SENTENCE(("b" AND NOT "c"))))
            SENTENCE(a)AND b                         | (SENTENCE("a") AND "b")
            a NEAR/3 SENTENCE(b)                     | ("a" NEAR/3 SENTENCE("b"))
            """)
    void parsesToTheCanonicalForm(String query, String canonical) {
        assertThat(QueryParser.parse(query)).hasToString(canonical);
    }

    @Test
    void whitespaceOfAnyKindSeparatesTokens() {
        assertThat(QueryParser.parse("  a\n  AND\tb\r\n OR\u2003c ")).hasToString("((\"a\" AND \"b\") OR \"c\")");
    }

    @Test
    void nodesKnowWhatWasWrittenAndWhere() {
        Query q = QueryParser.parse("xyz* AND NOT @KP OR SENTENCE(\"price cap*\" NEAR/2 $ARMS)");
        Query.Or or = (Query.Or) q;
        Query.And and = (Query.And) or.operands().get(0);
        assertThat(and.offset()).isZero();
        Query.Term x = (Query.Term) and.operands().get(0);
        assertThat(x.text()).isEqualTo("xyz");
        assertThat(x.prefix()).isTrue();
        Query.Not not = (Query.Not) and.operands().get(1);
        assertThat(not.offset()).isEqualTo(9);
        assertThat(((Query.EntityRef) not.operand()).code()).isEqualTo("KP");
        assertThat(not.operand().offset()).isEqualTo(13);
        Query.Scope scope = (Query.Scope) or.operands().get(1);
        assertThat(scope.unit()).isEqualTo(Query.Unit.SENTENCE);
        assertThat(scope.offset()).isEqualTo(20);
        Query.Near near = (Query.Near) scope.operand();
        assertThat(near.distance()).isEqualTo(2);
        assertThat(near.ordered()).isFalse();
        Query.Term phrase = (Query.Term) near.left();
        assertThat(phrase.text()).isEqualTo("price cap");
        assertThat(phrase.prefix()).isTrue();
        assertThat(phrase.offset()).isEqualTo(29);
        assertThat(((Query.ListRef) near.right()).name()).isEqualTo("ARMS");
        assertThat(near.right().offset()).isEqualTo(49);
    }

    @Test
    void oNearIsTheOrderedNear() {
        Query.Near near = (Query.Near) QueryParser.parse("a ONEAR/7 b");
        assertThat(near.ordered()).isTrue();
        assertThat(near.distance()).isEqualTo(7);
        assertThat(near.offset()).isEqualTo(2);
    }

    /** A broken query, the offset of the token to blame, and what the message must say. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a NEAR/0 b             |  2 | NEAR/0 matches nothing a phrase would not: write the words as a "phrase", or give a distance from 1
            a ONEAR/0 b            |  2 | ONEAR/0 matches nothing a phrase would not
            a NEAR b               |  2 | NEAR needs a distance in words, as in NEAR/5
            a NEAR/ b              |  2 | NEAR needs a distance in words, as in NEAR/5
            a ONEAR b              |  2 | ONEAR needs a distance in words, as in ONEAR/5
            a NEAR/101 b           |  2 | NEAR/101 is wider than 100 words; use SENTENCE(...) or PARAGRAPH(...) for co-occurrence
            a ONEAR/99999 b        |  2 | ONEAR/99999 is wider than 100 words
            shells missiles        |  7 | expected AND, OR, NEAR/n or ONEAR/n between 'shells' and 'missiles'
            "a" "b"                |  4 | expected AND, OR, NEAR/n or ONEAR/n between 'a' and 'b'
            @KP @RU                |  4 | expected AND, OR, NEAR/n or ONEAR/n between '@KP' and '@RU'
            shells and missiles    |  7 | between 'shells' and 'and' (operators are upper case: AND)
            shells or missiles     |  7 | between 'shells' and 'or' (operators are upper case: OR)
            shells not missiles    |  7 | between 'shells' and 'not' (operators are upper case: NOT)
            shells near/5 missiles |  7 | between 'shells' and 'near/5' (operators are upper case: NEAR/5)
            (a AND b c)            |  9 | expected AND, OR, NEAR/n or ONEAR/n between 'b' and 'c'
            (a AND b               |  0 | the '(' here is never closed
            SENTENCE(a AND b       |  8 | the '(' here is never closed
            x AND (a OR (b)        |  6 | the '(' here is never closed
            a AND b)               |  7 | ')' closes nothing
            (a AND b))             |  9 | ')' closes nothing
            a AND "big shells      |  6 | this quote is never closed
            a AND “big shells      |  6 | this quote is never closed
            sanc*tion              |  4 | '*' may only end a word or phrase
            "price *cap"           |  7 | '*' may only end a word or phrase
            a*                     |  0 | 'a*' matches too much: a wildcard needs at least three letters before the *
            x OR ab*               |  5 | 'ab*' matches too much: a wildcard needs at least three letters before the *
            "ab *"                 |  0 | 'ab *' matches too much
            SENTENCE (a)           |  0 | SENTENCE must be followed directly by '(': SENTENCE(...)
            a AND PARAGRAPH        |  6 | PARAGRAPH must be followed directly by '(': PARAGRAPH(...)
            SENTENCE()             |  9 | but found ')'
            @kp                    |  0 | '@kp' is not an entity reference: write @ and the upper-case code, as in @KP
            a AND @K               |  6 | '@K' is not an entity reference
            a AND @KP-1            |  6 | '@KP-1' is not an entity reference
            $arms                  |  0 | '$arms' is not a list reference: write $ and an upper-case name, as in $ARMS
            $                      |  0 | '$' is not a list reference
            a AND                  |  5 | expected a word, a "phrase", @ENTITY, $LIST, NOT, '(', SENTENCE( or PARAGRAPH( but found the end of the query
            NOT                    |  3 | but found the end of the query
            a AND OR b             |  6 | but found 'OR'
            OR b                   |  0 | but found 'OR'
            ( )                    |  2 | but found ')'
            "  "                   |  0 | the phrase has no letters or digits to match
            --                     |  0 | '--' has no letters or digits to match
            """)
    void reportsTheOffendingTokenAndWhatToWrite(String query, int offset, String message) {
        assertThatThrownBy(() -> QueryParser.parse(query))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.offset()).as("offset in %s", query).isEqualTo(offset);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t "})
    void anEmptyQueryIsAnError(String query) {
        assertThatThrownBy(() -> QueryParser.parse(query))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("the query is empty");
                    assertThat(e.offset()).isZero();
                });
    }

    @Test
    void distancesRunFromOneToTheMaximum() {
        assertThat(((Query.Near) QueryParser.parse("a NEAR/" + QueryParser.MAX_DISTANCE + " b")).distance())
                .isEqualTo(100);
        assertThat(((Query.Near) QueryParser.parse("a NEAR/007 b")).distance()).isEqualTo(7);
        assertThatThrownBy(() -> QueryParser.parse("a NEAR/" + (QueryParser.MAX_DISTANCE + 1) + " b"))
                .isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void upperCaseOperatorWordsCanStillBeSearchedAsPhrases() {
        Query q = QueryParser.parse("\"AND\" OR \"NEAR/5\" OR \"SENTENCE\"");
        assertThat(q).hasToString("(\"AND\" OR \"NEAR/5\" OR \"SENTENCE\")");
    }

    /**
     * Right after NEAR/n only a word, phrase, entity, list, '(' or scope may follow; the message must not offer NOT
     * as one of the things expected there while rejecting exactly that NOT.
     */
    @Test
    void aNotAfterNearIsExplainedNotOffered() {
        assertThatThrownBy(() -> QueryParser.parse("a NEAR/3 NOT b"))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.offset()).isEqualTo(9);
                    assertThat(e.getMessage()).doesNotContain("NOT, '('");
                });
    }
}
