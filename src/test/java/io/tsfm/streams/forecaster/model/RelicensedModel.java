package io.tsfm.streams.forecaster.model;

/**
 * A test-only model that forecasts like {@code mock} but reports the given licence, so licence checks can be
 * tested over real HTTP without making the built-in models misreport theirs.
 */
public record RelicensedModel(String name, String licenseType) implements LocalModel {

    @Override
    public String family() {
        return "test";
    }

    @Override
    public String runner() {
        return "tsfm-test";
    }

    @Override
    public String description() {
        return "test model forecasting like mock, reporting licence " + licenseType;
    }

    @Override
    public SeriesForecast forecast(final ModelInput input) {
        return new MockModel().forecast(input);
    }
}
