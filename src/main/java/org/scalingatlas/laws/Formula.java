package org.scalingatlas.laws;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;
import net.objecthunter.exp4j.function.Function;

/**
 * One formula string, parsed once by exp4j (a maintained expression library: no hand-written parser, no code
 * execution) over a fixed set of names. An unknown name or function is an error when the formula is compiled, not
 * when it is evaluated. Besides exp4j's functions (exp, log = natural log, sqrt, abs ...) formulas may use
 * {@code ln(x)}, {@code min(x, y)} and {@code max(x, y)}. Thread-safe: each evaluation works on its own copy. A division
 * by zero (an input or constant so small, or an exponent so large, that a denominator underflows) gives NaN, which the
 * callers report as "no finite value" in words.
 */
final class Formula {

    private static final Function[] EXTRA = {
        new Function("ln", 1) {
            @Override
            public double apply(double... args) {
                return Math.log(args[0]);
            }
        },
        new Function("min", 2) {
            @Override
            public double apply(double... args) {
                return Math.min(args[0], args[1]);
            }
        },
        new Function("max", 2) {
            @Override
            public double apply(double... args) {
                return Math.max(args[0], args[1]);
            }
        },
    };

    private final String text;
    private final Expression compiled;

    private Formula(String text, Expression compiled) {
        this.text = text;
        this.compiled = compiled;
    }

    /** @throws IllegalArgumentException naming the formula and what is wrong with it */
    static Formula compile(String text, Set<String> names) {
        Expression expression;
        try {
            expression = new ExpressionBuilder(text).variables(names).functions(EXTRA).implicitMultiplication(false).build();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("formula '" + text + "': " + e.getMessage() + " (known names: " + String.join(", ", new TreeSet<>(names)) + ")", e);
        }
        ValidationResult validation = expression.validate(false);
        if (!validation.isValid()) {
            throw new IllegalArgumentException("formula '" + text + "': " + String.join("; ", validation.getErrors()));
        }
        return new Formula(text, expression);
    }

    /** The value at {@code values}, which must name every variable the formula uses. */
    double evaluate(Map<String, Double> values) {
        Expression expression = new Expression(compiled);
        for (String name : compiled.getVariableNames()) {
            Double value = values.get(name);
            if (value != null) {
                expression.setVariable(name, value);
            }
        }
        ValidationResult validation = expression.validate(true);
        if (!validation.isValid()) {
            throw new IllegalArgumentException("formula '" + text + "': " + String.join("; ", validation.getErrors()));
        }
        try {
            return expression.evaluate();
        } catch (ArithmeticException e) {
            // exp4j refuses x / 0 (and x % 0) instead of giving IEEE's infinity: no value, like any other non-finite one
            return Double.NaN;
        }
    }

    Set<String> names() {
        return compiled.getVariableNames();
    }

    @Override
    public String toString() {
        return text;
    }
}
