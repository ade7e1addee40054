package io.tsfm.streams.domain;

/**
 * Why a tick was refused: a stable machine-readable {@code reason} (the DLQ header and metric label)
 * and a human {@code detail}.
 */
public record TickRejection(String reason, String detail) {

    public static final String EMPTY_VALUE = "empty_value";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String NOT_AN_OBJECT = "not_an_object";
    public static final String MISSING_FIELD = "missing_field";
    public static final String WRONG_TYPE = "wrong_type";
    public static final String NON_FINITE = "non_finite";
    public static final String OUT_OF_RANGE = "out_of_range";
    public static final String UNPARSEABLE_TIMESTAMP = "unparseable_timestamp";
    public static final String ABSURD_TIMESTAMP = "absurd_timestamp";
    public static final String KEY_MISMATCH = "key_mismatch";
}
