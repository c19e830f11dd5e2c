package io.kubelauncher.gotemplate.parse;

import io.kubelauncher.gotemplate.format.GoStrconv;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Parses one template text into its trees (the text's own body plus every {@code define} and
 * {@code block}), following Go's {@code text/template/parse} grammar, lookahead and error messages.
 */
public final class Parser {

    private static final double TWO_63 = 0x1p63;
    private static final double TWO_64 = 0x1p64;

    private final Lexer lex;
    private final String text;
    private final String parseName;
    private final Predicate<String> functions;
    private final Map<String, Tree> treeSet = new LinkedHashMap<>();

    private Parser(String parseName, String text, String leftDelim, String rightDelim, Predicate<String> functions) {
        this.text = text;
        this.parseName = parseName;
        this.functions = functions;
        this.lex = new Lexer(text, leftDelim, rightDelim, !functions.test("break"), !functions.test("continue"));
    }

    /**
     * Parses {@code text} as the template {@code name} with Go's default delimiters.
     *
     * @param functions whether a function name is defined (Go checks this at parse time)
     * @return every tree the text defines, by name, the text's own first
     */
    public static Map<String, Tree> parse(String name, String text, Predicate<String> functions) throws ParseException {
        return parse(name, text, "{{", "}}", functions);
    }

    public static Map<String, Tree> parse(String name, String text, String leftDelim, String rightDelim,
            Predicate<String> functions) throws ParseException {
        Parser parser = new Parser(name, text, leftDelim, rightDelim, functions);
        try {
            TreeParser top = parser.new TreeParser(name);
            top.parse();
            top.add();
        } catch (Failure f) {
            throw new ParseException(f.getMessage());
        }
        return parser.treeSet;
    }

    /** Unwinds the parse with Go's error text. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The parse state of one tree; define and block bodies get their own, sharing the lexer. */
    private final class TreeParser {
        private String name;
        private Node.ListNode root;
        private final Item[] token = new Item[3];
        private int peekCount;
        private final List<String> vars = new ArrayList<>(List.of("$"));
        private int actionLine;
        private int rangeDepth;

        TreeParser(String name) {
            this.name = name;
        }

        // --- token buffer (Go's three-token lookahead) ---

        private Item next() {
            if (peekCount > 0) {
                peekCount--;
            } else {
                token[0] = lex.nextItem();
            }
            return token[peekCount];
        }

        private void backup() {
            peekCount++;
        }

        private void backup2(Item t1) {
            token[1] = t1;
            peekCount = 2;
        }

        private void backup3(Item t2, Item t1) {
            token[1] = t1;
            token[2] = t2;
            peekCount = 3;
        }

        private Item peek() {
            if (peekCount > 0) {
                return token[peekCount - 1];
            }
            peekCount = 1;
            token[0] = lex.nextItem();
            return token[0];
        }

        private Item nextNonSpace() {
            Item t;
            do {
                t = next();
            } while (t.type() == ItemType.SPACE);
            return t;
        }

        private Item peekNonSpace() {
            Item t = nextNonSpace();
            backup();
            return t;
        }

        // --- errors ---

        private Failure errorf(String message) {
            int line = token[0] == null ? 0 : token[0].line();
            return new Failure("template: " + parseName + ":" + line + ": " + message);
        }

        private Item expect(ItemType expected, String context) {
            Item t = nextNonSpace();
            if (t.type() != expected) {
                throw unexpected(t, context);
            }
            return t;
        }

        private Item expectOneOf(ItemType expected1, ItemType expected2, String context) {
            Item t = nextNonSpace();
            if (t.type() != expected1 && t.type() != expected2) {
                throw unexpected(t, context);
            }
            return t;
        }

        private Failure unexpected(Item t, String context) {
            if (t.type() == ItemType.ERROR) {
                String extra = "";
                if (actionLine != 0 && actionLine != t.line()) {
                    extra = " in action started at " + parseName + ":" + actionLine;
                    if (t.val().endsWith(" action")) {
                        extra = extra.substring(" in action".length());
                    }
                }
                return errorf(t + extra);
            }
            return errorf("unexpected " + t + " in " + context);
        }

        // --- trees ---

