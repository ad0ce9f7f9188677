package io.newswatch.tagger.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Boolean query syntax media-monitoring analysts already write (the dialect of LexisNexis, Meltwater and
 * dtSearch "w/n" searches), into a {@link Query}.
 *
 * <pre>
 * query   := or
 * or      := and ("OR" and)*
 * and     := unary ("AND" unary)*
 * unary   := "NOT" unary | near
 * near    := primary (("NEAR/" n | "ONEAR/" n) primary)*
 * primary := "(" query ")" | ("SENTENCE" | "PARAGRAPH") "(" query ")"
 *          | word | word* | "a phrase" | "a phrase*" | @CODE | $LIST
 * </pre>
 *
 * Operators are upper case ({@code and} is an ordinary word); two operands side by side without an operator are an
 * error rather than a silent AND, because analysts' tools disagree on what that means. A {@code *} may only end a
 * word or phrase and needs three characters before it. {@code NEAR/0} is an error: adjacent words are a phrase.
 * Distances run from 1 to {@value #MAX_DISTANCE}. Every error is a {@link QuerySyntaxException} with the offset
 * of the offending token.
 */
public final class QueryParser {
    /** The largest NEAR distance accepted; beyond it a SENTENCE or PARAGRAPH scope says what is meant. */
    public static final int MAX_DISTANCE = 100;
    private static final Pattern NEAR = Pattern.compile("(O?)NEAR(?:/(\\d*))?");
    private static final Pattern ENTITY = Pattern.compile("@[A-Z][A-Z0-9]{1,9}");
    private static final Pattern LIST = Pattern.compile("\\$[A-Z][A-Z0-9_]*");

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, NEAR, SCOPE, TERM, ENTITY, LIST, END }

    private record Token(Kind kind, String text, int offset, int number, boolean prefix) {
        String shown() {
            return kind == Kind.END ? "the end of the query" : "'" + text + "'";
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private QueryParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    /**
     * Parses one query.
     *
     * @throws QuerySyntaxException at the first problem, with its offset
     */
    public static Query parse(String query) {
        QueryParser parser = new QueryParser(query);
        if (parser.peek().kind == Kind.END) {
            throw new QuerySyntaxException("the query is empty", 0);
        }
        Query q = parser.or();
        Token rest = parser.peek();
        if (rest.kind == Kind.RPAREN) {
            throw new QuerySyntaxException("')' closes nothing", rest.offset);
        }
        if (rest.kind != Kind.END) {
            throw parser.missingOperator(rest);
        }
        return q;
    }

    private Query or() {
        List<Query> operands = new ArrayList<>();
        int offset = peek().offset;
        operands.add(and());
        while (peek().kind == Kind.OR) {
            pos++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Query.Or(operands, offset);
    }

    private Query and() {
        List<Query> operands = new ArrayList<>();
        int offset = peek().offset;
        operands.add(unary());
        while (peek().kind == Kind.AND) {
            pos++;
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new Query.And(operands, offset);
    }

    private Query unary() {
        Token t = peek();
        if (t.kind == Kind.NOT) {
            pos++;
            return new Query.Not(unary(), t.offset);
        }
        return near();
    }

    private Query near() {
        Query left = primary();
        while (peek().kind == Kind.NEAR) {
            Token op = tokens.get(pos++);
            if (peek().kind == Kind.NOT) {
                throw new QuerySyntaxException("a NEAR/ONEAR operand cannot be negated; to exclude a word, write "
                        + "(a " + op.text + " b) AND NOT c", peek().offset);
            }
            Query right = primary();
            left = new Query.Near(left, right, op.number, op.prefix, op.offset);
        }
        return left;
    }

    private Query primary() {
        Token t = tokens.get(pos);
        switch (t.kind) {
            case LPAREN -> {
                pos++;
                Query inner = or();
                expectClose(t);
                return inner;
            }
            case SCOPE -> {
                pos += 2;
                Query inner = or();
                expectClose(t);
                return new Query.Scope(Query.Unit.valueOf(t.text), inner, t.offset);
            }
            case TERM -> {
                pos++;
                return new Query.Term(t.text, t.prefix, t.offset);
            }
            case ENTITY -> {
                pos++;
                return new Query.EntityRef(t.text.substring(1), t.offset);
            }
            case LIST -> {
                pos++;
                return new Query.ListRef(t.text.substring(1), t.offset);
            }
            default -> throw new QuerySyntaxException("expected a word, a \"phrase\", @ENTITY, $LIST, NOT, '(', "
                    + "SENTENCE( or PARAGRAPH( but found " + t.shown(), t.offset);
        }
    }

    private void expectClose(Token open) {
        Token t = peek();
        if (t.kind == Kind.RPAREN) {
            pos++;
            return;
        }
        if (t.kind == Kind.END) {
            throw new QuerySyntaxException("the '(' here is never closed", open.kind == Kind.SCOPE
                    ? open.offset + open.text.length() : open.offset);
        }
        throw missingOperator(t);
    }

    private QuerySyntaxException missingOperator(Token t) {
        Token before = tokens.get(pos - 1);
        String hint = t.kind == Kind.TERM && t.text.matches("(?i)and|or|not|o?near(/\\d+)?")
                ? " (operators are upper case: " + t.text.toUpperCase(java.util.Locale.ROOT) + ")" : "";
        return new QuerySyntaxException("expected AND, OR, NEAR/n or ONEAR/n between " + before.shown() + " and "
                + t.shown() + hint, t.offset);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i, 0, false));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i, 0, false));
                i++;
            } else if (c == '"' || c == '“' || c == '”') {
                int close = i + 1;
                while (close < n && s.charAt(close) != '"' && s.charAt(close) != '”' && s.charAt(close) != '“') {
                    close++;
                }
                if (close >= n) {
                    throw new QuerySyntaxException("this quote is never closed", i);
                }
                out.add(term(s.substring(i + 1, close), i, true));
                i = close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(s.charAt(end)) && !Character.isSpaceChar(s.charAt(end))
                        && "()\"“”".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                String word = s.substring(i, end);
                out.add(word(s, word, i, end));
                i = end;
            }
        }
        out.add(new Token(Kind.END, "", n, 0, false));
        return out;
    }

    private static Token word(String s, String word, int offset, int end) {
        switch (word) {
            case "AND":
                return new Token(Kind.AND, word, offset, 0, false);
            case "OR":
                return new Token(Kind.OR, word, offset, 0, false);
            case "NOT":
                return new Token(Kind.NOT, word, offset, 0, false);
            case "SENTENCE", "PARAGRAPH":
                if (end < s.length() && s.charAt(end) == '(') {
                    return new Token(Kind.SCOPE, word, offset, 0, false);
                }
                throw new QuerySyntaxException(word + " must be followed directly by '(': " + word + "(...)",
                        offset);
            default:
                break;
        }
        Matcher near = NEAR.matcher(word);
        if (near.matches()) {
            String digits = near.group(2);
            String op = near.group(1).isEmpty() ? "NEAR" : "ONEAR";
            if (digits == null || digits.isEmpty()) {
                throw new QuerySyntaxException(op + " needs a distance in words, as in " + op + "/5", offset);
            }
            String significant = digits.replaceFirst("^0+(?=.)", "");
            int distance = significant.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(significant);
            if (distance == 0) {
                throw new QuerySyntaxException(op + "/0 matches nothing a phrase would not: write the words "
                        + "as a \"phrase\", or give a distance from 1", offset);
            }
            if (distance > MAX_DISTANCE) {
                throw new QuerySyntaxException(op + "/" + digits + " is wider than " + MAX_DISTANCE
                        + " words; use SENTENCE(...) or PARAGRAPH(...) for co-occurrence", offset);
            }
            return new Token(Kind.NEAR, word, offset, distance, !near.group(1).isEmpty());
        }
        if (word.startsWith("@")) {
            if (!ENTITY.matcher(word).matches()) {
                throw new QuerySyntaxException("'" + word + "' is not an entity reference: write @ and the "
                        + "upper-case code, as in @KP", offset);
            }
            return new Token(Kind.ENTITY, word, offset, 0, false);
        }
        if (word.startsWith("$")) {
            if (!LIST.matcher(word).matches()) {
                throw new QuerySyntaxException("'" + word + "' is not a list reference: write $ and an "
                        + "upper-case name, as in $ARMS", offset);
            }
            return new Token(Kind.LIST, word, offset, 0, false);
        }
        return term(word, offset, false);
    }

    private static Token term(String raw, int offset, boolean quoted) {
        String text = raw.strip();
        boolean prefix = text.endsWith("*");
        if (prefix) {
            text = text.substring(0, text.length() - 1).strip();
        }
        int star = text.indexOf('*');
        if (star >= 0) {
            throw new QuerySyntaxException("'*' may only end a word or phrase", offset + (quoted ? 1 : 0)
                    + raw.indexOf('*'));
        }
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                letters++;
            }
        }
        if (letters == 0) {
            throw new QuerySyntaxException(quoted ? "the phrase has no letters or digits to match"
                    : "'" + raw + "' has no letters or digits to match", offset);
        }
        if (prefix && letters < 3) {
            throw new QuerySyntaxException("'" + raw.strip() + "' matches too much: a wildcard needs at least three "
                    + "letters before the *", offset);
        }
        return new Token(Kind.TERM, text, offset, 0, prefix);
    }
}
