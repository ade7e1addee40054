package io.tsfm.streams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks free TCP ports on 127.0.0.1, so that several embedded brokers can run side by side. */
final class FreePorts {

    private FreePorts() {}

    /** Returns {@code count} distinct ports that were free on 127.0.0.1 a moment ago. */
    static int[] pick(final int count) {
        final List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                final ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        } finally {
            for (final ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (final IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }
}
