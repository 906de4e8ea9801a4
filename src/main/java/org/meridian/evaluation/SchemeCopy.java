package org.meridian.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;

/**
 * The copy of the scheme an evaluation used, as stored with it (column {@code evaluation.scheme}): every
 * indicator with its definition, weight and scoring rule, and the tier thresholds. Reading it back gives the
 * same {@link SchemeSnapshot}, whatever became of the scheme and the catalogue since.
 */
record SchemeCopy(UnitType unitType, int version, Instant savedAt, String savedBy, List<Item> indicators,
                  List<SchemeDraft.Tier> tiers) {

    record Item(String code, String nameZh, String nameEn, String unitZh, String unitEn, String direction,
                String formula, BigDecimal weight, SchemeDraft.Scoring scoring, String dimension) {
    }

    static SchemeCopy of(SchemeSnapshot s) {
        SchemeDraft draft = SchemeDraft.of(s);
        List<Item> items = s.items().stream().map(SchemeCopy::item).toList();
        return new SchemeCopy(s.unitType(), s.version(), s.savedAt(), s.savedBy(), items, draft.tiers());
    }

    private static Item item(SchemeItem i) {
        IndicatorDefinition d = i.indicator();
        return new Item(d.code(), d.nameZh(), d.nameEn(), d.unitZh(), d.unitEn(), d.direction().name(),
                d.formula().text(), i.weight(), SchemeDraft.Scoring.of(i.rule()), d.dimension().name());
    }

    SchemeSnapshot snapshot() {
        Map<String, IndicatorDefinition> definitions = indicators.stream().collect(Collectors.toMap(Item::code,
                d -> new IndicatorDefinition(d.code(), d.nameZh(), d.nameEn(), d.unitZh(), d.unitEn(),
                        Direction.valueOf(d.direction()), Formula.stored(d.formula()), null, null,
                        Dimension.parse(d.dimension()))));
        Function<String, Optional<IndicatorDefinition>> copied = code -> Optional.ofNullable(definitions.get(code));
        SchemeDraft draft = new SchemeDraft(indicators.stream()
                .map(d -> new SchemeDraft.Item(d.code(), d.weight(), d.scoring())).toList(), tiers);
        return draft.toSnapshot(copied, unitType, version, savedAt, savedBy);
    }
}
