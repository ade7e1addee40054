package io.tsfm.streams.ops.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** What answers one route: at once, or later (an endpoint with a pool of its own completes the stage there). */
@FunctionalInterface
public interface WebEndpoint {

    CompletionStage<WebReply> handle(WebRequest request) throws Exception;

    /** An endpoint that answers on the server's thread. */
    static WebEndpoint of(final Function<WebRequest, WebReply> handler) {
        return request -> CompletableFuture.completedFuture(handler.apply(request));
    }
}
