package io.tsfm.streams.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A histogram of emit delays with their CDF on top, drawn with java.awt into a PNG (headless). */
final class LatencyChart {
    private static final int W = 900;
    private static final int H = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = 70;
    private static final int TOP = 64;
    private static final int BOTTOM = 60;
    private static final int BINS = 40;

    private LatencyChart() {}

    static void write(final double[] delaysMs, final String title, final Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        final double[] s = delaysMs.clone();
        Arrays.sort(s);
        final BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        final int pw = W - LEFT - RIGHT;
        final int ph = H - TOP - BOTTOM;
        if (s.length == 0) {
            g.drawString("no samples", LEFT, TOP + ph / 2);
        } else {
            final double max = Math.max(1, s[s.length - 1]) * 1.02;
            final int[] counts = new int[BINS];
            for (final double v : s) {
                counts[Math.min(BINS - 1, (int) (v / max * BINS))]++;
            }
            final int top = Arrays.stream(counts).max().orElse(1);
            g.setColor(new Color(100, 149, 237));
            for (int b = 0; b < BINS; b++) {
                final int x0 = LEFT + b * pw / BINS;
                final int x1 = LEFT + (b + 1) * pw / BINS;
                final int h = (int) Math.round((double) counts[b] / top * ph);
                g.fillRect(x0 + 1, TOP + ph - h, Math.max(1, x1 - x0 - 2), h);
            }
            g.setColor(new Color(200, 30, 30));
            g.setStroke(new BasicStroke(2f));
            int px = LEFT;
            int py = TOP + ph;
            for (int i = 0; i < s.length; i++) {
                final int x = LEFT + (int) Math.round(s[i] / max * pw);
                final int y = TOP + ph - (int) Math.round((i + 1.0) / s.length * ph);
                g.drawLine(px, py, x, y);
                px = x;
                py = y;
            }
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, pw, ph);
            for (int t = 0; t <= 5; t++) {
                final int x = LEFT + t * pw / 5;
                g.drawLine(x, TOP + ph, x, TOP + ph + 5);
                g.drawString(String.format(Locale.ROOT, "%.0f", max * t / 5), x - 12, TOP + ph + 20);
                final int y = TOP + ph - t * ph / 5;
                g.drawString(String.format(Locale.ROOT, "%d", top * t / 5), LEFT - 45, y + 4);
                g.drawString(String.format(Locale.ROOT, "%d%%", 20 * t), LEFT + pw + 8, y + 4);
            }
            g.drawString("cycle start -> forecast emitted (ms)", LEFT + pw / 2 - 100, H - 18);
            g.drawString("forecasts per bin (bars)", 8, TOP - 14);
            g.setColor(new Color(200, 30, 30));
            g.drawString("CDF (line)", LEFT + pw - 20, TOP - 14);
            g.setColor(Color.DARK_GRAY);
            g.drawString(
                    String.format(
                            Locale.ROOT,
                            "n=%d  p50=%.0f ms  p95=%.0f ms  p99=%.0f ms  max=%.0f ms",
                            s.length,
                            Stats.percentile(s, 50),
                            Stats.percentile(s, 95),
                            Stats.percentile(s, 99),
                            s[s.length - 1]),
                    LEFT + 10,
                    TOP + 18);
        }
        g.dispose();
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        ImageIO.write(img, "png", file.toFile());
    }
}
