package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of a 400's {@code detail} array, shaped like a FastAPI/pydantic error so clients parse it
 * the same way: {@code {"type","loc","msg","input"}}, e.g. loc {@code ["body","series",0,"target",3]}.
 */
public record ValidationError(String type, List<Object> loc, String msg, JsonNode input) {

    public ValidationError {
        loc = List.copyOf(loc);
    }
}