        private void add() {
            Tree existing = treeSet.get(name);
            Tree tree = new Tree(name, parseName, root, text);
            if (existing == null || Tree.isEmpty(existing.root())) {
                treeSet.put(name, tree);
                return;
            }
            if (!Tree.isEmpty(root)) {
                throw errorf("template: multiple definition of template " + GoStrconv.quote(name));
            }
        }

        void parse() {
            int pos = peek().pos();
            List<Node> nodes = new ArrayList<>();
            while (peek().type() != ItemType.EOF) {
                if (peek().type() == ItemType.LEFT_DELIM) {
                    Item delim = next();
                    if (nextNonSpace().type() == ItemType.DEFINE) {
                        TreeParser definition = new TreeParser("definition");
                        definition.parseDefinition();
                        continue;
                    }
                    backup2(delim);
                }
                Node n = textOrAction();
                if (n instanceof Node.EndNode || n instanceof Node.ElseNode) {
                    throw errorf("unexpected " + n);
                }
                nodes.add(n);
            }
            root = new Node.ListNode(pos, nodes);
        }

        private void parseDefinition() {
            String context = "define clause";
            Item nameToken = expectOneOf(ItemType.STRING, ItemType.RAW_STRING, context);
            name = unquote(nameToken.val());
            expect(ItemType.RIGHT_DELIM, context);
            Node[] end = new Node[1];
            root = itemList(end);
            if (!(end[0] instanceof Node.EndNode)) {
                throw errorf("unexpected " + end[0] + " in " + context);
            }
            add();
        }

        private Node.ListNode itemList(Node[] end) {
            int pos = peekNonSpace().pos();
            List<Node> nodes = new ArrayList<>();
            while (peekNonSpace().type() != ItemType.EOF) {
                Node n = textOrAction();
                if (n instanceof Node.EndNode || n instanceof Node.ElseNode) {
                    end[0] = n;
                    return new Node.ListNode(pos, nodes);
                }
                nodes.add(n);
            }
            throw errorf("unexpected EOF");
        }

        private Node textOrAction() {
            Item t = nextNonSpace();
            switch (t.type()) {
                case TEXT:
                    return new Node.TextNode(t.pos(), t.val());
                case LEFT_DELIM:
                    actionLine = t.line();
                    try {
                        return action();
                    } finally {
                        actionLine = 0;
                    }
                case COMMENT:
                    return new Node.CommentNode(t.pos(), t.val());
                default:
                    throw unexpected(t, "input");
            }
        }

        private Node action() {
            Item t = nextNonSpace();
            switch (t.type()) {
                case BLOCK:
                    return blockControl();
                case BREAK:
                    return breakControl(t.pos(), t.line());
                case CONTINUE:
                    return continueControl(t.pos(), t.line());
                case ELSE:
                    return elseControl();
                case END:
                    return endControl();
                case IF:
                    return branch(Node.BranchKind.IF);
                case RANGE:
                    return branch(Node.BranchKind.RANGE);
                case TEMPLATE:
                    return templateControl();
                case WITH:
                    return branch(Node.BranchKind.WITH);
                default:
                    break;
            }
            backup();
            Item start = peek();
            return new Node.ActionNode(start.pos(), start.line(), pipeline("command", ItemType.RIGHT_DELIM));
        }

        private Node breakControl(int pos, int line) {
            Item t = nextNonSpace();
            if (t.type() != ItemType.RIGHT_DELIM) {
                throw unexpected(t, "{{break}}");
            }
            if (rangeDepth == 0) {
                throw errorf("{{break}} outside {{range}}");
            }
            return new Node.BreakNode(pos, line);
        }

        private Node continueControl(int pos, int line) {
            Item t = nextNonSpace();
            if (t.type() != ItemType.RIGHT_DELIM) {
                throw unexpected(t, "{{continue}}");
            }
            if (rangeDepth == 0) {
                throw errorf("{{continue}} outside {{range}}");
            }
            return new Node.ContinueNode(pos, line);
        }

