package io.tsfm.streams.forecaster.model;

/**
 * A model's answer for one series, before it is shaped into tollama's JSON: the mean path and one
 * path per requested level ({@code quantiles[i]} belongs to {@code ModelInput.levels()[i]}).
 */
public record SeriesForecast(String startTimestamp, double[] mean, double[][] quantiles) {

    public SeriesForecast {
        mean = mean.clone();
        final double[][] copy = new double[quantiles.length][];
        for (int i = 0; i < quantiles.length; i++) {
            copy[i] = quantiles[i].clone();
        }
        quantiles = copy;
    }
}
