package io.kubelauncher.gotemplate.exec;

import static io.kubelauncher.gotemplate.exec.Values.NO_FINAL;
import static io.kubelauncher.gotemplate.exec.Values.NO_VALUE;
import static io.kubelauncher.gotemplate.exec.Values.REFLECT_VALUE;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.format.GoStrconv;
import io.kubelauncher.gotemplate.format.GoStringOrder;
import io.kubelauncher.gotemplate.function.FunctionException;
import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.GoValue;
import io.kubelauncher.gotemplate.function.Signature;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.function.TypedList;
import io.kubelauncher.gotemplate.parse.Node;
import io.kubelauncher.gotemplate.parse.Tree;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one execution, following Go's {@code text/template/exec.go}: the walk over nodes, the
 * variable stack, and the evaluation of pipelines, commands, fields and calls with Go's conversions
 * and messages.
 *
 * <p>Besides the value, the executor tracks one bit of Go's static typing: whether dot or a variable
 * holds an {@code interface {}} (an element read from a map or a slice), which Go names instead of the
 * dynamic type in {@code can't evaluate field X in type interface {}}.
 */
final class State {

    /** Counters shared by a render and the {@code include}s it runs. */
    private static final class Shared {
        long steps;
        final Map<String, Integer> included = new HashMap<>();
    }

    /** Unwinds an execution with Go's error text. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code {{break}}} and {@code {{continue}}}. */
    private static final class Jump extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Jump(String name) {
            super(name, null, false, false);
        }
    }

    private static final String DOLLAR = "$".intern();
    private static final Jump BREAK = new Jump("break");
    private static final Jump CONTINUE = new Jump("continue");

    private final Executor exec;
    private final MissingKey missingKey;
    private final RenderLimits limits;
    private final StringBuilder out;
    private final int outStart;
    private final Shared shared;
    private final boolean outermost;

    private Tree tmpl;
    private Node node;
    private int depth;

    private String[] varNames = new String[16];
    private Object[] varValues = new Object[16];
    private boolean[] varIface = new boolean[16];
    private int varCount;
    private int varBase;

    State(Executor exec, MissingKey missingKey, RenderLimits limits, StringBuilder out) {
        this(exec, missingKey, limits, out, new Shared(), true);
    }

    private State(Executor exec, MissingKey missingKey, RenderLimits limits, StringBuilder out, Shared shared,
            boolean outermost) {
        this.exec = exec;
        this.missingKey = missingKey;
        this.limits = limits;
        this.out = out;
        this.outStart = out.length();
        this.shared = shared;
        this.outermost = outermost;
    }

    void run(Tree tree, Object data) throws ExecException {
        tmpl = tree;
        Object dot = data == null ? NO_VALUE : data;
        push(DOLLAR, dot, false);
        try {
            walk(dot, false, tree.root());
        } catch (Failure f) {
            throw new ExecException(f.getMessage());
        } catch (StackOverflowError e) {
            if (!outermost) {
                throw e;
            }
            throw new ExecException(message("exceeded maximum template depth (" + limits.maxTemplateDepth() + ")"));
        }
    }

    // --- errors ---

    private String message(String msg) {
        String name = tmpl.name();
        if (node == null) {
            return "template: " + name + ": " + msg;
        }
        return "template: " + tmpl.location(node) + ": executing " + GoStrconv.quote(name) + " at <" + node + ">: " + msg;
    }

    private Failure errorf(String msg) {
        return new Failure(message(msg));
    }

    private static String q(String s) {
        return GoStrconv.quote(s);
    }

    // --- variables ---

    private void push(String name, Object value, boolean iface) {
        if (varCount == varNames.length) {
            int n = varCount * 2;
            varNames = Arrays.copyOf(varNames, n);
            varValues = Arrays.copyOf(varValues, n);
            varIface = Arrays.copyOf(varIface, n);
        }
        varNames[varCount] = name;
        varValues[varCount] = value;
        varIface[varCount] = iface;
        varCount++;
    }

    private void pop(int mark) {
        for (int i = mark; i < varCount; i++) {
            varValues[i] = null;
        }
        varCount = mark;
    }

    private int findVar(String name) {
        for (int i = varCount - 1; i >= varBase; i--) {
            if (varNames[i] == name) { // names are interned by the parser
                return i;
            }
        }
        for (int i = varCount - 1; i >= varBase; i--) {
            if (varNames[i].equals(name)) {
                return i;
            }
        }
        throw errorf("undefined variable: " + name);
    }

    private void setVar(String name, Object value, boolean iface) {
        int i = findVar(name);
        varValues[i] = value;
        varIface[i] = iface;
    }

    private void setTopVar(int n, Object value, boolean iface) {
        varValues[varCount - n] = value;
        varIface[varCount - n] = iface;
    }

    // --- output ---

    private void write(String s) {
        out.append(s);
        if (out.length() - outStart > limits.maxOutputChars()) {
            throw errorf("output exceeds the limit of " + limits.maxOutputChars() + " characters");
        }
    }

    // --- walk ---

    private void walk(Object dot, boolean dotIface, Node n) {
        if (++shared.steps > limits.maxSteps()) {
            node = n;
            throw errorf("execution exceeds the limit of " + limits.maxSteps() + " steps");
        }
        node = n;
        if (n instanceof Node.TextNode) {
            write(((Node.TextNode) n).text());
        } else if (n instanceof Node.ActionNode) {
            Node.ActionNode action = (Node.ActionNode) n;
            Object val = evalPipeline(dot, dotIface, action.pipe());
            if (action.pipe().decl().isEmpty()) {
                printValue(action, val);
            }
        } else if (n instanceof Node.ListNode) {
            for (Node child : ((Node.ListNode) n).nodes()) {
                walk(dot, dotIface, child);
            }
        } else if (n instanceof Node.BranchNode) {
            Node.BranchNode branch = (Node.BranchNode) n;
            if (branch.kind() == Node.BranchKind.RANGE) {
                walkRange(dot, dotIface, branch);
            } else {
                walkIfOrWith(dot, dotIface, branch);
            }
        } else if (n instanceof Node.TemplateNode) {
            walkTemplate(dot, dotIface, (Node.TemplateNode) n);
        } else if (n instanceof Node.BreakNode) {
            throw BREAK;
        } else if (n instanceof Node.ContinueNode) {
            throw CONTINUE;
        } else if (!(n instanceof Node.CommentNode)) {
            throw errorf("unknown node: " + n);
        }
    }

    private void walkIfOrWith(Object dot, boolean dotIface, Node.BranchNode branch) {
        int mark = varCount;
        try {
            Object val = evalPipeline(dot, dotIface, branch.pipe());
            if (Values.isTrue(val)) {
                if (branch.kind() == Node.BranchKind.WITH) {
                    walk(val, false, branch.list());
                } else {
                    walk(dot, dotIface, branch.list());
                }
            } else if (branch.elseList() != null) {
                walk(dot, dotIface, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, boolean dotIface, Node.BranchNode r) {
        node = r;
        int outerMark = varCount;
        try {
            Object val = evalPipeline(dot, dotIface, r.pipe());
            int mark = varCount;
            if (val instanceof List) {
                List<?> list = (List<?>) val;
                if (!list.isEmpty()) {
                    boolean elemIface = !(val instanceof TypedList);
                    int size = list.size();
                    for (int i = 0; i < size; i++) {
                        oneIteration(r, mark, i, list.get(i), elemIface);
                    }
                    return;
                }
            } else if (val instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) val;
                if (!map.isEmpty()) {
                    String[] keys = new String[map.size()];
                    int k = 0;
                    for (Object key : map.keySet()) {
                        keys[k++] = (String) key;
                    }
                    Arrays.sort(keys, GoStringOrder.COMPARATOR);
                    for (String key : keys) {
                        oneIteration(r, mark, key, map.get(key), true);
                    }
                    return;
                }
            } else if (val != NO_VALUE) {
                throw errorf("range can't iterate over " + GoFmt.formatValue(val));
            }
            if (r.elseList() != null) {
                walk(dot, dotIface, r.elseList());
            }
        } catch (Jump j) {
            if (j != BREAK) {
                throw j;
            }
        } finally {
            pop(outerMark);
        }
    }

    private void oneIteration(Node.BranchNode r, int mark, Object index, Object elem, boolean elemIface) {
        List<Node.VariableNode> decl = r.pipe().decl();
        if (!decl.isEmpty()) {
            if (r.pipe().isAssign()) {
                if (decl.size() > 1) {
                    setVar(decl.get(0).ident().get(0), index, false);
                } else {
                    setVar(decl.get(0).ident().get(0), elem, elemIface);
                }
            } else {
                setTopVar(1, elem, elemIface);
            }
        }
        if (decl.size() > 1) {
            if (r.pipe().isAssign()) {
                setVar(decl.get(1).ident().get(0), elem, elemIface);
            } else {
                setTopVar(2, index, false);
            }
        }
        try {
            walk(elem, elemIface, r.list());
        } catch (Jump j) {
            if (j != CONTINUE) {
                throw j;
            }
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, boolean dotIface, Node.TemplateNode t) {
        node = t;
        Tree target = exec.template(t.name());
        if (target == null) {
            throw errorf("template " + q(t.name()) + " not defined");
        }
        if (depth == limits.maxTemplateDepth()) {
            throw errorf("exceeded maximum template depth (" + limits.maxTemplateDepth() + ")");
        }
        Object newDot = evalPipeline(dot, dotIface, t.pipe());
        Tree savedTmpl = tmpl;
        int savedBase = varBase;
        int base = varCount;
        tmpl = target;
        depth++;
        varBase = base;
        push(DOLLAR, newDot, false);
        try {
            walk(newDot, false, target.root());
        } finally {
            pop(base);
            varBase = savedBase;
            depth--;
            tmpl = savedTmpl;
        }
    }

    private void printValue(Node n, Object v) {
        node = n;
        if (v instanceof String) {
            write((String) v);
        } else if (v == NO_VALUE || v == null) {
            write("<no value>");
        } else {
            write(GoFmt.formatValue(v));
        }
    }

    // --- evaluation ---

    /** A pipeline's value; a nil interface comes out as {@link Values#NO_VALUE}, as Go digs into interfaces. */
    private Object evalPipeline(Object dot, boolean dotIface, Node.PipeNode pipe) {
        if (pipe == null) {
            return NO_VALUE;
        }
        node = pipe;
        Object value = NO_FINAL;
        for (Node.CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, dotIface, cmd, value);
            if (value == null) {
                value = NO_VALUE;
            }
        }
        for (Node.VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.ident().get(0), value, false);
            } else {
                push(v.ident().get(0), value, false);
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args.size() > 1 || fin != NO_FINAL) {
            throw errorf("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, boolean dotIface, Node.CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof Node.FieldNode) {
            return evalFieldNode(dot, dotIface, (Node.FieldNode) first, cmd.args(), fin);
        }
        if (first instanceof Node.IdentifierNode) {
            return evalFunction(dot, dotIface, (Node.IdentifierNode) first, cmd, cmd.args(), fin);
        }
        if (first instanceof Node.VariableNode) {
            return evalVariableNode(dot, dotIface, (Node.VariableNode) first, cmd.args(), fin);
        }
        if (first instanceof Node.ChainNode) {
            return evalChainNode(dot, dotIface, (Node.ChainNode) first, cmd.args(), fin);
        }
        if (first instanceof Node.PipeNode) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, dotIface, (Node.PipeNode) first);
        }
        node = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof Node.BoolNode) {
            return ((Node.BoolNode) first).value();
        }
        if (first instanceof Node.DotNode) {
            return dot;
        }
        if (first instanceof Node.NilNode) {
            throw errorf("nil is not a command");
        }
        if (first instanceof Node.NumberNode) {
            return idealConstant((Node.NumberNode) first);
        }
        if (first instanceof Node.StringNode) {
            return ((Node.StringNode) first).text();
        }
        throw errorf("can't evaluate command " + q(first.toString()));
    }

    private Object idealConstant(Node.NumberNode c) {
        node = c;
        String text = c.text();
        if (c.isComplex()) {
            return new Values.Complex(c.real(), c.imag());
        }
        if (c.isFloat() && !isHexInt(text) && !isRuneInt(text) && containsAny(text, ".eEpP")) {
            return c.float64();
        }
        if (c.isInt()) {
            long v = c.int64();
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        if (c.isUint()) {
            throw errorf(text + " overflows int");
        }
        return NO_VALUE;
    }

    private static boolean isRuneInt(String s) {
        return !s.isEmpty() && s.charAt(0) == '\'';
    }

    private static boolean isHexInt(String s) {
        return s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                && s.indexOf('p') < 0 && s.indexOf('P') < 0;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private Object evalFieldNode(Object dot, boolean dotIface, Node.FieldNode field, List<Node> args, Object fin) {
        node = field;
        return evalFieldChain(dot, dotIface, dot, dotIface, field, field.ident(), 0, args, fin);
    }

    private Object evalChainNode(Object dot, boolean dotIface, Node.ChainNode chain, List<Node> args, Object fin) {
        node = chain;
        if (chain.node() instanceof Node.NilNode) {
            throw errorf("indirection through explicit nil in " + chain);
        }
        Object pipe = evalArg(dot, dotIface, null, chain.node());
        return evalFieldChain(dot, dotIface, pipe, false, chain, chain.fields(), 0, args, fin);
    }

    private Object evalVariableNode(Object dot, boolean dotIface, Node.VariableNode variable, List<Node> args, Object fin) {
        node = variable;
        int i = findVar(variable.ident().get(0));
        Object value = varValues[i];
        if (variable.ident().size() == 1) {
            if (args != null) {
                notAFunction(args, fin);
            } else if (fin != NO_FINAL) {
                throw errorf("can't give argument to non-function " + variable);
            }
            return value;
        }
        return evalFieldChain(dot, dotIface, value, varIface[i], variable, variable.ident(), 1, args, fin);
    }

    private Object evalFieldChain(Object dot, boolean dotIface, Object receiver, boolean receiverIface, Node n,
            List<String> ident, int from, List<Node> args, Object fin) {
        int last = ident.size() - 1;
        for (int i = from; i < last; i++) {
            boolean nextIface = receiver instanceof Map;
            receiver = evalField(ident.get(i), n, null, NO_FINAL, receiver, receiverIface);
            receiverIface = nextIface;
        }
        return evalField(ident.get(last), n, args, fin, receiver, receiverIface);
    }

    private Object evalField(String fieldName, Node n, List<Node> args, Object fin, Object receiver, boolean receiverIface) {
        if (receiver == NO_VALUE) {
            if (missingKey == MissingKey.ERROR) {
                throw errorf("nil data; no entry for key " + q(fieldName));
            }
            return NO_VALUE;
        }
        if (receiver == null) {
            throw errorf("nil pointer evaluating interface {}." + fieldName);
        }
        boolean hasArgs = args != null && args.size() > 1 || fin != NO_FINAL;
        if (receiver instanceof Map) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            Map<?, ?> map = (Map<?, ?>) receiver;
            Object result = map.get(fieldName);
            if (result == null && !map.containsKey(fieldName)) {
                switch (missingKey) {
                    case ZERO:
                        return null;
                    case ERROR:
                        throw errorf("map has no entry for key " + q(fieldName));
                    default:
                        return NO_VALUE;
                }
            }
            return result;
        }
        if (receiver instanceof GoValue) {
            try {
                Object result = ((GoValue) receiver).field(fieldName);
                if (hasArgs) {
                    throw errorf(fieldName + " has arguments but cannot be invoked as function");
                }
                return result;
            } catch (NoSuchFieldException e) {
                // fall through to Go's message
            }
        }
        String typ = receiverIface ? "interface {}" : Values.typeName(receiver);
        throw errorf("can't evaluate field " + fieldName + " in type " + typ);
    }

    private Object evalFunction(Object dot, boolean dotIface, Node.IdentifierNode id, Node cmd, List<Node> args, Object fin) {
        node = id;
        TemplateFunction fn = exec.function(id.ident());
        if (fn == null) {
            throw errorf(q(id.ident()) + " is not a defined function");
        }
        return evalCall(dot, dotIface, fn, cmd, id.ident(), args, fin);
    }

    private Object evalCall(Object dot, boolean dotIface, TemplateFunction fn, Node n, String name, List<Node> args, Object fin) {
        int nArgs = args == null ? 0 : args.size() - 1;
        Signature sig = fn.signature();
        List<GoType> params = sig.params();
        int numIn = nArgs + (fin != NO_FINAL ? 1 : 0);
        int numFixed = nArgs;
        if (sig.isVariadic()) {
            numFixed = params.size();
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + name + ": want at least " + params.size() + " got " + nArgs);
            }
        } else if (numIn != params.size()) {
            throw errorf("wrong number of args for " + name + ": want " + params.size() + " got " + numIn);
        }

        if (fn == Builtins.AND || fn == Builtins.OR) {
            boolean or = fn == Builtins.OR;
            Object v = NO_VALUE;
            for (int i = 1; i <= nArgs; i++) {
                v = evalArg(dot, dotIface, REFLECT_VALUE, args.get(i));
                if (Values.isTrue(Values.indirectInterface(v)) == or) {
                    return v;
                }
            }
            if (fin != NO_FINAL) {
                v = fin;
            }
            return v;
        }

        Object[] argv = new Object[numIn];
        int i = 0;
        for (; i < numFixed && i < nArgs; i++) {
            argv[i] = evalArg(dot, dotIface, params.get(i), args.get(i + 1));
        }
        if (sig.isVariadic()) {
            GoType elem = sig.variadic();
            for (; i < nArgs; i++) {
                argv[i] = evalArg(dot, dotIface, elem, args.get(i + 1));
            }
        }
        if (fin != NO_FINAL) {
            GoType t;
            if (sig.isVariadic()) {
                t = numIn - 1 < numFixed ? params.get(numIn - 1) : sig.variadic();
            } else {
                t = params.get(params.size() - 1);
            }
            argv[i] = validateType(fin, t);
        }

        if (fn == Builtins.CALL) {
            Object callee = Values.indirectInterface(argv[0]);
            node = n;
            if (callee == NO_VALUE) {
                throw errorf("error calling call: call of nil");
            }
            throw errorf("error calling call: non-function " + args.get(1) + " of type " + Values.typeName(callee));
        }
        Object result;
        try {
            if (fn == Executor.INCLUDE) {
                result = include((String) argv[0], argv[1]);
            } else {
                result = fn.call(argv);
            }
        } catch (FunctionException e) {
            node = n;
            throw errorf("error calling " + name + ": " + e.getMessage());
        } catch (Failure | Jump | StackOverflowError e) {
            throw e;
        } catch (RuntimeException e) {
            node = n;
            throw errorf("error calling " + name + ": " + e);
        }
        if (result instanceof Long && sig.result().kind() == GoType.Kind.INT) {
            long v = (Long) result; // the contract's int is an Integer; be lenient with functions that box a long
            if (v == (int) v) {
                return (int) v;
            }
        }
        if (result == null) {
            GoType.Kind kind = sig.result().kind();
            if (kind == GoType.Kind.SLICE) {
                return List.of();
            }
            if (kind == GoType.Kind.MAP) {
                return new LinkedHashMap<String, Object>();
            }
        }
        return result;
    }

    private String include(String name, Object data) throws FunctionException {
        Map<String, Integer> included = shared.included;
        int count = included.getOrDefault(name, 0);
        if (count > limits.maxIncludeDepth()) {
            throw new FunctionException("rendering template has a nested reference name: " + name
                    + ": unable to execute template");
        }
        Tree target = exec.template(name);
        if (target == null) {
            throw new FunctionException(exec.noTemplate(name));
        }
        included.put(name, count + 1);
        try {
            StringBuilder buf = new StringBuilder();
            new State(exec, missingKey, limits, buf, shared, false).run(target, data);
            return buf.toString();
        } catch (ExecException e) {
            throw new FunctionException(e.getMessage());
        } finally {
            included.put(name, count);
        }
    }

    private static boolean canBeNil(GoType typ) {
        GoType.Kind k = typ.kind();
        return k == GoType.Kind.ANY || k == GoType.Kind.SLICE || k == GoType.Kind.MAP;
    }

    private Object validateType(Object value, GoType typ) {
        if (typ == REFLECT_VALUE) {
            return value;
        }
        if (value == NO_VALUE) {
            if (typ == null) {
                return NO_VALUE;
            }
            if (canBeNil(typ)) {
                return null;
            }
            throw errorf("invalid value; expected " + typ);
        }
        if (typ == null || typ.kind() == GoType.Kind.ANY) {
            return value;
        }
        if (value == null) {
            throw errorf("wrong type for value; expected " + typ + "; got interface {}");
        }
        if (assignable(value, typ)) {
            return value;
        }
        throw errorf("wrong type for value; expected " + typ + "; got " + Values.typeName(value));
    }

    private static boolean assignable(Object value, GoType typ) {
        switch (typ.kind()) {
            case STRING:
                return value instanceof String;
            case INT:
                return value instanceof Integer;
            case INT64:
                return value instanceof Long;
            case FLOAT64:
                return value instanceof Double;
            case BOOL:
                return value instanceof Boolean;
            case SLICE:
                return value instanceof List && GoFmt.typeName(value).equals(typ.goName());
            case MAP:
                return value instanceof Map && GoFmt.typeName(value).equals(typ.goName());
            case OBJECT:
                return typ.javaClass().isInstance(value);
            default:
                return true;
        }
    }

    private Object evalArg(Object dot, boolean dotIface, GoType typ, Node n) {
        node = n;
        if (n instanceof Node.FieldNode) {
            return validateType(evalFieldNode(dot, dotIface, (Node.FieldNode) n, null, NO_FINAL), typ);
        }
        if (n instanceof Node.DotNode) {
            return validateType(dot, typ);
        }
        if (n instanceof Node.VariableNode) {
            return validateType(evalVariableNode(dot, dotIface, (Node.VariableNode) n, null, NO_FINAL), typ);
        }
        if (n instanceof Node.PipeNode) {
            return validateType(evalPipeline(dot, dotIface, (Node.PipeNode) n), typ);
        }
        if (n instanceof Node.IdentifierNode) {
            Node.IdentifierNode id = (Node.IdentifierNode) n;
            return validateType(evalFunction(dot, dotIface, id, id, null, NO_FINAL), typ);
        }
        if (n instanceof Node.ChainNode) {
            return validateType(evalChainNode(dot, dotIface, (Node.ChainNode) n, null, NO_FINAL), typ);
        }
        if (n instanceof Node.NilNode) {
            if (typ == REFLECT_VALUE) {
                return NO_VALUE;
            }
            if (canBeNil(typ)) {
                return null;
            }
            throw errorf("cannot assign nil to " + typ);
        }
        if (typ == REFLECT_VALUE) {
            return evalEmptyInterface(dot, n);
        }
        switch (typ.kind()) {
            case BOOL:
                if (n instanceof Node.BoolNode) {
                    return ((Node.BoolNode) n).value();
                }
                throw errorf("expected bool; found " + n);
            case FLOAT64:
                if (n instanceof Node.NumberNode && ((Node.NumberNode) n).isFloat()) {
                    return ((Node.NumberNode) n).float64();
                }
                throw errorf("expected float; found " + n);
            case INT:
            case INT64:
                if (typ.goName().startsWith("uint")) {
                    if (n instanceof Node.NumberNode && ((Node.NumberNode) n).isUint()) {
                        return ((Node.NumberNode) n).uint64();
                    }
                    throw errorf("expected unsigned integer; found " + n);
                }
                if (n instanceof Node.NumberNode && ((Node.NumberNode) n).isInt()) {
                    long v = ((Node.NumberNode) n).int64();
                    return typ.kind() == GoType.Kind.INT ? (Object) (int) v : (Object) v;
                }
                throw errorf("expected integer; found " + n);
            case ANY:
                return evalEmptyInterface(dot, n);
            case STRING:
                if (n instanceof Node.StringNode) {
                    return ((Node.StringNode) n).text();
                }
                throw errorf("expected string; found " + n);
            default:
                throw errorf("can't handle " + n + " for arg of type " + typ);
        }
    }

    private Object evalEmptyInterface(Object dot, Node n) {
        node = n;
        if (n instanceof Node.BoolNode) {
            return ((Node.BoolNode) n).value();
        }
        if (n instanceof Node.NumberNode) {
            return idealConstant((Node.NumberNode) n);
        }
        if (n instanceof Node.StringNode) {
            return ((Node.StringNode) n).text();
        }
        if (n instanceof Node.DotNode) {
            return dot;
        }
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }
}
