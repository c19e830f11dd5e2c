package io.kubelauncher.gotemplate.parse;

import io.kubelauncher.gotemplate.format.GoStrconv;
import java.util.List;

/**
 * A node of a parsed template. {@link #toString()} is Go's {@code Node.String()}, which execution
 * errors quote ({@code executing "x" at <NODE>}); {@link #pos()} is the char offset in the template
 * text where the node starts.
 */
public sealed interface Node {

    int pos();

    void writeTo(StringBuilder sb);

    static String toString(Node node) {
        StringBuilder sb = new StringBuilder();
        node.writeTo(sb);
        return sb.toString();
    }

    /** A sequence of nodes. */
    record ListNode(int pos, List<Node> nodes) implements Node {
        public ListNode {
            nodes = List.copyOf(nodes);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            for (Node n : nodes) {
                n.writeTo(sb);
            }
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** Plain text outside actions. */
    record TextNode(int pos, String text) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A comment (kept only for completeness; the lexer drops comments as Go does by default). */
    record CommentNode(int pos, String text) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{").append(text).append("}}");
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** A pipeline with optional variable declarations or assignments. */
    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) implements Node {
        public PipeNode {
            decl = List.copyOf(decl);
            cmds = List.copyOf(cmds);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    decl.get(i).writeTo(sb);
                }
                sb.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                if (i > 0) {
                    sb.append(" | ");
                }
                cmds.get(i).writeTo(sb);
            }
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** An action {@code {{pipeline}}} whose value is printed unless it declares variables. */
    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{");
            pipe.writeTo(sb);
            sb.append("}}");
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** A command: a function, field or value followed by arguments. */
    record CommandNode(int pos, List<Node> args) implements Node {
        public CommandNode {
            args = List.copyOf(args);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                Node arg = args.get(i);
                if (arg instanceof PipeNode) {
                    sb.append('(');
                    arg.writeTo(sb);
                    sb.append(')');
                } else {
                    arg.writeTo(sb);
                }
            }
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** A function name. */
    record IdentifierNode(int pos, String ident) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(ident);
        }

        @Override
        public String toString() {
            return ident;
        }
    }

    /** A variable, possibly followed by fields: {@code $x.a.b} has ident {@code [$x, a, b]}. */
    record VariableNode(int pos, List<String> ident) implements Node {
        public VariableNode {
            ident = List.copyOf(ident);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            for (int i = 0; i < ident.size(); i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(ident.get(i));
            }
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** The cursor {@code .}. */
    record DotNode(int pos) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append('.');
        }

        @Override
        public String toString() {
            return ".";
        }
    }

    /** The untyped constant {@code nil}. */
    record NilNode(int pos) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("nil");
        }

        @Override
        public String toString() {
            return "nil";
        }
    }

    /** A field chain on dot: {@code .a.b} has ident {@code [a, b]}. */
    record FieldNode(int pos, List<String> ident) implements Node {
        public FieldNode {
            ident = List.copyOf(ident);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            for (String id : ident) {
                sb.append('.').append(id);
            }
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** Fields applied to a term that is not dot or a variable, e.g. {@code (pipeline).a.b}. */
    record ChainNode(int pos, Node node, List<String> fields) implements Node {
        public ChainNode {
            fields = List.copyOf(fields);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            if (node instanceof PipeNode) {
                sb.append('(');
                node.writeTo(sb);
                sb.append(')');
            } else {
                node.writeTo(sb);
            }
            for (String f : fields) {
                sb.append('.').append(f);
            }
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** {@code true} or {@code false}. */
    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(value);
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A numeric constant with every interpretation Go gives it: a literal may be at once an int, a
     * uint and a float ({@code 3.0} is all three).
     */
    record NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, boolean isComplex,
            long int64, long uint64, double float64, double real, double imag) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A string constant; {@code quoted} is the original token, {@code text} its value. */
    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(quoted);
        }

        @Override
        public String toString() {
            return quoted;
        }
    }

    /** {@code {{end}}}: only seen while parsing. */
    record EndNode(int pos) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{end}}");
        }

        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    /** {@code {{else}}}: only seen while parsing. */
    record ElseNode(int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{else}}");
        }

        @Override
        public String toString() {
            return "{{else}}";
        }
    }

    /** {@code if}, {@code range} and {@code with}. */
    enum BranchKind {
        IF("if"), RANGE("range"), WITH("with");

        private final String keyword;

        BranchKind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** An {@code if}, {@code range} or {@code with} action with its lists; elseList may be null. */
    record BranchNode(BranchKind kind, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{").append(kind.keyword()).append(' ');
            pipe.writeTo(sb);
            sb.append("}}");
            list.writeTo(sb);
            if (elseList != null) {
                sb.append("{{else}}");
                elseList.writeTo(sb);
            }
            sb.append("{{end}}");
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }

    /** {@code {{break}}}. */
    record BreakNode(int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{break}}");
        }

        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    /** {@code {{continue}}}. */
    record ContinueNode(int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{continue}}");
        }

        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** {@code {{template "name" pipeline}}} (also what a {@code block} leaves in place); pipe may be null. */
    record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{template ").append(GoStrconv.quote(name));
            if (pipe != null) {
                sb.append(' ');
                pipe.writeTo(sb);
            }
            sb.append("}}");
        }

        @Override
        public String toString() {
            return Node.toString(this);
        }
    }
}
