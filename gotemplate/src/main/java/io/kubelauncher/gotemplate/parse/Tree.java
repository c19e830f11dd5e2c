package io.kubelauncher.gotemplate.parse;

import java.nio.charset.StandardCharsets;

/**
 * One parsed template: a file's own body or a {@code define}/{@code block} body.
 *
 * @param name the template's name
 * @param parseName the name of the file it was parsed from, for error locations
 * @param root its body
 * @param text the whole text of that file, for error locations
 */
public record Tree(String name, String parseName, Node.ListNode root, String text) {

    /**
     * Go's error location of a node: {@code FILE:LINE:COL}, LINE 1-based, COL the 0-based byte offset in the line.
     */
    public String location(Node node) {
        int pos = Math.min(node.pos(), text.length());
        int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        int byteCol = text.substring(lineStart, pos).getBytes(StandardCharsets.UTF_8).length;
        return parseName + ":" + line + ":" + byteCol;
    }

    /** Go's {@code parse.IsEmptyTree}: only whitespace text and comments. */
    public static boolean isEmpty(Node node) {
        if (node == null || node instanceof Node.CommentNode) {
            return true;
        }
        if (node instanceof Node.ListNode) {
            for (Node n : ((Node.ListNode) node).nodes()) {
                if (!isEmpty(n)) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof Node.TextNode) {
            String text = ((Node.TextNode) node).text();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (!isGoSpace(cp)) {
                    return false;
                }
                i += Character.charCount(cp);
            }
            return true;
        }
        return false;
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isGoSpace(int r) {
        switch (r) {
            case '\t': case '\n': case 0x0b: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
                return true;
            default:
                return r > 0xff && Character.getType(r) == Character.SPACE_SEPARATOR
                        || r == 0x2028 || r == 0x2029;
        }
    }
}