        private Node.PipeNode pipeline(String context, ItemType end) {
            Item first = peekNonSpace();
            List<Node.VariableNode> decl = new ArrayList<>();
            boolean isAssign = false;
            decls:
            while (true) {
                Item v = peekNonSpace();
                if (v.type() == ItemType.VARIABLE) {
                    next();
                    Item tokenAfterVariable = peek();
                    Item after = peekNonSpace();
                    if (after.type() == ItemType.ASSIGN || after.type() == ItemType.DECLARE) {
                        isAssign = after.type() == ItemType.ASSIGN;
                        nextNonSpace();
                        decl.add(newVariable(v.pos(), v.val()));
                        vars.add(v.val());
                    } else if (after.type() == ItemType.CHAR && after.val().equals(",")) {
                        nextNonSpace();
                        decl.add(newVariable(v.pos(), v.val()));
                        vars.add(v.val());
                        if (context.equals("range") && decl.size() < 2) {
                            switch (peekNonSpace().type()) {
                                case VARIABLE:
                                case RIGHT_DELIM:
                                case RIGHT_PAREN:
                                    continue decls;
                                default:
                                    throw errorf("range can only initialize variables");
                            }
                        }
                        throw errorf("too many declarations in " + context);
                    } else if (tokenAfterVariable.type() == ItemType.SPACE) {
                        backup3(v, tokenAfterVariable);
                    } else {
                        backup2(v);
                    }
                }
                break;
            }
            List<Node.CommandNode> cmds = new ArrayList<>();
            while (true) {
                Item t = nextNonSpace();
                if (t.type() == end) {
                    checkPipeline(cmds, context);
                    return new Node.PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
                }
                switch (t.type()) {
                    case BOOL:
                    case CHAR_CONSTANT:
                    case COMPLEX:
                    case DOT:
                    case FIELD:
                    case IDENTIFIER:
                    case NUMBER:
                    case NIL:
                    case RAW_STRING:
                    case STRING:
                    case VARIABLE:
                    case LEFT_PAREN:
                        backup();
                        cmds.add(command());
                        break;
                    default:
                        throw unexpected(t, context);
                }
            }
        }

        private void checkPipeline(List<Node.CommandNode> cmds, String context) {
            if (cmds.isEmpty()) {
                throw errorf("missing value for " + context);
            }
            for (int i = 1; i < cmds.size(); i++) {
                Node first = cmds.get(i).args().get(0);
                if (first instanceof Node.BoolNode || first instanceof Node.DotNode || first instanceof Node.NilNode
                        || first instanceof Node.NumberNode || first instanceof Node.StringNode) {
                    throw errorf("non executable command in pipeline stage " + (i + 1));
                }
            }
        }

        private Node branch(Node.BranchKind kind) {
            int mark = vars.size();
            try {
                String context = kind.keyword();
                Node.PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
                if (kind == Node.BranchKind.RANGE) {
                    rangeDepth++;
                }
                Node[] next = new Node[1];
                Node.ListNode list = itemList(next);
                if (kind == Node.BranchKind.RANGE) {
                    rangeDepth--;
                }
                Node.ListNode elseList = null;
                if (next[0] instanceof Node.ElseNode) {
                    if (kind == Node.BranchKind.IF && peek().type() == ItemType.IF) {
                        next();
                        elseList = new Node.ListNode(next[0].pos(), List.of(branch(Node.BranchKind.IF)));
                    } else if (kind == Node.BranchKind.WITH && peek().type() == ItemType.WITH) {
                        next();
                        elseList = new Node.ListNode(next[0].pos(), List.of(branch(Node.BranchKind.WITH)));
                    } else {
                        elseList = itemList(next);
                        if (!(next[0] instanceof Node.EndNode)) {
                            throw errorf("expected end; found " + next[0]);
                        }
                    }
                }
                return new Node.BranchNode(kind, pipe.pos(), pipe.line(), pipe, list, elseList);
            } finally {
                while (vars.size() > mark) {
                    vars.remove(vars.size() - 1);
                }
            }
        }

        private Node endControl() {
            return new Node.EndNode(expect(ItemType.RIGHT_DELIM, "end").pos());
        }

        private Node elseControl() {
            Item p = peekNonSpace();
            if (p.type() == ItemType.IF || p.type() == ItemType.WITH) {
                return new Node.ElseNode(p.pos(), p.line());
            }
            Item t = expect(ItemType.RIGHT_DELIM, "else");
            return new Node.ElseNode(t.pos(), t.line());
        }

        private Node blockControl() {
            String context = "block clause";
            Item t = nextNonSpace();
            String blockName = parseTemplateName(t, context);
            Node.PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
            TreeParser block = new TreeParser(blockName);
            Node[] end = new Node[1];
            block.root = block.itemList(end);
            if (!(end[0] instanceof Node.EndNode)) {
                throw errorf("unexpected " + end[0] + " in " + context);
            }
            block.add();
            return new Node.TemplateNode(t.pos(), t.line(), blockName, pipe);
        }

