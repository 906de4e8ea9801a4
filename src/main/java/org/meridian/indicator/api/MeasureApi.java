package org.meridian.indicator.api;

import java.net.URI;
import java.util.List;

import org.meridian.indicator.CatalogueMeasure;
import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.NewStatisticMeasure;
import org.meridian.indicator.StatisticMeasure;
import org.meridian.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/measures}: the hospital's measure catalogue (built-in event measures, {@code days}, its own
 * statistic measures) and defining a statistic measure. Reading needs ANALYST, defining CHANNEL_MANAGER.
 */
@RestController
@RequestMapping("/api/v1/measures")
class MeasureApi {

    private final MeasureCatalogue catalogue;

    MeasureApi(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue is short (16 event measures, days, a few dozen statistics): one list, not paged. */
    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    List<CatalogueMeasure> list(Actor actor) {
        return catalogue.list(actor);
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<StatisticMeasure> define(Actor actor, @RequestBody NewStatisticMeasure body) {
        StatisticMeasure m = catalogue.define(actor, body);
        return ResponseEntity.created(URI.create("/api/v1/measures")).body(m);
    }
}
