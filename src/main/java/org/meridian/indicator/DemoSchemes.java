package org.meridian.indicator;

import static org.meridian.indicator.SchemeLines.bands;
import static org.meridian.indicator.SchemeLines.linear;
import static org.meridian.indicator.SchemeLines.peer;

import java.util.ArrayList;
import java.util.List;

import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a sensible scheme for every channel unit type of the demo hospital, in the style of api.md's
 * example, unless the unit type already has one. Tiers A ≥ 85, B ≥ 70, C ≥ 55 everywhere. The demo hospital also
 * takes over the default department and institution catalogue ({@link DefaultCatalogue}) with its schemes.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("meridian.demo")
class DemoSchemes implements ApplicationRunner {

    private final Hospitals hospitals;
    private final SchemeCatalogue schemes;
    private final DefaultCatalogue defaults;

    DemoSchemes(Hospitals hospitals, SchemeCatalogue schemes, DefaultCatalogue defaults) {
        this.hospitals = hospitals;
        this.schemes = schemes;
        this.defaults = defaults;
    }

    @Override
    public void run(ApplicationArguments args) {
        Hospital hospital = hospitals.all().get(0);
        for (UnitType type : UnitType.channelTypes()) {
            if (schemes.current(hospital.id(), type).isEmpty()) {
                schemes.save(Actor.system(hospital.id(), "demo"), type, draftFor(type), weightingFor(type));
            }
        }
        defaults.install(Actor.system(hospital.id(), "demo"));
    }

    /** The demo scheme of a unit type: what such channels are mostly judged by. */
    static SchemeDraft draftFor(UnitType type) {
        List<SchemeDraft.Item> items = new ArrayList<>();
        switch (type) {
            case EXAM_CENTER -> {
                items.add(linear("REFERRAL_VOLUME", 20, 0, 200));
                items.add(linear("ARRIVAL_RATE", 15, 50, 90));
                items.add(linear("CONVERSION_RATE", 15, 10, 40));
                items.add(responseBands(15));
                items.add(peer("SATISFACTION", 15));
                items.add(complaintBands(10));
                items.add(peer("REVENUE", 10));
            }
            case COMMUNITY_HEALTH -> {
                items.add(linear("REFERRAL_VOLUME", 20, 0, 100));
                items.add(linear("ACCEPTANCE_RATE", 15, 60, 95));
                items.add(linear("ARRIVAL_RATE", 15, 50, 90));
                items.add(linear("FEEDBACK_RATE", 20, 50, 95));
                items.add(peer("RETURN_RATE", 10));
                items.add(peer("SATISFACTION", 10));
                items.add(responseBands(10));
            }
            case REFERRAL_INSTITUTION -> {
                items.add(linear("REFERRAL_VOLUME", 15, 0, 150));
                items.add(linear("ACCEPTANCE_RATE", 15, 60, 95));
                items.add(linear("ARRIVAL_RATE", 15, 50, 90));
                items.add(linear("CONVERSION_RATE", 20, 20, 60));
                items.add(responseBands(15));
                items.add(linear("FEEDBACK_RATE", 10, 50, 95));
                items.add(complaintBands(10));
            }
            case HEALTH_PLATFORM -> {
                items.add(linear("REFERRAL_VOLUME", 25, 0, 500));
                items.add(linear("ARRIVAL_RATE", 20, 30, 80));
                items.add(linear("CONVERSION_RATE", 15, 5, 30));
                items.add(linear("NPS", 15, -20, 60));
                items.add(linear("AVG_SATISFACTION", 10, 3, 4.8));
                items.add(peer("REVENUE", 15));
            }
            case ALLIANCE_MEMBER -> {
                items.add(linear("REFERRAL_VOLUME", 15, 0, 100));
                items.add(linear("ACCEPTANCE_RATE", 15, 60, 95));
                items.add(linear("ARRIVAL_RATE", 15, 50, 90));
                items.add(linear("FEEDBACK_RATE", 20, 50, 95));
                items.add(linear("RETURN_RATE", 15, 10, 50));
                items.add(peer("SATISFACTION", 10));
                items.add(complaintBands(10));
            }
            default -> {
                // weights from weightingFor(OTHER): 40, 20, 20, 20
                items.add(peer("REFERRAL_VOLUME", 40));
                items.add(linear("ARRIVAL_RATE", 20, 50, 90));
                items.add(peer("SATISFACTION", 20));
                items.add(complaintBands(20));
            }
        }
        return new SchemeDraft(items, SchemeLines.defaultTiers());
    }

    /**
     * The demo scheme whose weights came from the weighting assistant: the other channels (其他) by AHP, with the
     * referral volume moderately-to-equally more important (2) than each of arrival rate, satisfaction and complaint
     * rate, and those three equally important. The matrix is fully consistent (a_ij = w_i/w_j for w = 0.4, 0.2, 0.2,
     * 0.2), so CR = 0 and the weights are exactly 40, 20, 20, 20. Null for the other types (weights set by hand).
     */
    static WeightingInputs weightingFor(UnitType type) {
        if (type != UnitType.OTHER) {
            return null;
        }
        List<String> codes = draftFor(type).indicators().stream().map(SchemeDraft.Item::code).toList();
        double h = 0.5;
        return new WeightingInputs(WeightMethod.AHP, codes, List.of(
                List.of(1.0, 2.0, 2.0, 2.0),
                List.of(h, 1.0, 1.0, 1.0),
                List.of(h, 1.0, 1.0, 1.0),
                List.of(h, 1.0, 1.0, 1.0)), null, null);
    }

    /** ≤ 4 h → 100, ≤ 24 h → 80, ≤ 48 h → 60 (api.md's example). */
    private static SchemeDraft.Item responseBands(int weight) {
        return bands("RESPONSE_TIME", weight, new int[][] {{4, 100}, {24, 80}, {48, 60}});
    }

    /** ≤ 1 ‰ → 100, ≤ 3 ‰ → 80, ≤ 5 ‰ → 60. */
    private static SchemeDraft.Item complaintBands(int weight) {
        return bands("COMPLAINT_RATE", weight, new int[][] {{1, 100}, {3, 80}, {5, 60}});
    }
}
