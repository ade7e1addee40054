package io.tsfm.streams.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough of a Dockerfile reader for the consistency tests: instructions with continuations joined,
 * grouped by stage, a stage named by its {@code AS} alias and built on an image or on an earlier stage.
 */
record Dockerfile(List<Dockerfile.Stage> stages) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stage: its alias (null without one), what it is built FROM, its instructions as {keyword, rest}. */
    record Stage(String name, String from, List<String[]> instructions) {}

    static Dockerfile read(final Path file) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final List<Stage> stages = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        for (final String raw : lines) {
            final String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            final String instruction = current.toString().strip();
            current.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            final String[] split = instruction.split("\\s+", 2);
            final String[] parsed = {split[0].toUpperCase(Locale.ROOT), split.length > 1 ? split[1].strip() : ""};
            if (parsed[0].equals("FROM")) {
                final String[] from = parsed[1].split("\\s+", -1);
                final String name = from.length >= 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
                stages.add(new Stage(name, from[0], new ArrayList<>()));
                continue;
            }
            if (stages.isEmpty()) {
                assertThat(parsed[0])
                        .as("%s: only ARG may come before the first FROM", file)
                        .isEqualTo("ARG");
                continue;
            }
            stages.get(stages.size() - 1).instructions().add(parsed);
        }
        assertThat(stages).as("stages of %s", file).isNotEmpty();
        return new Dockerfile(stages);
    }

    /** The stage {@code docker build --target name} builds; the last one for null (docker's default). */
    Stage target(final String name) {
        if (name == null) {
            return stages.get(stages.size() - 1);
        }
        return stages.stream()
                .filter(s -> name.equals(s.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stage named " + name));
    }

    /** The stage a stage is built on, null when it is built on an image. */
    private Stage parent(final Stage stage) {
        return stages.stream()
                .filter(s -> s.name() != null && s.name().equals(stage.from()))
                .findFirst()
                .orElse(null);
    }

    /** The image a stage ends up built on, through the stages it builds on. */
    String baseImage(final Stage stage) {
        final Stage parent = parent(stage);
        return parent == null ? stage.from() : baseImage(parent);
    }

    /** Arguments of a stage's instructions of one kind and of the stages it builds on, flags (--from=...) dropped. */
    List<List<String>> all(final Stage stage, final String keyword) {
        final Stage parent = parent(stage);
        final List<List<String>> out = parent == null ? new ArrayList<>() : all(parent, keyword);
        for (final String[] i : stage.instructions()) {
            if (i[0].equals(keyword)) {
                out.add(args(i[1]).stream().filter(a -> !a.startsWith("--")).toList());
            }
        }
        return out;
    }

    /** The exec-form (JSON array) arguments of the instruction of one kind in force in a stage. */
    List<String> jsonArgs(final Stage stage, final String keyword) {
        String value = null;
        for (Stage s = stage; s != null && value == null; s = parent(s)) {
            for (final String[] i : s.instructions()) {
                if (i[0].equals(keyword)) {
                    value = i[1];
                }
            }
        }
        assertThat(value).as("%s in stage %s", keyword, stage.name()).isNotNull();
        assertThat(value).as("%s uses the exec (JSON array) form", keyword).startsWith("[");
        return args(value);
    }

    private static List<String> args(final String text) {
        if (text.startsWith("[")) {
            try {
                final List<String> out = new ArrayList<>();
                JSON.readTree(text).forEach(n -> out.add(n.asText()));
                return out;
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of(text.split("\\s+"));
    }
}
