package io.kubelauncher.kubernetes.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a line of rendered output back to the template line that produced it.
 *
 * <p>Approach: every template line is reduced to a pattern of its literal text (the parts outside
 * {@code {{ }}} actions, after Go's {@code {{-}} / {@code -}}} trimming). A rendered line matches a
 * template line when it contains that line's literals in order, anchored at the start or end of the
 * line where the template's literal is. Rendered and template lines are then aligned with a
 * weighted longest common subsequence (weight = number of non-blank literal characters), which keeps
 * the mapping monotone, as rendering is, and prefers specific matches ({@code restartPolicy: Never})
 * over vague ones ({@code "        "}). A rendered line left unmatched (text produced entirely by
 * actions, such as a {@code range} over annotations or a multi-line {@code toYaml}) is attributed
 * to an output-producing action between its matched neighbours, preferring one at the same
 * indentation.
 *
 * <p>Why not render with line markers: markers would have to survive {@code {{-}} trimming,
 * {@code indent}, {@code trim} and {@code include}d text, and could change what the template
 * outputs; the alignment works on the real rendering and needs nothing from the renderer.
 */
final class TemplateLineMap {

    private final int[] templateLineOfRendered;

    private TemplateLineMap(int[] templateLineOfRendered) {
        this.templateLineOfRendered = templateLineOfRendered;
    }

    /** Aligns {@code rendered} (the output) with {@code template} (its source). */
    static TemplateLineMap align(String template, String rendered) {
        List<LinePattern> patterns = LinePattern.parse(template);
        String[] out = rendered.split("\n", -1);
        int n = out.length;
        int m = patterns.size();
        int[][] score = new int[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int best = Math.max(score[i - 1][j], score[i][j - 1]);
                LinePattern p = patterns.get(j - 1);
                if (p.weight() > 0 && p.matches(out[i - 1])) {
                    best = Math.max(best, score[i - 1][j - 1] + p.weight());
                }
                score[i][j] = best;
            }
        }
        int[] mapped = new int[n];
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            LinePattern p = patterns.get(j - 1);
            if (p.weight() > 0 && score[i][j] == score[i - 1][j - 1] + p.weight() && p.matches(out[i - 1])) {
                mapped[i - 1] = j;
                i--;
                j--;
            } else if (score[i - 1][j] >= score[i][j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        fillUnmatched(mapped, out, patterns);
        return new TemplateLineMap(mapped);
    }

    private static void fillUnmatched(int[] mapped, String[] out, List<LinePattern> patterns) {
        int previousTemplateLine = 0;
        int lastAssigned = 0;
        for (int r = 0; r < mapped.length; r++) {
            if (mapped[r] != 0) {
                previousTemplateLine = mapped[r];
                lastAssigned = mapped[r];
                continue;
            }
            int nextTemplateLine = patterns.size() + 1;
            for (int k = r + 1; k < mapped.length; k++) {
                if (mapped[k] != 0) {
                    nextTemplateLine = mapped[k];
                    break;
                }
            }
            // Several unmatched lines in a row (a range's iterations) stay in template order.
            int from = Math.max(previousTemplateLine + 1, lastAssigned);
            mapped[r] = attribute(out[r], from, lastAssigned, nextTemplateLine, patterns);
            lastAssigned = mapped[r];
        }
    }

    /**
     * The template line that most likely produced an unmatched rendered line: an output-producing
     * action in {@code [from, before)}, preferably at the rendered line's indentation; failing that,
     * the line that produced the previous output ({@code previous}), as for the continuation lines
     * of a multi-line value.
     */
    private static int attribute(String renderedLine, int from, int previous, int before, List<LinePattern> patterns) {
        String indentation = leadingBlank(renderedLine);
        int firstOutputAction = 0;
        for (int t = Math.max(from, 1); t < before; t++) {
            LinePattern p = patterns.get(t - 1);
            if (!p.producesOutputByAction()) {
                continue;
            }
            if (firstOutputAction == 0) {
                firstOutputAction = t;
            }
            if (p.indentation().equals(indentation)) {
                return t;
            }
        }
        if (firstOutputAction != 0) {
            return firstOutputAction;
        }
        if (previous > 0) {
            return previous;
        }
        return Math.min(Math.max(before, 1), Math.max(patterns.size(), 1));
    }

    private static String leadingBlank(String s) {
        int k = 0;
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return s.substring(0, k);
    }

    /**
     * The template line (1-based) that produced rendered line {@code renderedLine} (1-based).
     * Lines past the end of the output map to the last template line that produced output.
     */
    int templateLine(int renderedLine) {
        if (templateLineOfRendered.length == 0) {
            return 1;
        }
        int index = Math.min(Math.max(renderedLine, 1), templateLineOfRendered.length) - 1;
        return Math.max(templateLineOfRendered[index], 1);
    }

    /** What one template line is made of, once actions are set aside. */
    static final class LinePattern {
        private final List<String> literals = new ArrayList<>();
        private boolean startsWithLiteral;
        private boolean endsWithLiteral;
        private boolean hasElements;
        private boolean outputAction;
        private String indentation = "";

        private void addLiteral(String text, boolean atLineStart, boolean atLineEnd) {
            if (!hasElements && atLineStart) {
                startsWithLiteral = true;
                indentation = leadingBlank(text);
            }
            literals.add(text);
            hasElements = true;
            endsWithLiteral = atLineEnd;
        }

        private void addAction(boolean producesOutput) {
            hasElements = true;
            endsWithLiteral = false;
            outputAction |= producesOutput;
        }

        int weight() {
            int w = 0;
            for (String literal : literals) {
                for (int k = 0; k < literal.length(); k++) {
                    if (!Character.isWhitespace(literal.charAt(k))) {
                        w++;
                    }
                }
            }
            return w;
        }

        boolean producesOutputByAction() {
            return outputAction;
        }

        String indentation() {
            return indentation;
        }

        boolean matches(String line) {
            int pos = 0;
            for (int k = 0; k < literals.size(); k++) {
                String literal = literals.get(k);
                boolean first = k == 0;
                boolean last = k == literals.size() - 1;
                if (first && startsWithLiteral) {
                    if (!line.startsWith(literal)) {
                        return false;
                    }
                    pos = literal.length();
                    if (last && endsWithLiteral && !line.stripTrailing().equals(literal.stripTrailing())) {
                        return false;
                    }
                } else if (last && endsWithLiteral) {
                    String trimmedLine = line.stripTrailing();
                    String trimmedLiteral = literal.stripTrailing();
                    if (!trimmedLine.endsWith(trimmedLiteral) || trimmedLine.length() - trimmedLiteral.length() < pos) {
                        return false;
                    }
                } else {
                    int at = line.indexOf(literal, pos);
                    if (at < 0) {
                        return false;
                    }
                    pos = at + literal.length();
                }
            }
            return true;
        }

        /** Splits a template into per-line patterns, applying Go's trim markers. */
        static List<LinePattern> parse(String template) {
            List<LinePattern> lines = new ArrayList<>();
            int lineCount = 1;
            for (int k = 0; k < template.length(); k++) {
                if (template.charAt(k) == '\n') {
                    lineCount++;
                }
            }
            for (int k = 0; k < lineCount; k++) {
                lines.add(new LinePattern());
            }
            int pos = 0;
            int line = 1;
            boolean trimNextLiteral = false;
            while (pos <= template.length()) {
                int open = template.indexOf("{{", pos);
                int literalEnd = open < 0 ? template.length() : open;
                boolean trimBefore = open >= 0 && isTrimMarker(template, open + 2);
                addLiteralText(lines, template.substring(pos, literalEnd), line, trimNextLiteral, trimBefore,
                        pos == 0, open < 0);
                line += count(template, pos, literalEnd);
                if (open < 0) {
                    break;
                }
                int close = findActionEnd(template, open + 2);
                int actionEnd = close < 0 ? template.length() : close + 2;
                String body = template.substring(open + 2, close < 0 ? template.length() : close);
                boolean producesOutput = producesOutput(body);
                int actionLines = count(template, open, actionEnd);
                for (int k = 0; k <= actionLines; k++) {
                    lines.get(Math.min(line + k, lineCount) - 1).addAction(producesOutput && k == 0);
                }
                line += actionLines;
                trimNextLiteral = close > 0 && template.charAt(close - 1) == '-'
                        && close - 2 >= open + 2 && isSpace(template.charAt(close - 2));
                pos = actionEnd;
                if (pos >= template.length()) {
                    break;
                }
            }
            return lines;
        }

        private static void addLiteralText(List<LinePattern> lines, String text, int startLine, boolean trimLeading,
                boolean trimTrailing, boolean atTemplateStart, boolean atTemplateEnd) {
            int line = startLine;
            int from = 0;
            int to = text.length();
            if (trimLeading) {
                while (from < to && isSpace(text.charAt(from))) {
                    if (text.charAt(from) == '\n') {
                        line++;
                    }
                    from++;
                }
            }
            if (trimTrailing) {
                while (to > from && isSpace(text.charAt(to - 1))) {
                    to--;
                }
            }
            String kept = text.substring(from, to);
            String[] pieces = kept.split("\n", -1);
            for (int k = 0; k < pieces.length; k++) {
                boolean atLineStart = k > 0 || atTemplateStart && from == 0;
                boolean atLineEnd = k < pieces.length - 1 || atTemplateEnd;
                if (!pieces[k].isEmpty() && line - 1 < lines.size()) {
                    lines.get(line - 1).addLiteral(pieces[k], atLineStart, atLineEnd);
                }
                line++;
            }
        }

        private static boolean producesOutput(String body) {
            String s = body.strip();
            if (s.startsWith("-")) {
                s = s.substring(1).strip();
            }
            if (s.endsWith("-")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            if (s.startsWith("/*")) {
                return false;
            }
            String word = s.split("[\\s(]", 2)[0];
            switch (word) {
                case "if", "else", "end", "range", "with", "define", "break", "continue":
                    return false;
                default:
                    return !s.matches("(?s)^\\$\\w*\\s*:?=.*");
            }
        }

        /** Index of the {@code }}} closing the action that starts at {@code from}, skipping quotes. */
        private static int findActionEnd(String t, int from) {
            int k = from;
            while (k < t.length() - 1) {
                char c = t.charAt(k);
                if (c == '"' || c == '\'' || c == '`') {
                    k = skipQuoted(t, k, c);
                    continue;
                }
                if (c == '/' && t.startsWith("/*", k)) {
                    int end = t.indexOf("*/", k + 2);
                    k = end < 0 ? t.length() : end + 2;
                    continue;
                }
                if (c == '}' && t.charAt(k + 1) == '}') {
                    return k;
                }
                k++;
            }
            return -1;
        }

        private static int skipQuoted(String t, int start, char quote) {
            int k = start + 1;
            while (k < t.length()) {
                char c = t.charAt(k);
                if (c == '\\' && quote != '`') {
                    k += 2;
                    continue;
                }
                if (c == quote) {
                    return k + 1;
                }
                if (c == '\n' && quote != '`') {
                    return k;
                }
                k++;
            }
            return k;
        }

        private static boolean isTrimMarker(String t, int afterOpen) {
            return afterOpen + 1 < t.length() && t.charAt(afterOpen) == '-' && isSpace(t.charAt(afterOpen + 1));
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static int count(String t, int from, int to) {
            int c = 0;
            for (int k = from; k < to && k < t.length(); k++) {
                if (t.charAt(k) == '\n') {
                    c++;
                }
            }
            return c;
        }
    }
}
