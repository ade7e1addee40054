package io.tsfm.streams.canary;

import io.tsfm.streams.rollout.Stage;
import java.util.List;

/**
 * The verdict, with the seed evaluator's fields: the gate passes only when no rollback trigger fired
 * and no gate threshold was exceeded. Reasons are in the seed's order.
 */
public record GateResult(
        Stage stage,
        int windows,
        int windowMinutes,
        boolean gatePassed,
        boolean rollbackTriggered,
        List<String> rollbackReasons,
        List<String> gateFailReasons) {

    public GateResult {
        rollbackReasons = List.copyOf(rollbackReasons);
        gateFailReasons = List.copyOf(gateFailReasons);
    }
}
