package io.tsfm.streams.forecaster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable pydantic-style error location ({@code ["body","series",0,"target",3]}). A child is one small
 * object pointing at its parent: the reader makes one for every value it checks, and the path is only
 * spelt out for an error.
 */
final class Loc {
    private final Loc parent;
    private final Object part;

    private Loc(final Loc parent, final Object part) {
        this.parent = parent;
        this.part = part;
    }

    static Loc body() {
        return new Loc(null, "body");
    }

    Loc child(final Object part) {
        return new Loc(this, part);
    }

    /** The path from the root, e.g. {@code ["body","series",0]}. */
    List<Object> parts() {
        final List<Object> out = new ArrayList<>();
        for (Loc l = this; l != null; l = l.parent) {
            out.add(l.part);
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }
}