        private Node templateControl() {
            String context = "template clause";
            Item t = nextNonSpace();
            String templateName = parseTemplateName(t, context);
            Node.PipeNode pipe = null;
            if (nextNonSpace().type() != ItemType.RIGHT_DELIM) {
                backup();
                pipe = pipeline(context, ItemType.RIGHT_DELIM);
            }
            return new Node.TemplateNode(t.pos(), t.line(), templateName, pipe);
        }

        private String parseTemplateName(Item t, String context) {
            if (t.type() == ItemType.STRING || t.type() == ItemType.RAW_STRING) {
                return unquote(t.val());
            }
            throw unexpected(t, context);
        }

        private String unquote(String quoted) {
            try {
                return GoLiterals.unquote(quoted);
            } catch (GoLiterals.SyntaxException e) {
                throw errorf(e.getMessage());
            }
        }

        private Node.CommandNode command() {
            int pos = peekNonSpace().pos();
            List<Node> args = new ArrayList<>();
            while (true) {
                peekNonSpace(); // skip leading spaces
                Node operand = operand();
                if (operand != null) {
                    args.add(operand);
                }
                Item t = next();
                if (t.type() == ItemType.SPACE) {
                    continue;
                }
                switch (t.type()) {
                    case RIGHT_DELIM:
                    case RIGHT_PAREN:
                        backup();
                        break;
                    case PIPE:
                        break;
                    default:
                        throw unexpected(t, "operand");
                }
                break;
            }
            if (args.isEmpty()) {
                throw errorf("empty command");
            }
            return new Node.CommandNode(pos, args);
        }

        private Node operand() {
            Node node = term();
            if (node == null) {
                return null;
            }
            if (peek().type() == ItemType.FIELD) {
                int chainPos = peek().pos();
                List<String> fields = new ArrayList<>();
                while (peek().type() == ItemType.FIELD) {
                    fields.add(next().val().substring(1));
                }
                if (node instanceof Node.FieldNode) {
                    List<String> ident = new ArrayList<>(((Node.FieldNode) node).ident());
                    ident.addAll(fields);
                    return new Node.FieldNode(chainPos, ident);
                }
                if (node instanceof Node.VariableNode) {
                    List<String> ident = new ArrayList<>(((Node.VariableNode) node).ident());
                    ident.addAll(fields);
                    return new Node.VariableNode(chainPos, ident);
                }
                if (node instanceof Node.BoolNode || node instanceof Node.StringNode || node instanceof Node.NumberNode
                        || node instanceof Node.NilNode || node instanceof Node.DotNode) {
                    throw errorf("unexpected . after term " + GoStrconv.quote(node.toString()));
                }
                return new Node.ChainNode(chainPos, node, fields);
            }
            return node;
        }

        private Node term() {
            Item t = nextNonSpace();
            switch (t.type()) {
                case IDENTIFIER:
                    if (!functions.test(t.val())) {
                        throw errorf("function " + GoStrconv.quote(t.val()) + " not defined");
                    }
                    return new Node.IdentifierNode(t.pos(), t.val());
                case DOT:
                    return new Node.DotNode(t.pos());
                case NIL:
                    return new Node.NilNode(t.pos());
                case VARIABLE:
                    return useVar(t.pos(), t.val());
                case FIELD:
                    return new Node.FieldNode(t.pos(), List.of(t.val().substring(1).split("\\.", -1)));
                case BOOL:
                    return new Node.BoolNode(t.pos(), t.val().equals("true"));
                case CHAR_CONSTANT:
                case COMPLEX:
                case NUMBER:
                    return newNumber(t.pos(), t.val(), t.type());
                case LEFT_PAREN:
                    return pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN);
                case STRING:
                case RAW_STRING:
                    return new Node.StringNode(t.pos(), t.val(), unquote(t.val()));
                default:
                    backup();
                    return null;
            }
        }

        private Node.VariableNode newVariable(int pos, String text) {
            String[] ident = text.split("\\.", -1);
            ident[0] = ident[0].intern(); // the executor looks variables up by name on every use
            return new Node.VariableNode(pos, List.of(ident));
        }

