package org.scalingatlas.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.function.library.Math_pow;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * REGEX, REPLACE, CONCAT, {@code *} and {@code math:pow} as this endpoint runs them: a regular expression stops at the
 * query's deadline (Jena's own cannot be interrupted: one catastrophic pattern ran 12.7 s past a 5 s limit), a string
 * built by the query may not grow past {@link #MAX_VALUE_CHARS} (a CONCAT that doubles a string per BIND would
 * otherwise fill the heap; GROUP_CONCAT is bounded the same way by {@link BoundedGroupConcat}), nor an integer past
 * {@link #MAX_INTEGER_BITS} (squaring per BIND, or one huge power).
 * Each query's algebra is rewritten to call these before Jena's optimiser runs (so constant folding cannot evaluate
 * an unbounded REGEX first), and the XPath names {@code fn:matches}, {@code fn:replace}, {@code fn:concat} map to them
 * too. Each execution gets its own function registry, which also never loads a {@code java:} class.
 */
final class BoundedFunctions {

    /** The longest string a query may build, in characters: past it a value is a bomb, not an answer about scaling laws. */
    static final int MAX_VALUE_CHARS = 1 << 20;
    /** The widest integer a product or power may build, in bits (about 19,700 digits): squaring per BIND grows without bound. */
    static final int MAX_INTEGER_BITS = 1 << 16;

    private static final String NS = "urn:x-scaling-atlas:fn:";
    static final String REGEX = NS + "regex";
    static final String REPLACE = NS + "replace";
    static final String CONCAT = NS + "concat";
    static final String MULTIPLY = NS + "multiply";
    private static final String XPATH = "http://www.w3.org/2005/xpath-functions#";
    private static final String XPATH_MATH = "http://www.w3.org/2005/xpath-functions/math#";

    /** The execution's deadline, as a {@link System#nanoTime()} value ({@link Long}). */
    static final Symbol DEADLINE = Symbol.create(NS + "deadline");

    private BoundedFunctions() {
    }

    /** Jena's standard optimiser, after REGEX, REPLACE and CONCAT are swapped for these (SERVICE bodies are left as written). */
    static RewriteFactory optimizer() {
        return context -> op -> Optimize.stdOptimizationFactory.create(context)
                .rewrite(Transformer.transformSkipService(new BoundedGroupConcat.Swap(), new Swap(), op));
    }

    /** Jena's standard functions, these in place of the unbounded ones, and no class loaded from a {@code java:} IRI. */
    static FunctionRegistry registry() {
        FunctionRegistry standard = FunctionRegistry.get();
        FunctionRegistry registry = new FunctionRegistry() {
            @Override
            public FunctionFactory getFunctionFactory(String uri) {
                return uri.regionMatches(true, 0, "java:", 0, 5) ? null : super.getFunctionFactory(uri);
            }
        };
        standard.keys().forEachRemaining(uri -> registry.put(uri, standard.getFunctionFactory(uri)));
        registry.put(REGEX, uri -> new Regex());
        registry.put(XPATH + "matches", uri -> new Regex());
        registry.put(REPLACE, uri -> new Replace());
        registry.put(XPATH + "replace", uri -> new Replace());
        registry.put(CONCAT, uri -> new Concat());
        registry.put(XPATH + "concat", uri -> new Concat());
        registry.put(MULTIPLY, uri -> new Multiply());
        registry.put(XPATH_MATH + "pow", uri -> new Power());
        return registry;
    }

    /** Replaces Jena's REGEX, REPLACE, CONCAT and * operators by calls to the bounded functions. */
    private static final class Swap extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunction2 func, Expr left, Expr right) {
            if (func instanceof E_Multiply) {
                return new E_Function(MULTIPLY, new ExprList(List.of(left, right)));
            }
            return super.transform(func, left, right);
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex) {
                return new E_Function(REGEX, args);
            }
            if (func instanceof E_StrReplace) {
                return new E_Function(REPLACE, args);
            }
            if (func instanceof E_StrConcat) {
                return new E_Function(CONCAT, args);
            }
            return super.transform(func, args);
        }
    }

    /** A function that knows its execution's deadline. */
    private abstract static class Bounded implements Function {
        private long deadlineNanos;

        @Override
        public void build(String uri, ExprList args, Context context) {
            Object deadline = context == null ? null : context.get(DEADLINE);
            if (!(deadline instanceof Long nanos)) {
                throw new ExprEvalException(uri + " runs only inside a query with a deadline");
            }
            deadlineNanos = nanos;
        }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            List<NodeValue> values = new ArrayList<>(args.size());
            for (Expr arg : args) {
                values.add(arg.eval(binding, env));
            }
            return apply(values);
        }

        abstract NodeValue apply(List<NodeValue> args);

        CharSequence chars(String text) {
            return new DeadlineChars(text, deadlineNanos);
        }
    }

    private static final class Regex extends Bounded {
        @Override
        NodeValue apply(List<NodeValue> args) {
            if (args.size() != 2 && args.size() != 3) {
                throw new ExprEvalException("REGEX: wanted 2 or 3 arguments, got " + args.size());
            }
            String text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0)).getLiteralLexicalForm();
            Pattern pattern = pattern("REGEX", args.get(1), args.size() == 3 ? args.get(2) : null);
            return NodeValue.booleanReturn(pattern.matcher(chars(text)).find());
        }
    }

    private static final class Replace extends Bounded {
        @Override
        NodeValue apply(List<NodeValue> args) {
            if (args.size() != 3 && args.size() != 4) {
                throw new ExprEvalException("REPLACE: wanted 3 or 4 arguments, got " + args.size());
            }
            Node input = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            String text = input.getLiteralLexicalForm();
            String replacement = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
            Matcher matcher = pattern("REPLACE", args.get(1), args.size() == 4 ? args.get(3) : null).matcher(chars(text));
            StringBuilder out = null;
            try {
                while (matcher.find()) {
                    if (out == null) {
                        out = new StringBuilder();
                    } else if (matcher.start() == matcher.end()) {
                        continue; // as Jena: one empty match only
                    }
                    matcher.appendReplacement(out, replacement);
                    checkLength("REPLACE", out.length());
                }
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            if (out == null) {
                return args.get(0);
            }
            matcher.appendTail(out);
            checkLength("REPLACE", out.length());
            return NodeValue.makeNode(NodeFactory.createLiteral(out.toString(), input.getLiteralLanguage(),
                    input.getLiteralBaseDirection(), input.getLiteralDatatype()));
        }
    }

    private static final class Concat extends Bounded {
        @Override
        NodeValue apply(List<NodeValue> args) {
            long length = 0;
            for (NodeValue arg : args) {
                length += NodeValueOps.checkAndGetStringLiteral("CONCAT", arg).getLiteralLexicalForm().length();
            }
            checkLength("CONCAT", length);
            return XSDFuncOp.strConcat(args);
        }
    }

    private static final class Multiply extends Bounded {
        @Override
        NodeValue apply(List<NodeValue> args) {
            if (args.get(0).isInteger() && args.get(1).isInteger()) {
                checkBits("*", (long) args.get(0).getInteger().bitLength() + args.get(1).getInteger().bitLength());
            }
            return NodeValueOps.multiplicationNV(args.get(0), args.get(1));
        }
    }

    private static final class Power extends Bounded {
        @Override
        NodeValue apply(List<NodeValue> args) {
            if (args.size() != 2) {
                throw new ExprEvalException("math:pow: wanted 2 arguments, got " + args.size());
            }
            NodeValue base = args.get(0);
            NodeValue exponent = args.get(1);
            if (base.isInteger() && exponent.isInteger() && exponent.getInteger().signum() > 0) {
                checkBits("math:pow", exponent.getInteger().bitLength() > 31 ? Long.MAX_VALUE
                        : (long) base.getInteger().bitLength() * exponent.getInteger().longValue());
            }
            return new Math_pow().exec(base, exponent);
        }
    }

    private static void checkBits(String label, long bits) {
        if (bits > MAX_INTEGER_BITS) {
            throw new SparqlEndpoint.Refusal(400, label + " would build an integer wider than " + MAX_INTEGER_BITS
                    + " bits; this endpoint bounds the values a query builds");
        }
    }

    private static Pattern pattern(String label, NodeValue pattern, NodeValue flags) {
        if (!pattern.isString()) {
            throw new ExprEvalException(label + ": the pattern is not a string: " + pattern);
        }
        if (flags != null && (!flags.isString() || !flags.getString().matches("[smixq]*"))) {
            throw new ExprEvalException(label + ": flags may only be s, m, i, x, q: " + flags);
        }
        return RegexEngine.makePattern(label, pattern.getString(), flags == null ? null : flags.getString());
    }

    static void checkLength(String label, long length) {
        if (length > MAX_VALUE_CHARS) {
            throw new SparqlEndpoint.Refusal(400, label + " built a string longer than " + MAX_VALUE_CHARS
                    + " characters; this endpoint bounds the values a query builds");
        }
    }
}
