package io.tsfm.streams.forecaster;

import java.util.ArrayList;
import java.util.List;

/** An immutable pydantic-style error location ({@code ["body","series",0,"target",3]}). */
record Loc(List<Object> parts) {

    Loc {
        parts = List.copyOf(parts);
    }

    static Loc body() {
        return new Loc(List.of("body"));
    }

    Loc child(final Object part) {
        final List<Object> next = new ArrayList<>(parts);
        next.add(part);
        return new Loc(next);
    }
}
