package io.newswatch.tagger;

import io.newswatch.model.yaml.YamlTree.Node;

/**
 * Maps an offset inside a query back to a line and column of the YAML file it was read from, so a query error can
 * put its caret on the exact character. A query on one line, plain or quoted, maps directly; a block or folded
 * scalar (a query spread over several lines) is mapped by finding the offending token in the file after the
 * scalar's start, counting earlier occurrences of the same token.
 */
final class QueryLocator {
    private QueryLocator() {
    }

    /** {line, column}, both from 1; the scalar's own position when the spot cannot be found. */
    static int[] locate(String yaml, Node node, int offset) {
        String scalar = node.text();
        String[] lines = yaml.split("\n", -1);
        int line = node.line();
        int col = node.column();
        if (line < 1 || line > lines.length) {
            return new int[] {line, col};
        }
        String lineText = lines[line - 1];
        if (scalar.indexOf('\n') < 0 && col >= 1 && col - 1 <= lineText.length()) {
            String rest = lineText.substring(col - 1);
            if (rest.startsWith(scalar)) {
                return new int[] {line, col + offset};
            }
            if (!rest.isEmpty() && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')
                    && rest.substring(1).startsWith(scalar)) {
                return new int[] {line, col + 1 + offset};
            }
        }
        int end = offset;
        while (end < scalar.length() && !Character.isWhitespace(scalar.charAt(end))) {
            end++;
        }
        if (end == offset) {
            return new int[] {line, col};
        }
        String token = scalar.substring(offset, end);
        int before = 0;
        for (int i = scalar.indexOf(token); i >= 0 && i < offset; i = scalar.indexOf(token, i + 1)) {
            before++;
        }
        int abs = 0;
        for (int i = 0; i < line - 1; i++) {
            abs += lines[i].length() + 1;
        }
        abs += Math.max(col - 1, 0);
        int found = yaml.indexOf(token, abs);
        for (int k = 0; k < before && found >= 0; k++) {
            found = yaml.indexOf(token, found + 1);
        }
        if (found < 0) {
            return new int[] {line, col};
        }
        int l = 1;
        int lineStart = 0;
        for (int i = 0; i < found; i++) {
            if (yaml.charAt(i) == '\n') {
                l++;
                lineStart = i + 1;
            }
        }
        return new int[] {l, found - lineStart + 1};
    }
}
