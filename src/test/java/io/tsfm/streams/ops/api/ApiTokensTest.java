package io.tsfm.streams.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokensTest {
    private static final String ALICE = "alice-7f3c9a1e5b2d8c4f";
    private static final String BOB = "bob-0a9e8d7c6b5a4f3e2d";
    private static final String BARE = "k9Qz4TbXw2LmR8vN";

    @TempDir
    Path tmp;

    @Test
    void readsIdentityTokenPairsAndBareTokensFromTheEnvironmentValue() {
        final ApiTokens tokens = ApiTokens.load("alice:" + ALICE + ", " + BARE, null);

        assertThat(tokens.enabled()).isTrue();
        assertThat(tokens.disabledReason()).isNull();
        assertThat(tokens.identities()).containsExactly("alice", "token-2");
        assertThat(tokens.authenticate("Bearer " + ALICE, null).identity()).isEqualTo("alice");
        assertThat(tokens.authenticate(null, BARE).identity()).isEqualTo("token-2");
    }

    @Test
    void readsTheFileSkippingBlankLinesAndCommentsTogetherWithTheEnvironment() throws IOException {
        final Path file = Files.writeString(tmp.resolve("tokens"), "# on-call tools\n\nbob:" + BOB + "\n");

        final ApiTokens tokens = ApiTokens.load("alice:" + ALICE, file);

        assertThat(tokens.identities()).containsExactly("alice", "bob");
        assertThat(tokens.authenticate("Bearer " + BOB, null).identity()).isEqualTo("bob");
    }

    @Test
    void letsOneIdentityHoldTwoTokensForRotation() {
        final ApiTokens tokens = ApiTokens.load("alice:" + ALICE + ",alice:" + BOB, null);

        assertThat(tokens.authenticate("Bearer " + ALICE, null).identity()).isEqualTo("alice");
        assertThat(tokens.authenticate("Bearer " + BOB, null).identity()).isEqualTo("alice");
    }

    @Test
    void isDisabledWhenNothingIsConfigured() {
        final ApiTokens tokens = ApiTokens.load(null, null);

        assertThat(tokens.enabled()).isFalse();
        assertThat(tokens.disabledReason()).isEqualTo("no API tokens configured");
        assertThat(ApiTokens.load(" , ", null).disabledReason()).isEqualTo("no API tokens configured");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "changeme",
                "change-me",
                "placeholder",
                "token",
                "secret",
                "test",
                "xxx",
                "<token>",
                "CHANGEME",
                "your-token"
            })
    void rejectsTheKnownPlaceholders(final String placeholder) {
        assertThat(ApiTokens.placeholderProblem(placeholder)).isEqualTo("is a placeholder value");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "changeme-changeme-1",
                "<put-the-real-token-here>",
                "${API_TOKEN_FROM_VAULT}",
                "my-placeholder-value-123"
            })
    void rejectsTemplateLikeTokensOfAnyLength(final String token) {
        assertThat(ApiTokens.placeholderProblem(token)).isEqualTo("looks like a placeholder");
    }

    @Test
    void rejectsEmptyShortRepeatedAndWhitespaceTokens() {
        assertThat(ApiTokens.placeholderProblem("")).isEqualTo("is empty");
        assertThat(ApiTokens.placeholderProblem("a1b2c3d4e5f6g7h")).isEqualTo("is shorter than 16 characters");
        assertThat(ApiTokens.placeholderProblem("0000000000000000000000")).isEqualTo("is one repeated character");
        assertThat(ApiTokens.placeholderProblem("a1b2c3d4 e5f6g7h8"))
                .isEqualTo("contains whitespace or a control character");
        assertThat(ApiTokens.placeholderProblem(ALICE)).isNull();
        assertThat(ApiTokens.placeholderProblem("a1b2c3d4e5f6g7h8")).isNull();
    }

    @Test
    void disablesTheWholeApiForOnePlaceholderNamingItsPlaceButNeverTheToken() {
        final ApiTokens tokens = ApiTokens.load("alice:" + ALICE + ",bob:changeme", null);

        assertThat(tokens.enabled()).isFalse();
        assertThat(tokens.disabledReason())
                .isEqualTo(
                        "API token rejected: entry 2 of api.tokens (TSFM_API_TOKENS) (identity bob) is a placeholder value");
        assertThat(tokens.authenticate("Bearer " + ALICE, null).accepted()).isFalse();
        assertThat(tokens.toString()).doesNotContain(ALICE);
    }

    @Test
    void namesTheFileLineOfARejectedToken() throws IOException {
        final Path file = Files.writeString(tmp.resolve("tokens"), "# comment\nalice:" + ALICE + "\nshort-one\n");

        final ApiTokens tokens = ApiTokens.load(null, file);

        assertThat(tokens.disabledReason())
                .isEqualTo(
                        "API token rejected: line 3 of api.tokens.file (identity token-2) is shorter than 16 characters");
    }

    @Test
    void rejectsAnEmptyTokenAfterTheIdentityAndAnEmptyIdentity() {
        assertThat(ApiTokens.load("alice:", null).disabledReason())
                .isEqualTo("API token rejected: entry 1 of api.tokens (TSFM_API_TOKENS) (identity alice) is empty");
        assertThat(ApiTokens.load(":" + ALICE, null).disabledReason())
                .isEqualTo(
                        "API token rejected: entry 1 of api.tokens (TSFM_API_TOKENS) has an empty identity before ':'");
    }

    @Test
    void rejectsOneTokenGivenToTwoIdentities() {
        final ApiTokens tokens = ApiTokens.load("alice:" + ALICE + ",bob:" + ALICE, null);

        assertThat(tokens.disabledReason())
                .isEqualTo("API token rejected: entry 2 of api.tokens (TSFM_API_TOKENS) "
                        + "(identity bob) repeats the token of identity alice");
    }

    @Test
    void isDisabledWhenTheFileCannotBeReadWithoutQuotingIt() {
        final Path missing = tmp.resolve("missing-tokens");

        final ApiTokens tokens = ApiTokens.load("alice:" + ALICE, missing);

        assertThat(tokens.enabled()).isFalse();
        assertThat(tokens.disabledReason())
                .isEqualTo("cannot read api.tokens.file " + missing + " (NoSuchFileException)");
    }

    @Test
    void tellsAMissingTokenFromAWrongOne() {
        final ApiTokens tokens = ApiTokens.load("alice:" + ALICE, null);

        final ApiTokens.Authentication missing = tokens.authenticate(null, null);
        final ApiTokens.Authentication wrong = tokens.authenticate("Bearer " + BOB, null);
        final ApiTokens.Authentication basic = tokens.authenticate("Basic " + ALICE, null);

        assertThat(missing.accepted()).isFalse();
        assertThat(missing.tokenGiven()).isFalse();
        assertThat(wrong.accepted()).isFalse();
        assertThat(wrong.tokenGiven()).isTrue();
        assertThat(basic.tokenGiven()).isFalse();
    }

    @Test
    void acceptsTheBearerSchemeInAnyCaseAndPrefersItOverTheApiKeyHeader() {
        final ApiTokens tokens = ApiTokens.load("alice:" + ALICE + ",bob:" + BOB, null);

        assertThat(tokens.authenticate("bearer  " + ALICE, null).identity()).isEqualTo("alice");
        assertThat(tokens.authenticate("Bearer " + ALICE, BOB).identity()).isEqualTo("alice");
        assertThat(tokens.authenticate("Basic dXNlcjpwYXNz", BOB).identity()).isEqualTo("bob");
    }
}
