package io.kubelauncher.gotemplate.parse;

/**
 * The template lexer: the state machine of Go's {@code text/template/parse} lexer, producing one
 * {@link Item} per call. Positions are char offsets into the Java string; callers that need Go's
 * byte offsets convert (see {@link Tree#location}).
 *
 * <p>It keeps Go's quirks on purpose, e.g. newlines inside a comment are not counted in line numbers.
 */
final class Lexer {

    private static final int EOF = -1;
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    /** A trim marker plus the space before or after it. */
    private static final int TRIM_MARKER_LEN = 2;

    private enum State { TEXT, LEFT_DELIM, COMMENT, RIGHT_DELIM, INSIDE_ACTION, SPACE, IDENTIFIER, FIELD, VARIABLE, CHAR, NUMBER, QUOTE, RAW_QUOTE }

    private String input;
    private final String leftDelim;
    private final String rightDelim;
    private final boolean breakOK;
    private final boolean continueOK;
    private int pos;
    private int start;
    private boolean atEOF;
    private int parenDepth;
    private int line = 1;
    private int startLine = 1;
    private Item item;
    private boolean insideAction;

    Lexer(String input, String leftDelim, String rightDelim, boolean breakOK, boolean continueOK) {
        this.input = input;
        this.leftDelim = leftDelim;
        this.rightDelim = rightDelim;
        this.breakOK = breakOK;
        this.continueOK = continueOK;
    }

    Item nextItem() {
        item = new Item(ItemType.EOF, pos, "EOF", startLine);
        State state = insideAction ? State.INSIDE_ACTION : State.TEXT;
        while (state != null) {
            state = step(state);
        }
        return item;
    }

    private State step(State state) {
        switch (state) {
            case TEXT: return lexText();
            case LEFT_DELIM: return lexLeftDelim();
            case COMMENT: return lexComment();
            case RIGHT_DELIM: return lexRightDelim();
            case INSIDE_ACTION: return lexInsideAction();
            case SPACE: return lexSpace();
            case IDENTIFIER: return lexIdentifier();
            case FIELD: return lexFieldOrVariable(ItemType.FIELD);
            case VARIABLE: return lexVariable();
            case CHAR: return lexChar();
            case NUMBER: return lexNumber();
            case QUOTE: return lexQuote();
            case RAW_QUOTE: return lexRawQuote();
            default: throw new IllegalStateException(state.name());
        }
    }

    // --- scanning primitives ---

