package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * The forecaster's own control surface (not part of tollama): read, replace and clear the fault
 * profile at run time, and read the traffic counters, so a running demo or test can change behaviour
 * without a restart.
 */
final class AdminEndpoints {

    private final FaultInjector faults;
    private final ServerStats stats;

    AdminEndpoints(final FaultInjector faults, final ServerStats stats) {
        this.faults = faults;
        this.stats = stats;
    }

    void getFaults(final HttpCall call) {
        call.sendJson(200, faults.profile());
    }

    void putFaults(final HttpCall call) throws IOException {
        final byte[] body = call.readBody();
        final FaultProfile profile;
        try {
            profile = body.length == 0 ? FaultProfile.NONE : Json.MAPPER.readValue(body, FaultProfile.class);
        } catch (JsonMappingException e) {
            throw new ApiError(400, "invalid fault profile: " + rootMessage(e));
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "invalid JSON: " + e.getOriginalMessage());
        }
        if (profile == null) {
            throw new ApiError(400, "invalid fault profile: body must be a JSON object");
        }
        faults.set(profile);
        call.sendJson(200, faults.profile());
    }

    void deleteFaults(final HttpCall call) {
        faults.clear();
        call.sendJson(200, faults.profile());
    }

    void stats(final HttpCall call) {
        call.sendJson(200, stats.toMap());
    }

    private static String rootMessage(final JsonMappingException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : t.getMessage();
    }
}
