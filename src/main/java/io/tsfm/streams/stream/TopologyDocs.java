package io.tsfm.streams.stream;

import io.tsfm.streams.config.AppConfig;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topology as text (Kafka's own description) and as a Mermaid diagram, generated from the code for
 * topology-docs/ and the {@code topology} command; a test keeps the committed files in sync.
 */
public final class TopologyDocs {
    private TopologyDocs() {}

    /** Describing builds no processor, so no model client is needed. */
    public static TopologyDescription describe(final AppConfig config) {
        return TsfmTopology.build(config, (io.tsfm.streams.model.ModelClient) null, StreamMeters.NONE)
                .describe();
    }

    public static String text(final AppConfig config) {
        return describe(config).toString();
    }

    public static String mermaid(final AppConfig config) {
        final TopologyDescription d = describe(config);
        final StringBuilder sb = new StringBuilder("flowchart LR\n");
        final TreeSet<String> topics = new TreeSet<>();
        final TreeSet<String> stores = new TreeSet<>();
        for (final TopologyDescription.Subtopology sub : d.subtopologies()) {
            sb.append("  subgraph sub")
                    .append(sub.id())
                    .append("[\"sub-topology ")
                    .append(sub.id())
                    .append("\"]\n");
            for (final TopologyDescription.Node node : sorted(sub)) {
                sb.append("    ")
                        .append(id(node.name()))
                        .append("[\"")
                        .append(node.name())
                        .append("\"]\n");
            }
            sb.append("  end\n");
            for (final TopologyDescription.Node node : sorted(sub)) {
                for (final TopologyDescription.Node next : node.successors()) {
                    sb.append("  ")
                            .append(id(node.name()))
                            .append(" --> ")
                            .append(id(next.name()))
                            .append('\n');
                }
                if (node instanceof TopologyDescription.Source source) {
                    for (final String t : new TreeSet<>(source.topicSet())) {
                        topics.add(t);
                        sb.append("  ")
                                .append(topicId(t))
                                .append(" --> ")
                                .append(id(node.name()))
                                .append('\n');
                    }
                }
                if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    topics.add(sink.topic());
                    sb.append("  ")
                            .append(id(node.name()))
                            .append(" --> ")
                            .append(topicId(sink.topic()))
                            .append('\n');
                }
                if (node instanceof TopologyDescription.Processor p) {
                    for (final String s : new TreeSet<>(p.stores())) {
                        stores.add(s);
                        sb.append("  ")
                                .append(id(node.name()))
                                .append(" -.- ")
                                .append(storeId(s))
                                .append('\n');
                    }
                }
            }
        }
        for (final String t : topics) {
            sb.append("  ").append(topicId(t)).append("[/\"").append(t).append("\"/]\n");
        }
        for (final String s : stores) {
            sb.append("  ").append(storeId(s)).append("[(\"").append(s).append("\")]\n");
        }
        return sb.toString();
    }

    private static java.util.List<TopologyDescription.Node> sorted(final TopologyDescription.Subtopology sub) {
        final Map<String, TopologyDescription.Node> byName = new java.util.TreeMap<>();
        sub.nodes().forEach(n -> byName.put(n.name(), n));
        return java.util.List.copyOf(byName.values());
    }

    private static String id(final String name) {
        return "n_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String topicId(final String name) {
        return "t_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String storeId(final String name) {
        return "s_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
