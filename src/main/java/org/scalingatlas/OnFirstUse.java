package org.scalingatlas;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made the first time it is asked for, and then kept: for a part of start-up that is needed only sometimes
 * (the ontology, read only to validate a changed corpus or to rebuild the graph store). Safe to ask from several
 * threads: it is made once.
 *
 * @param <T> what is made
 */
final class OnFirstUse<T> implements Supplier<T> {

    private Supplier<T> make;
    private T value;

    OnFirstUse(Supplier<T> make) {
        this.make = Objects.requireNonNull(make);
    }

    @Override
    public synchronized T get() {
        if (make != null) {
            value = make.get();
            make = null;
        }
        return value;
    }
}
