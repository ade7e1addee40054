package io.tsfm.streams.forecaster;

import java.io.IOException;

/** One route's handler; it must answer the call exactly once, now or later from another thread. */
@FunctionalInterface
interface Endpoint {
    void handle(HttpCall call) throws IOException;
}
