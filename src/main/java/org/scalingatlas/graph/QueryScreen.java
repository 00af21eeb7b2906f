package org.scalingatlas.graph;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.path.P_Path0;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.Element1;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementUnfold;
import org.apache.jena.sparql.syntax.ElementUnion;

/**
 * Looks at a parsed query before it runs and refuses what this endpoint will not do: {@code SERVICE} to an endpoint
 * not on the allow-list, {@code FROM}/{@code FROM NAMED} (which would load a graph from a URL), functions named with
 * the {@code java:} scheme (Jena loads a class by that name), and queries nested too deeply or too large to evaluate
 * without exhausting the stack. The walk is its own, bounded by the depth it checks, so a deep query is refused
 * before any recursion could overflow.
 */
final class QueryScreen {

    /** Deepest nesting of groups, expressions, paths and subqueries; a UNION's branches count as levels (Jena nests them). */
    static final int MAX_DEPTH = 128;
    /** Most expression terms, patterns and path steps in one query. */
    static final int MAX_TERMS = 20_000;

    static final String SERVICE_REFUSED = "is not allowed: this endpoint answers from its own graph only; an operator can allow endpoints with sparql.service.allow";

    private final Set<String> serviceAllow;
    private int terms;

    private QueryScreen(Set<String> serviceAllow) {
        this.serviceAllow = serviceAllow;
    }

    /** Refuses the query with a 400 naming the problem, or returns normally. */
    static void check(Query query, List<String> serviceAllow) {
        if (query.hasDatasetDescription()) {
            throw refusal("FROM and FROM NAMED are not supported: this endpoint answers from its own graph only and never loads a graph from a URL");
        }
        new QueryScreen(Set.copyOf(serviceAllow)).query(query, 0);
    }

    /** The message for a {@code SERVICE} call to {@code endpoint}. */
    static String serviceRefused(String endpoint) {
        return "SERVICE " + endpoint + " " + SERVICE_REFUSED;
    }

    private void query(Query query, int depth) {
        enter(depth);
        if (query.getQueryPattern() != null) {
            element(query.getQueryPattern(), depth + 1);
        }
        if (query.hasAggregators()) {
            for (ExprAggregator aggregator : query.getAggregators()) {
                expressions(aggregator.getAggregator().getExprList(), depth + 1);
            }
        }
        expressions(query.getProject().getExprs().values(), depth + 1);
        if (query.hasGroupBy()) {
            expressions(query.getGroupBy().getExprs().values(), depth + 1);
        }
        if (query.hasHaving()) {
            expressions(query.getHavingExprs(), depth + 1);
        }
        if (query.hasOrderBy()) {
            for (SortCondition condition : query.getOrderBy()) {
                expression(condition.getExpression(), depth + 1);
            }
        }
    }

    private void element(Element element, int depth) {
        enter(depth);
        switch (element) {
            case ElementGroup group -> group.getElements().forEach(e -> element(e, depth + 1));
            case ElementUnion union -> {
                if (union.getElements().size() > MAX_DEPTH) {
                    throw refusal("the query has a UNION of " + union.getElements().size() + " branches; at most " + MAX_DEPTH + " are allowed");
                }
                List<Element> branches = union.getElements();
                for (int i = 0; i < branches.size(); i++) {
                    element(branches.get(i), depth + 1 + i);
                }
            }
            case ElementOptional optional -> element(optional.getOptionalElement(), depth + 1);
            case ElementMinus minus -> element(minus.getMinusElement(), depth + 1);
            case ElementLateral lateral -> element(lateral.getLateralElement(), depth + 1);
            case ElementNamedGraph graph -> element(graph.getElement(), depth + 1);
            case Element1 wrapper -> element(wrapper.getElement(), depth + 1);
            case ElementFilter filter -> expression(filter.getExpr(), depth + 1);
            case ElementBind bind -> expression(bind.getExpr(), depth + 1);
            case ElementAssign assign -> expression(assign.getExpr(), depth + 1);
            case ElementUnfold unfold -> expression(unfold.getExpr(), depth + 1);
            case ElementSubQuery sub -> query(sub.getQuery(), depth + 1);
            case ElementService service -> {
                service(service.getServiceNode());
                element(service.getElement(), depth + 1);
            }
            case ElementPathBlock block -> block.getPattern().forEach(path -> triplePath(path, depth + 1));
            case ElementTriplesBlock block -> terms += block.getPattern().size();
            case ElementData data -> terms += data.getRows().size();
            default -> throw refusal("the query uses " + element.getClass().getSimpleName() + ", which this endpoint does not run");
        }
    }

    private void service(Node endpoint) {
        if (endpoint.isURI() && serviceAllow.contains(endpoint.getURI())) {
            return;
        }
        if (endpoint.isVariable() && !serviceAllow.isEmpty()) {
            return; // checked when it is bound, by ServiceGate
        }
        throw refusal(serviceRefused(endpoint.isURI() ? "<" + endpoint.getURI() + ">" : endpoint.toString()));
    }

    private void triplePath(TriplePath triple, int depth) {
        if (triple.getPath() != null) {
            path(triple.getPath(), depth);
        } else {
            enter(depth);
        }
    }

    private void path(Path path, int depth) {
        enter(depth);
        switch (path) {
            case P_Path1 unary -> path(unary.getSubPath(), depth + 1);
            case P_Path2 binary -> {
                path(binary.getLeft(), depth + 1);
                path(binary.getRight(), depth + 1);
            }
            case P_Path0 ignored -> {
            }
            default -> {
            }
        }
    }

    private void expressions(Iterable<Expr> expressions, int depth) {
        if (expressions != null) {
            expressions.forEach(e -> expression(e, depth));
        }
    }

    private void expressions(ExprList list, int depth) {
        if (list != null) {
            list.forEach(e -> expression(e, depth));
        }
    }

    private void expression(Expr expr, int depth) {
        enter(depth);
        if (expr instanceof E_Function function && function.getFunctionIRI().regionMatches(true, 0, "java:", 0, 5)) {
            throw refusal("the function <" + function.getFunctionIRI() + "> is not allowed: java: functions would load code by name");
        }
        if (expr instanceof ExprFunctionOp exists) {
            element(exists.getElement(), depth + 1);
        }
        if (expr instanceof ExprAggregator aggregator) {
            expressions(aggregator.getAggregator().getExprList(), depth + 1);
        } else if (expr instanceof ExprFunction function) {
            function.getArgs().forEach(arg -> expression(arg, depth + 1));
        }
    }

    private void enter(int depth) {
        if (depth > MAX_DEPTH) {
            throw refusal("the query is nested more than " + MAX_DEPTH + " levels deep (groups, expressions, paths, UNION branches); write it flatter, e.g. IN (...) instead of a chain of ||");
        }
        if (++terms > MAX_TERMS) {
            throw refusal("the query has more than " + MAX_TERMS + " terms; split it");
        }
    }

    private static SparqlEndpoint.Refusal refusal(String message) {
        return new SparqlEndpoint.Refusal(400, message);
    }
}
