package io.tsfm.streams.canary;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * Renders a {@link GateResult} byte for byte as the seed evaluator prints it
 * ({@code json.dumps(result, indent=2, sort_keys=True)}): keys sorted, two-space indent, {@code []} for
 * an empty list, one reason per line otherwise, and a final newline.
 */
public final class GateResultJson {

    private GateResultJson() {}

    public static String render(final GateResult result) {
        final StringBuilder json = new StringBuilder(256);
        json.append("{\n");
        json.append("  \"gate_fail_reasons\": ");
        appendList(json, result.gateFailReasons());
        json.append(",\n");
        json.append("  \"gate_passed\": ").append(result.gatePassed()).append(",\n");
        json.append("  \"rollback_reasons\": ");
        appendList(json, result.rollbackReasons());
        json.append(",\n");
        json.append("  \"rollback_triggered\": ")
                .append(result.rollbackTriggered())
                .append(",\n");
        json.append("  \"stage\": ").append(quote(result.stage().id())).append(",\n");
        json.append("  \"window_minutes\": ").append(result.windowMinutes()).append(",\n");
        json.append("  \"windows\": ").append(result.windows()).append('\n');
        json.append("}\n");
        return json.toString();
    }

    private static void appendList(final StringBuilder json, final List<String> items) {
        if (items.isEmpty()) {
            json.append("[]");
            return;
        }
        json.append("[\n");
        for (int i = 0; i < items.size(); i++) {
            json.append("    ").append(quote(items.get(i)));
            json.append(i + 1 < items.size() ? ",\n" : "\n");
        }
        json.append("  ]");
    }

    private static String quote(final String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
