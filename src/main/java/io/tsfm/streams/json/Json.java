package io.tsfm.streams.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The one Jackson set-up of the project: every mapper is built here from one base (Jackson's fast double
 * writer and parser: the same values, found several times faster than with {@code Double.toString} /
 * {@code parseDouble}; records and requests are mostly arrays of doubles), each variant named for what it
 * reads or writes. The text of a double is its shortest round-trip form, which on Java 17 is now and then one
 * digit shorter than {@code Double.toString}'s; it reads back to the same double. Shared and thread-safe once
 * configured: never reconfigure them. Arrays of doubles go through {@link DoubleArrayWriter}: the same text,
 * written faster where values repeat.
 */
public final class Json {
    /** Topic and store records: snake_case fields, nulls omitted, unknown fields ignored. */
    private static final ObjectMapper RECORDS = base().build()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Wire formats read and written as trees or streams (tollama's API, Prometheus' API, reports). */
    private static final ObjectMapper WIRE = base().build();
    /** Requests a server answers: anything after the one JSON value is an error. */
    private static final ObjectMapper REQUESTS =
            base().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    /** Requests whose non-finite numbers must be seen (and refused by name), not fail the parse. */
    private static final ObjectMapper REQUESTS_WITH_NON_FINITE = base().enable(
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Files an operator wrote: a duplicated key or trailing content is an error, not a silent pick. */
    private static final ObjectMapper STRICT_FILES = base().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .addModule(new SimpleModule("double-arrays").addSerializer(double[].class, new DoubleArrayWriter()));
    }

    /** Topic and store records (every Serde). */
    public static ObjectMapper mapper() {
        return RECORDS;
    }

    /** Wire formats as trees or streams, field names as written. */
    public static ObjectMapper wire() {
        return WIRE;
    }

    /** Request bodies a server parses: trailing content is an error. */
    public static ObjectMapper requests() {
        return REQUESTS;
    }

    /** Request bodies that may carry NaN or Infinity, which the caller refuses with its own message. */
    public static ObjectMapper requestsWithNonFinite() {
        return REQUESTS_WITH_NON_FINITE;
    }

    /** Files written by hand: duplicated keys and trailing content are errors. */
    public static ObjectMapper strictFiles() {
        return STRICT_FILES;
    }
}
