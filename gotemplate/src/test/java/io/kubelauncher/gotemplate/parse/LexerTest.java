package io.kubelauncher.gotemplate.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<String> lex(String input) {
        Lexer lexer = new Lexer(input, "{{", "}}", true, true);
        List<String> items = new ArrayList<>();
        while (true) {
            Item item = lexer.nextItem();
            items.add(item.type() + ":" + item.val());
            if (item.type() == ItemType.EOF || item.type() == ItemType.ERROR) {
                return items;
            }
        }
    }

    @Test
    void textAndActionWithPipeline() {
        assertThat(lex("a {{ .x | printf \"%d\" 3 }} b")).containsExactly(
                "TEXT:a ", "LEFT_DELIM:{{", "SPACE: ", "FIELD:.x", "SPACE: ", "PIPE:|", "SPACE: ", "IDENTIFIER:printf",
                "SPACE: ", "STRING:\"%d\"", "SPACE: ", "NUMBER:3", "SPACE: ", "RIGHT_DELIM:}}", "TEXT: b", "EOF:");
    }

    @Test
    void trimMarkersNeedTheSpaceAndEatWhitespace() {
        assertThat(lex("a  {{- 3 -}}  b")).containsExactly(
                "TEXT:a", "LEFT_DELIM:{{", "NUMBER:3", "RIGHT_DELIM:}}", "TEXT:b", "EOF:");
        assertThat(lex("{{-3}}")).containsExactly("LEFT_DELIM:{{", "NUMBER:-3", "RIGHT_DELIM:}}", "EOF:");
    }

    @Test
    void commentsTouchTheDelimitersAndVanish() {
        assertThat(lex("a {{- /* c */ -}} b")).containsExactly("TEXT:a", "TEXT:b", "EOF:");
        assertThat(lex("{{/* c */ x}}")).containsExactly("ERROR:comment ends before closing delimiter");
        assertThat(lex("{{/* c ")).containsExactly("ERROR:unclosed comment");
    }

    @Test
    void keywordsVariablesAndDeclarations() {
        assertThat(lex("{{range $i, $v := .}}{{end}}")).containsExactly(
                "LEFT_DELIM:{{", "RANGE:range", "SPACE: ", "VARIABLE:$i", "CHAR:,", "SPACE: ", "VARIABLE:$v", "SPACE: ",
                "DECLARE::=", "SPACE: ", "DOT:.", "RIGHT_DELIM:}}", "LEFT_DELIM:{{", "END:end", "RIGHT_DELIM:}}", "EOF:");
    }

    @Test
    void numberSyntaxes() {
        for (String n : List.of("0x1F", "0o17", "0b101", "1_000", "1e6", ".5", "1.5e-3", "0x1p-2", "-7", "+3", "1i")) {
            assertThat(lex("{{" + n + "}}")).as(n).containsExactly("LEFT_DELIM:{{", "NUMBER:" + n, "RIGHT_DELIM:}}", "EOF:");
        }
        assertThat(lex("{{1+2i}}")).contains("COMPLEX:1+2i");
        assertThat(lex("{{3k}}")).containsExactly("LEFT_DELIM:{{", "ERROR:bad number syntax: \"3k\"");
    }

    @Test
    void stringsCharsAndErrors() {
        assertThat(lex("{{\"a\\\"b\" `r\\n` 'x' '\\n'}}")).containsExactly("LEFT_DELIM:{{", "STRING:\"a\\\"b\"", "SPACE: ",
                "RAW_STRING:`r\\n`", "SPACE: ", "CHAR_CONSTANT:'x'", "SPACE: ", "CHAR_CONSTANT:'\\n'", "RIGHT_DELIM:}}", "EOF:");
        assertThat(lex("{{\"abc")).containsExactly("LEFT_DELIM:{{", "ERROR:unterminated quoted string");
        assertThat(lex("{{ .x ")).containsExactly("LEFT_DELIM:{{", "SPACE: ", "FIELD:.x", "SPACE: ", "ERROR:unclosed action");
        assertThat(lex("{{ ( }}")).containsExactly("LEFT_DELIM:{{", "SPACE: ", "LEFT_PAREN:(", "SPACE: ", "ERROR:unclosed left paren");
        assertThat(lex("{{ \u0001 }}")).containsExactly("LEFT_DELIM:{{", "SPACE: ", "ERROR:unrecognized character in action: U+0001");
    }

    @Test
    void linesAreCountedLikeGoIncludingItsCommentQuirk() {
        Lexer lexer = new Lexer("a\n{{/* x\ny */}}\n{{.b}}", "{{", "}}", true, true);
        Item text = lexer.nextItem();
        assertThat(text.line()).isEqualTo(1);
        lexer.nextItem(); // "\n" text after the comment
        Item delim = lexer.nextItem();
        // Go does not count the newline inside the comment: the action on line 4 reports line 3.
        assertThat(delim.type()).isEqualTo(ItemType.LEFT_DELIM);
        assertThat(delim.line()).isEqualTo(3);
    }
}
