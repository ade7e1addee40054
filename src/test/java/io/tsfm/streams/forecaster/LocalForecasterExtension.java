package io.tsfm.streams.forecaster;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One default local forecaster on an ephemeral loopback port per test class, with an HTTP helper for it:
 * {@code @RegisterExtension static final LocalForecasterExtension SERVER = new LocalForecasterExtension();}
 */
public final class LocalForecasterExtension implements BeforeAllCallback, AfterAllCallback {
    private final LocalForecasterOptions options;
    private LocalForecaster server;
    private ForecasterHttp http;

    public LocalForecasterExtension() {
        this(LocalForecasterOptions.ephemeral());
    }

    /** A forecaster started with these options (use port 0). */
    public LocalForecasterExtension(final LocalForecasterOptions options) {
        this.options = options;
    }

    @Override
    public void beforeAll(final ExtensionContext context) {
        server = LocalForecaster.start(options);
        http = new ForecasterHttp(server.url());
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        server.close();
    }

    public LocalForecaster server() {
        return server;
    }

    public ForecasterHttp http() {
        return http;
    }
}
