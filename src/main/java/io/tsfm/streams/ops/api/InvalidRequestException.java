package io.tsfm.streams.ops.api;

/** A request the on-demand API answers with 400; the message is the response's {@code detail}, in the seed's words. */
public final class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(final String detail) {
        super(detail, null, false, false);
    }
}
