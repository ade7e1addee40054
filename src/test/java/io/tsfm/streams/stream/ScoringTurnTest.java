package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ScoringTurnTest {
    private final Object first = new Object();
    private final Object second = new Object();

    @Test
    void aSecondTaskScoresOnlyOnceTheFirstHasReleasedTheTurn() {
        final ScoringTurn turn = new ScoringTurn();

        assertThat(turn.take(first)).isTrue();
        assertThat(turn.take(second)).isFalse();
        assertThat(turn.take(first)).as("the holder keeps it across its slices").isTrue();

        turn.release(first);

        assertThat(turn.take(second)).isTrue();
        assertThat(turn.take(first)).isFalse();
    }

    @Test
    void onlyTheHolderReleasesTheTurn() {
        final ScoringTurn turn = new ScoringTurn();
        turn.take(first);

        turn.release(second); // a task that never held it closes

        assertThat(turn.take(second)).isFalse();
        assertThat(turn.take(first)).as("still the first's").isTrue();
    }

    @Test
    void eachStreamThreadHasATurnOfItsOwn() throws Exception {
        final ScoringTurn here = ScoringTurn.ofThisThread();
        here.take(first);
        try {
            final boolean elsewhere = CompletableFuture.supplyAsync(
                            () -> ScoringTurn.ofThisThread().take(second), command -> new Thread(command).start())
                    .get();

            assertThat(elsewhere).isTrue();
            assertThat(ScoringTurn.ofThisThread()).isSameAs(here);
        } finally {
            here.release(first);
        }
    }
}