    private int next() {
        if (pos >= input.length()) {
            atEOF = true;
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        if (!atEOF && pos > 0) {
            int r = input.codePointBefore(pos);
            pos -= Character.charCount(r);
            if (r == '\n') {
                line--;
            }
        }
    }

    private Item thisItem(ItemType type) {
        Item i = new Item(type, start, input.substring(start, pos), startLine);
        start = pos;
        startLine = line;
        return i;
    }

    private State emit(ItemType type) {
        return emitItem(thisItem(type));
    }

    private State emitItem(Item i) {
        item = i;
        return null;
    }

    private void ignore() {
        line += countNewlines(start, pos);
        start = pos;
        startLine = line;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        int r;
        do {
            r = next();
        } while (r != EOF && valid.indexOf(r) >= 0);
        backup();
    }

    private State errorf(String message) {
        item = new Item(ItemType.ERROR, start, message, startLine);
        start = 0;
        pos = 0;
        input = "";
        return null;
    }

    private int countNewlines(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (input.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    // --- states ---

    private State lexText() {
        int x = input.indexOf(leftDelim, pos);
        if (x >= 0) {
            if (x > pos) {
                pos = x;
                int trimLength = 0;
                int delimEnd = pos + leftDelim.length();
                if (hasLeftTrimMarker(delimEnd)) {
                    trimLength = rightTrimLength(start, pos);
                }
                pos -= trimLength;
                line += countNewlines(start, pos);
                Item i = thisItem(ItemType.TEXT);
                pos += trimLength;
                ignore();
                if (!i.val().isEmpty()) {
                    return emitItem(i);
                }
            }
            return State.LEFT_DELIM;
        }
        pos = input.length();
        if (pos > start) {
            line += countNewlines(start, pos);
            return emit(ItemType.TEXT);
        }
        return emit(ItemType.EOF);
    }

    private int rightTrimLength(int from, int to) {
        int end = to;
        while (end > from && isSpace(input.charAt(end - 1))) {
            end--;
        }
        return to - end;
    }

    private int leftTrimLength(int from) {
        int i = from;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** Whether a right delimiter (possibly after a trim marker) is at pos, and whether it trims. */
    private boolean atRightDelim() {
        return hasRightTrimMarker(pos) && input.startsWith(rightDelim, pos + TRIM_MARKER_LEN)
                || input.startsWith(rightDelim, pos);
    }

    private boolean rightDelimTrims() {
        return hasRightTrimMarker(pos) && input.startsWith(rightDelim, pos + TRIM_MARKER_LEN);
    }

    private State lexLeftDelim() {
        pos += leftDelim.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return State.COMMENT;
        }
        Item i = thisItem(ItemType.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return emitItem(i);
    }

    private State lexComment() {
        pos += LEFT_COMMENT.length();
        int x = input.indexOf(RIGHT_COMMENT, pos);
        if (x < 0) {
            return errorf("unclosed comment");
        }
        pos = x + RIGHT_COMMENT.length();
        if (!atRightDelim()) {
            return errorf("comment ends before closing delimiter");
        }
        boolean trimSpace = rightDelimTrims();
        thisItem(ItemType.COMMENT); // comments are not emitted, but thisItem moves start (Go's line-count quirk)
        if (trimSpace) {
            pos += TRIM_MARKER_LEN;
        }
        pos += rightDelim.length();
        if (trimSpace) {
            pos += leftTrimLength(pos);
        }
        ignore();
        return State.TEXT;
    }

    private State lexRightDelim() {
        boolean trimSpace = rightDelimTrims();
        if (trimSpace) {
            pos += TRIM_MARKER_LEN;
            ignore();
        }
        pos += rightDelim.length();
        Item i = thisItem(ItemType.RIGHT_DELIM);
        if (trimSpace) {
            pos += leftTrimLength(pos);
            ignore();
        }
        insideAction = false;
        return emitItem(i);
    }

    private State lexInsideAction() {
        if (atRightDelim()) {
            if (parenDepth == 0) {
                return State.RIGHT_DELIM;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup(); // Put space back in case we have " -}}".
            return State.SPACE;
        }
        switch (r) {
            case '=':
                return emit(ItemType.ASSIGN);
            case ':':
                if (next() != '=') {
                    return errorf("expected :=");
                }
                return emit(ItemType.DECLARE);
            case '|':
                return emit(ItemType.PIPE);
            case '"':
                return State.QUOTE;
            case '`':
                return State.RAW_QUOTE;
            case '$':
                return State.VARIABLE;
            case '\'':
                return State.CHAR;
            case '(':
                parenDepth++;
                return emit(ItemType.LEFT_PAREN);
            case ')':
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren");
                }
                return emit(ItemType.RIGHT_PAREN);
            default:
                break;
        }
        if (r == '.') {
            if (pos < input.length()) {
                char c = input.charAt(pos);
                if (c < '0' || '9' < c) {
                    return State.FIELD;
                }
            }
            backup();
            return State.NUMBER;
        }
        if (r == '+' || r == '-' || ('0' <= r && r <= '9')) {
            backup();
            return State.NUMBER;
        }
        if (isAlphaNumeric(r)) {
            backup();
            return State.IDENTIFIER;
        }
        if (r <= 0x7f && r >= 0x20 && r != 0x7f) {
            return emit(ItemType.CHAR);
        }
        return errorf("unrecognized character in action: " + goUnicode(r));
    }

    private State lexSpace() {
        int numSpaces = 0;
        while (true) {
            int r = peek();
            if (!isSpace(r)) {
                break;
            }
            next();
            numSpaces++;
        }
        if (hasRightTrimMarker(pos - 1) && input.startsWith(rightDelim, pos - 1 + TRIM_MARKER_LEN)) {
            backup(); // Before the space.
            if (numSpaces == 1) {
                return State.RIGHT_DELIM; // On the delim, so go right to that.
            }
        }
        return emit(ItemType.SPACE);
    }

    private State lexIdentifier() {
        while (true) {
            int r = next();
            if (isAlphaNumeric(r)) {
                continue;
            }
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                return errorf("bad character " + goUnicode(r));
            }
            ItemType key = ItemType.keyword(word);
            if (key != null) {
                if (key == ItemType.BREAK && !breakOK || key == ItemType.CONTINUE && !continueOK) {
                    return emit(ItemType.IDENTIFIER);
                }
                return emit(key);
            }
            if (word.charAt(0) == '.') {
                return emit(ItemType.FIELD);
            }
            if (word.equals("true") || word.equals("false")) {
                return emit(ItemType.BOOL);
            }
            return emit(ItemType.IDENTIFIER);
        }
    }

    private State lexVariable() {
        if (atTerminator()) { // Nothing interesting follows -> "$".
            return emit(ItemType.VARIABLE);
        }
        return lexFieldOrVariable(ItemType.VARIABLE);
    }

    private State lexFieldOrVariable(ItemType type) {
        if (atTerminator()) { // Nothing interesting follows -> "." or "$".
            return emit(type == ItemType.VARIABLE ? ItemType.VARIABLE : ItemType.DOT);
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + goUnicode(r));
        }
        return emit(type);
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF:
            case '.':
            case ',':
            case '|':
            case ':':
            case ')':
            case '(':
                return true;
            default:
                return input.startsWith(rightDelim, pos);
        }
    }

    private State lexChar() {
        while (true) {
            int r = next();
            if (r == '\\') {
                int e = next();
                if (e != EOF && e != '\n') {
                    continue;
                }
                return errorf("unterminated character constant");
            }
            if (r == EOF || r == '\n') {
                return errorf("unterminated character constant");
            }
            if (r == '\'') {
                return emit(ItemType.CHAR_CONSTANT);
            }
        }
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoLiterals.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            // Complex: 1+2i. No spaces, must end in 'i'.
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoLiterals.quote(input.substring(start, pos)));
            }
            return emit(ItemType.COMPLEX);
        }
        return emit(ItemType.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 10 + 1 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 16 + 6 + 1 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private State lexQuote() {
        while (true) {
            int r = next();
            if (r == '\\') {
                int e = next();
                if (e != EOF && e != '\n') {
                    continue;
                }
                return errorf("unterminated quoted string");
            }
            if (r == EOF || r == '\n') {
                return errorf("unterminated quoted string");
            }
            if (r == '"') {
                return emit(ItemType.STRING);
            }
        }
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                return emit(ItemType.RAW_STRING);
            }
        }
    }

    // --- character classes ---

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    /** Go's {@code %#U}: {@code U+0023 '#'}, without the quoted rune when it is not printable. */
    static String goUnicode(int r) {
        if (r < 0) {
            r = 0xFFFD;
        }
        StringBuilder sb = new StringBuilder("U+");
        String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
        for (int i = hex.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(hex);
        if (GoLiterals.isPrint(r)) {
            sb.append(" '").appendCodePoint(r).append('\'');
        }
        return sb.toString();
    }
}
