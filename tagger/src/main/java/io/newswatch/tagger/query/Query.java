package io.newswatch.tagger.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed rule query (syntax: {@link QueryParser}). Every node remembers the offset in the query text where it
 * was written, so a later validation error can point at it. {@link #toString()} gives the canonical form, fully
 * parenthesised, which is also what rule versions hash.
 */
public sealed interface Query {

    /** Offset of the node's first character in the query text. */
    int offset();

    /**
     * A word or a "quoted phrase", matched on word boundaries with case, hyphens and spaces folded.
     *
     * @param text   the words as written, without quotes or the trailing {@code *}
     * @param prefix whether a trailing {@code *} lets the last word run on ({@code sanction*})
     */
    record Term(String text, boolean prefix, int offset) implements Query {
        @Override
        public String toString() {
            return "\"" + text + (prefix ? "*" : "") + "\"";
        }
    }

    /** {@code @KP}: any mention of the entity, as the gazetteer finds them. */
    record EntityRef(String code, int offset) implements Query {
        @Override
        public String toString() {
            return "@" + code;
        }
    }

    /** {@code $ARMS}: a named list, replaced by its query when the ruleset is compiled. */
    record ListRef(String name, int offset) implements Query {
        @Override
        public String toString() {
            return "$" + name;
        }
    }

    /** All operands hold. */
    record And(List<Query> operands, int offset) implements Query {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return operands.stream().map(Query::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    /** At least one operand holds. */
    record Or(List<Query> operands, int offset) implements Query {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return operands.stream().map(Query::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    /** The operand does not hold in the enclosing scope. */
    record Not(Query operand, int offset) implements Query {
        @Override
        public String toString() {
            return "NOT " + operand;
        }
    }

    /**
     * {@code a NEAR/n b}: an occurrence of each whose word positions differ by at most {@code distance} (adjacent
     * words are 1 apart), in either order; {@code a ONEAR/n b}: the same with {@code a} first.
     */
    record Near(Query left, Query right, int distance, boolean ordered, int offset) implements Query {
        @Override
        public String toString() {
            return "(" + left + (ordered ? " ONEAR/" : " NEAR/") + distance + " " + right + ")";
        }
    }

    /** {@code SENTENCE(q)} / {@code PARAGRAPH(q)}: some single sentence (paragraph) satisfies {@code q} on its own. */
    record Scope(Unit unit, Query operand, int offset) implements Query {
        @Override
        public String toString() {
            return unit.name() + "(" + operand + ")";
        }
    }

    /** The units a scope can restrict a query to. */
    enum Unit { SENTENCE, PARAGRAPH }
}
