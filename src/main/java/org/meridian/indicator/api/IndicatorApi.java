package org.meridian.indicator.api;

import java.net.URI;
import java.util.List;

import org.meridian.indicator.CatalogueEntry;
import org.meridian.indicator.DefaultCatalogue;
import org.meridian.indicator.IndicatorCatalogue;
import org.meridian.indicator.Measure;
import org.meridian.indicator.NewIndicator;
import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.shared.Actor;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.web.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicator catalogue (api.md: {@code GET /api/v1/indicators}) and the project's addition of a hospital's
 * own indicators. Reading needs ANALYST, adding CHANNEL_MANAGER. {@code POST /api/v1/indicators/defaults} takes over
 * the default department and institution catalogue (measures, indicators, schemes the hospital lacks) and answers
 * what it added.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorApi {

    private final IndicatorCatalogue indicators;
    private final DefaultCatalogue defaults;

    IndicatorApi(IndicatorCatalogue indicators, DefaultCatalogue defaults) {
        this.indicators = indicators;
        this.defaults = defaults;
    }

    /** One catalogue entry; {@code measures} are the measure keys its formula reads. */
    record IndicatorView(String code, String nameZh, String nameEn, String unitZh, String unitEn, Direction direction,
                         String formula, List<String> measures, String descriptionZh, String descriptionEn,
                         boolean builtIn, Dimension dimension) {

        static IndicatorView of(CatalogueEntry e) {
            IndicatorDefinition d = e.definition();
            return new IndicatorView(d.code(), d.nameZh(), d.nameEn(), d.unitZh(), d.unitEn(), d.direction(),
                    d.formula().text(), d.formula().keys(), d.descriptionZh(),
                    d.descriptionEn(), e.builtIn(), d.dimension());
        }
    }

    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    Paged<IndicatorView> list(@RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        Paged.check(page, size);
        List<CatalogueEntry> all = indicators.catalogue(CurrentUser.hospitalId());
        return Paged.slice(all, page, size).map(IndicatorView::of);
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<IndicatorView> create(@RequestBody NewIndicator body) {
        CatalogueEntry e = indicators.create(CurrentUser.actor(), body);
        return ResponseEntity.created(URI.create("/api/v1/indicators?code=" + e.code())).body(IndicatorView.of(e));
    }

    @PostMapping("/defaults")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    DefaultCatalogue.Installed installDefaults(Actor actor) {
        return defaults.install(actor);
    }
}
