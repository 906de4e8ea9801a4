package org.meridian.indicator.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.meridian.indicator.SchemeNotFoundException;
import org.meridian.indicator.SchemeVersionInfo;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schemes (api.md, Schemes): {@code PUT /api/v1/schemes/{unitType}} saves a new version of the unit type's
 * scheme, {@code GET} returns the one in force in the same shape plus {@code unitType}, {@code version},
 * {@code savedAt} and {@code savedBy}; the project adds the version history. Writing needs CHANNEL_MANAGER,
 * reading ANALYST.
 */
@RestController
@RequestMapping("/api/v1/schemes")
class SchemeApi {

    private final SchemeCatalogue schemes;
    private final JsonMapper json;

    SchemeApi(SchemeCatalogue schemes, JsonMapper json) {
        this.schemes = schemes;
        this.json = json;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScoringView(String method, BigDecimal zero, BigDecimal full, List<List<BigDecimal>> bands) {
    }

    record ItemView(String code, BigDecimal weight, ScoringView scoring) {
    }

    record SchemeView(UnitType unitType, int version, Instant savedAt, String savedBy, List<ItemView> indicators,
                      List<SchemeDraft.Tier> tiers) {

        static SchemeView of(SchemeSnapshot s) {
            SchemeDraft d = SchemeDraft.of(s);
            return new SchemeView(s.unitType(), s.version(), s.savedAt(), s.savedBy(), d.indicators().stream()
                    .map(i -> new ItemView(i.code(), i.weight(), new ScoringView(i.scoring().method(),
                            i.scoring().zero(), i.scoring().full(), i.scoring().bands())))
                    .toList(), d.tiers());
        }
    }

    @GetMapping("/{unitType}")
    @PreAuthorize("hasRole('ANALYST')")
    SchemeView current(@PathVariable String unitType) {
        UnitType type = unitType(unitType);
        return schemes.current(CurrentUser.hospitalId(), type).map(SchemeView::of)
                .orElseThrow(() -> new SchemeNotFoundException(type, null));
    }

    @PutMapping("/{unitType}")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    SchemeView save(@PathVariable String unitType, @RequestBody(required = false) String body) {
        UnitType type = unitType(unitType);
        SchemeRequest.Read read = SchemeRequest.read(json, body);
        if (!read.problems().isEmpty()) {
            List<Problem> all = new java.util.ArrayList<>(read.problems());
            for (Problem p : schemes.problems(CurrentUser.hospitalId(), read.draft())) {
                boolean covered = read.problems().stream().anyMatch(r -> p.path().equals(r.path())
                        || p.path().startsWith(r.path() + ".") || p.path().startsWith(r.path() + "["));
                if (!covered) {
                    all.add(p);
                }
            }
            throw new InvalidInputException("indicator", all);
        }
        return SchemeView.of(schemes.save(CurrentUser.actor(), type, read.draft()));
    }

    @GetMapping("/{unitType}/versions")
    @PreAuthorize("hasRole('ANALYST')")
    Paged<SchemeVersionInfo> history(@PathVariable String unitType, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        Paged.check(page, size);
        List<SchemeVersionInfo> all = schemes.history(CurrentUser.hospitalId(), unitType(unitType));
        return Paged.slice(all, page, size);
    }

    @GetMapping("/{unitType}/versions/{version}")
    @PreAuthorize("hasRole('ANALYST')")
    SchemeView version(@PathVariable String unitType, @PathVariable int version) {
        UnitType type = unitType(unitType);
        return schemes.version(CurrentUser.hospitalId(), type, version).map(SchemeView::of)
                .orElseThrow(() -> new SchemeNotFoundException(type, version));
    }

    private static UnitType unitType(String value) {
        try {
            return UnitType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("indicator", Problem.of("unitType", "indicator.error.unknownUnitType", value));
        }
    }
}