        private Node useVar(int pos, String text) {
            Node.VariableNode v = newVariable(pos, text);
            if (vars.contains(v.ident().get(0))) {
                return v;
            }
            throw errorf("undefined variable " + GoStrconv.quote(v.ident().get(0)));
        }

        private Node.NumberNode newNumber(int pos, String text, ItemType type) {
            if (type == ItemType.CHAR_CONSTANT) {
                int r;
                try {
                    r = GoLiterals.charConstant(text);
                } catch (GoLiterals.SyntaxException e) {
                    throw errorf(e.getMessage());
                }
                return new Node.NumberNode(pos, text, true, true, true, false, r, r, r, 0, 0);
            }
            if (type == ItemType.COMPLEX) {
                return complexNumber(pos, text);
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) == 'i') {
                Double f = GoLiterals.parseFloat(text.substring(0, text.length() - 1));
                if (f != null) {
                    return simplifyComplex(pos, text, 0, f);
                }
            }
            boolean isInt = false;
            boolean isUint = false;
            boolean isFloat = false;
            long int64 = 0;
            long uint64 = 0;
            double float64 = 0;
            BigInteger u = GoLiterals.parseUint(text);
            if (u != null) {
                isUint = true;
                uint64 = u.longValue();
            }
            Long i = GoLiterals.parseInt(text);
            if (i != null) {
                isInt = true;
                int64 = i;
                if (i == 0) {
                    isUint = true; // in case of -0
                    uint64 = u == null ? 0 : u.longValue();
                }
            }
            if (isInt) {
                isFloat = true;
                float64 = int64;
            } else if (isUint) {
                isFloat = true;
                float64 = u.doubleValue();
            } else {
                Double f = GoLiterals.parseFloat(text);
                if (f != null) {
                    if (!containsAny(text, ".eEpP")) {
                        throw errorf("integer overflow: " + GoStrconv.quote(text));
                    }
                    isFloat = true;
                    float64 = f;
                    if (isIntegral(f) && f >= -TWO_63 && f < TWO_63) {
                        isInt = true;
                        int64 = f.longValue();
                    }
                    if (isIntegral(f) && f >= 0 && f < TWO_64) {
                        isUint = true;
                        uint64 = new java.math.BigDecimal(f).toBigInteger().longValue();
                    }
                }
            }
            if (!isInt && !isUint && !isFloat) {
                throw errorf("illegal number syntax: " + GoStrconv.quote(text));
            }
            return new Node.NumberNode(pos, text, isInt, isUint, isFloat, false, int64, uint64, float64, 0, 0);
        }

        private Node.NumberNode complexNumber(int pos, String text) {
            // "re+imi" or "re-imi": split at the sign that starts the imaginary part.
            int split = -1;
            for (int k = text.length() - 2; k > 0; k--) {
                char c = text.charAt(k);
                char before = text.charAt(k - 1);
                if ((c == '+' || c == '-') && before != 'e' && before != 'E' && before != 'p' && before != 'P') {
                    split = k;
                    break;
                }
            }
            Double re = split < 0 ? null : GoLiterals.parseFloat(text.substring(0, split));
            Double im = split < 0 ? null : GoLiterals.parseFloat(text.substring(split, text.length() - 1));
            if (re == null || im == null) {
                throw errorf("strconv.ParseFloat: parsing " + GoStrconv.quote(text) + ": invalid syntax");
            }
            return simplifyComplex(pos, text, re, im);
        }

        private Node.NumberNode simplifyComplex(int pos, String text, double re, double im) {
            boolean isFloat = im == 0;
            boolean isInt = false;
            boolean isUint = false;
            long int64 = 0;
            long uint64 = 0;
            double float64 = 0;
            if (isFloat) {
                float64 = re;
                isInt = isIntegral(re) && re >= -TWO_63 && re < TWO_63;
                if (isInt) {
                    int64 = (long) re;
                }
                isUint = isIntegral(re) && re >= 0 && re < TWO_64;
                if (isUint) {
                    uint64 = new java.math.BigDecimal(re).toBigInteger().longValue();
                }
            }
            return new Node.NumberNode(pos, text, isInt, isUint, isFloat, true, int64, uint64, float64, re, im);
        }
    }

    private static boolean isIntegral(double f) {
        return !Double.isInfinite(f) && !Double.isNaN(f) && f == Math.floor(f);
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
