package org.scalingatlas.graph;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * GROUP_CONCAT that stops at {@link BoundedFunctions#MAX_VALUE_CHARS}: Jena's appends every row of a group to one
 * string, so a cross product of long values would fill the heap long before the time limit. Same result otherwise
 * (separator, DISTINCT, a plain string).
 */
final class BoundedGroupConcat extends AggGroupConcat {

    private final String separator;
    private final boolean distinct;

    private BoundedGroupConcat(Expr expr, String separator, boolean distinct) {
        super(expr, separator);
        this.separator = separator == null ? " " : separator;
        this.distinct = distinct;
    }

    /** Jena's optimiser copies aggregators as it rewrites: the copy must stay bounded. */
    @Override
    public Aggregator copy(ExprList exprs) {
        return new BoundedGroupConcat(exprs.get(0), separator, distinct);
    }

    @Override
    public Accumulator createAccumulator() {
        return new Bounded(getExprList().get(0), separator, distinct);
    }

    /** Swaps each GROUP_CONCAT of a query's algebra for the bounded one. */
    static final class Swap extends TransformCopy {
        @Override
        public Op transform(OpGroup opGroup, Op subOp) {
            List<ExprAggregator> aggregators = new ArrayList<>();
            boolean swapped = false;
            for (ExprAggregator aggregator : opGroup.getAggregators()) {
                Aggregator agg = aggregator.getAggregator();
                if (agg instanceof AggGroupConcat concat) {
                    agg = new BoundedGroupConcat(concat.getExprList().get(0), concat.getSeparator(), false);
                    swapped = true;
                } else if (agg instanceof AggGroupConcatDistinct concat) {
                    agg = new BoundedGroupConcat(concat.getExprList().get(0), concat.getSeparator(), true);
                    swapped = true;
                }
                aggregators.add(new ExprAggregator(aggregator.getVar(), agg));
            }
            return swapped ? OpGroup.create(subOp, opGroup.getGroupVars(), aggregators) : super.transform(opGroup, subOp);
        }
    }

    private static final class Bounded extends AccumulatorExpr {
        private final StringBuilder joined = new StringBuilder();
        private final String separator;
        private boolean first = true;

        Bounded(Expr expr, String separator, boolean distinct) {
            super(expr, distinct);
            this.separator = separator;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv functionEnv) {
            String value = nv.asString();
            BoundedFunctions.checkLength("GROUP_CONCAT", (long) joined.length() + separator.length() + value.length());
            if (!first) {
                joined.append(separator);
            }
            joined.append(value);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv functionEnv) {
        }

        @Override
        public NodeValue getAccValue() {
            return NodeValue.makeString(joined.toString());
        }
    }
}
