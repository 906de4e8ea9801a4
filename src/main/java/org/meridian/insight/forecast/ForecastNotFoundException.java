package org.meridian.insight.forecast;

import org.meridian.shared.problem.NotFoundException;

/** No such channel in the caller's hospital, or not the caller's to see (404, {@code urn:meridian:insight:channel-not-found}). */
public class ForecastNotFoundException extends NotFoundException {

    ForecastNotFoundException(String code) {
        super("insight", "channel", code, "insight.forecast.problem.channelNotFound");
    }
}
