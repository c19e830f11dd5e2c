package io.kubelauncher.gotemplate.parse;

/** Lexical item kinds, in Go's order: every kind after {@link #KEYWORD} prints as {@code <word>}. */
enum ItemType {
    ERROR,
    BOOL,
    CHAR,
    CHAR_CONSTANT,
    COMMENT,
    COMPLEX,
    ASSIGN,
    DECLARE,
    EOF,
    FIELD,
    IDENTIFIER,
    LEFT_DELIM,
    LEFT_PAREN,
    NUMBER,
    PIPE,
    RAW_STRING,
    RIGHT_DELIM,
    RIGHT_PAREN,
    SPACE,
    STRING,
    TEXT,
    VARIABLE,
    KEYWORD,
    BLOCK,
    BREAK,
    CONTINUE,
    DOT,
    DEFINE,
    ELSE,
    END,
    IF,
    NIL,
    RANGE,
    TEMPLATE,
    WITH;

    boolean isKeyword() {
        return ordinal() > KEYWORD.ordinal();
    }

    static ItemType keyword(String word) {
        switch (word) {
            case ".": return DOT;
            case "block": return BLOCK;
            case "break": return BREAK;
            case "continue": return CONTINUE;
            case "define": return DEFINE;
            case "else": return ELSE;
            case "end": return END;
            case "if": return IF;
            case "range": return RANGE;
            case "nil": return NIL;
            case "template": return TEMPLATE;
            case "with": return WITH;
            default: return null;
        }
    }
}
