package io.tsfm.streams.slo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The service-level objectives of monitoring/slo.yml, read and checked: what {@link SloRules} turns into
 * Prometheus rules. Each objective counts either events (good or bad, and total, as rates) or time slices (an
 * expression that is 1 in a good minute and 0 in a bad one).
 */
public record SloSpec(String period, List<Objective> objectives) {
    /** The placeholder a rate's range takes in an events query; each window of the rules replaces it. */
    public static final String WINDOW = "$window";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern DURATION = Pattern.compile("[1-9][0-9]*[mhdw]");

    /** How an objective's SLI is counted. */
    public enum Kind {
        /** Rates of events: the error ratio over a window is bad / total, or 1 - good / total. */
        EVENTS,
        /** Minutes: the error ratio over a window is the share of evaluations in which {@code good} was 0. */
        SLICES
    }

    /** One objective: its name (a label value), target, description and SLI queries. */
    public record Objective(
            String name, BigDecimal target, String description, Kind kind, String good, String bad, String total) {
        /** The share of events or slices allowed to be bad: 1 - target, exact (0.995 leaves 0.005). */
        public BigDecimal budget() {
            return BigDecimal.ONE.subtract(target);
        }
    }

    /** A spec that cannot be used; the message names the objective and the field. */
    public static final class InvalidSpec extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSpec(final String message) {
            super(message);
        }
    }

    /** Reads and checks a spec file. */
    public static SloSpec read(final Path file) throws IOException, InvalidSpec {
        final String text = Files.readString(file, StandardCharsets.UTF_8);
        final JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (final com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidSpec(file + ": not YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSpec(file + ": expected a mapping with 'period' and 'slos'");
        }
        return of(root);
    }

    /** Checks a parsed spec. */
    static SloSpec of(final JsonNode root) throws InvalidSpec {
        final String period = text(root, "period", "the spec");
        if (!DURATION.matcher(period).matches()) {
            throw new InvalidSpec("period: '" + period + "' is not a Prometheus duration such as 28d");
        }
        final JsonNode slos = root.path("slos");
        if (!slos.isArray() || slos.isEmpty()) {
            throw new InvalidSpec("slos: expected a non-empty list of objectives");
        }
        final List<Objective> out = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (final JsonNode slo : slos) {
            final Objective o = objective(slo);
            if (!names.add(o.name())) {
                throw new InvalidSpec("slo " + o.name() + ": named twice");
            }
            out.add(o);
        }
        return new SloSpec(period, List.copyOf(out));
    }

    private static Objective objective(final JsonNode slo) throws InvalidSpec {
        final String name = text(slo, "name", "an slo");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidSpec("slo " + name + ": a name is lower case letters, digits and _");
        }
        final String where = "slo " + name;
        final JsonNode objective = slo.path("objective");
        if (!objective.isNumber() || objective.asDouble() <= 0 || objective.asDouble() >= 1) {
            throw new InvalidSpec(where + ": objective must be a number between 0 and 1 (0.995 for 99.5 %)");
        }
        final BigDecimal target = new BigDecimal(objective.asText());
        final String description = text(slo, "description", where);
        final JsonNode sli = slo.path("sli");
        if (sli.has("events") == sli.has("slices")) {
            throw new InvalidSpec(where + ": sli needs exactly one of 'events' or 'slices'");
        }
        if (sli.has("slices")) {
            final String good = text(sli.path("slices"), "good", where + " sli.slices");
            return new Objective(name, target, description, Kind.SLICES, good, null, null);
        }
        final JsonNode events = sli.path("events");
        final String total = windowed(text(events, "total", where + " sli.events"), where + " sli.events.total");
        if (events.has("good") == events.has("bad")) {
            throw new InvalidSpec(where + ": sli.events needs exactly one of 'good' or 'bad'");
        }
        final boolean byGood = events.has("good");
        final String counted = text(events, byGood ? "good" : "bad", where + " sli.events");
        windowed(counted, where + " sli.events." + (byGood ? "good" : "bad"));
        return new Objective(
                name, target, description, Kind.EVENTS, byGood ? counted : null, byGood ? null : counted, total);
    }

    private static String windowed(final String query, final String where) throws InvalidSpec {
        if (!query.contains(WINDOW)) {
            throw new InvalidSpec(where + ": a rate needs its range written as [" + WINDOW + "]");
        }
        return query;
    }

    private static String text(final JsonNode node, final String field, final String where) throws InvalidSpec {
        final JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidSpec(where + ": '" + field + "' is missing or not text");
        }
        return value.asText().strip();
    }
}
