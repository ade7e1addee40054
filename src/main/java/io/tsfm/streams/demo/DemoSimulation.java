package io.tsfm.streams.demo;

import io.tsfm.streams.simulate.SimulationCounts;
import io.tsfm.streams.simulate.SimulationSpec;
import io.tsfm.streams.simulate.SimulatorProducer;

/**
 * The demo's market simulator on a thread of its own, so that the demo can print summaries meanwhile: its
 * counts once every tick is sent, or its failure unless the demo was stopping it.
 */
final class DemoSimulation {
    private final Thread thread;
    private volatile SimulationCounts simulated;
    private volatile Throwable failure;
    private volatile boolean stopping;

    DemoSimulation(final String bootstrap, final SimulationSpec spec, final String topic, final double speed) {
        thread = new Thread(
                () -> {
                    final SimulatorProducer producer = SimulatorProducer.connect(bootstrap);
                    try {
                        simulated = producer.send(spec, topic, speed);
                    } catch (final RuntimeException e) {
                        if (!stopping) {
                            failure = e;
                        }
                    } finally {
                        Thread.interrupted(); // a stop interrupts the pacing; let the producer close normally
                        producer.close();
                    }
                },
                "demo-simulator");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** What was sent, once the simulation is over; null before. */
    SimulationCounts simulated() {
        return simulated;
    }

    /** Why the simulation failed; null when it has not. */
    Throwable failure() {
        return failure;
    }

    /** Interrupts the pacing and waits up to 10 s for the simulator to close its producer. */
    void stop() throws InterruptedException {
        stopping = true;
        thread.interrupt();
        thread.join(10_000);
    }
}
