package org.scalingatlas.graph;

import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's query executor, minus one bug: before matching a pattern of two or more triples it peeks at the first row
 * coming in, to reorder the pattern, and when no row comes in (an earlier stage matched nothing, or a cancelled
 * stage was closed) it throws {@code ARQInternalErrorException: Peek iterator is already empty} instead of matching
 * nothing, failing the whole query with a 500. Jena's general executor answers no rows there; so does this one, and a
 * cancelled query then reports its timeout as it should.
 */
final class EmptyInputExecutor extends OpExecutorTDB2 {

    static final OpExecutorFactory FACTORY = EmptyInputExecutor::new;

    private EmptyInputExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator execute(OpBGP opBGP, QueryIterator input) {
        return input.hasNext() ? super.execute(opBGP, input) : input;
    }

    @Override
    protected QueryIterator execute(OpQuadPattern quadPattern, QueryIterator input) {
        return input.hasNext() ? super.execute(quadPattern, input) : input;
    }

    @Override
    protected QueryIterator execute(OpFilter opFilter, QueryIterator input) {
        return input.hasNext() ? super.execute(opFilter, input) : input;
    }
}
