package io.tsfm.streams.forecaster;

import java.util.List;

/** A request body that failed strict validation; becomes HTTP 400 with the errors as {@code detail}. */
final class RequestValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValidationError> errors;

    RequestValidationException(final List<ValidationError> errors) {
        super(errors.size() + " validation error(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<ValidationError> errors() {
        return errors;
    }

    ApiError toApiError() {
        return new ApiError(400, errors);
    }
}
