package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.indicator.scoring.Dimension.BRAND;
import static org.meridian.indicator.scoring.Dimension.CHANNEL;
import static org.meridian.indicator.scoring.Dimension.EFFICIENCY;
import static org.meridian.indicator.scoring.Dimension.QUALITY;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;
import org.meridian.shared.UnitType;

/** Dimension scores, performance and brand index (network.md §2), worked out by hand in the comments. */
class DimensionScoresTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static DimensionScores.Line line(Dimension dimension, String weight, String score) {
        return new DimensionScores.Line(dimension, d(weight), score == null ? null : d(score));
    }

    /**
     * Lines in scheme order: QUALITY w20 score 80, EFFICIENCY w30 score 50, QUALITY w10 no value, BRAND w25 score 90,
     * BRAND w15 score 60.
     * <ul>
     * <li>QUALITY = 20 × 80 / 20 = 80; coverage = 20 / (20 + 10) = 2/3;</li>
     * <li>EFFICIENCY = 50; coverage 30 / 30 = 1;</li>
     * <li>BRAND = (25 × 90 + 15 × 60) / 40 = (2250 + 900) / 40 = 78.75; coverage 1;</li>
     * <li>performance = (20 × 80 + 30 × 50) / (20 + 30) = 3100 / 50 = 62 (the BRAND lines and the line without a
     *     value left out); brand = 78.75.</li>
     * </ul>
     */
    @Test
    void eachDimensionIsTheWeightedMeanOfItsScoredIndicatorsWithItsCoverage() {
        DimensionScores s = DimensionScores.of(List.of(line(QUALITY, "20", "80"), line(EFFICIENCY, "30", "50"),
                line(QUALITY, "10", null), line(BRAND, "25", "90"), line(BRAND, "15", "60")));

        assertThat(s.dimensions()).extracting(DimensionScores.DimensionScore::dimension)
                .containsExactly(QUALITY, EFFICIENCY, BRAND);
        assertThat(s.dimensions().get(0).score()).isEqualByComparingTo("80");
        assertThat(Scorecard.round(s.dimensions().get(0).coverage())).isEqualByComparingTo("0.67");
        assertThat(s.dimensions().get(0).coverage().multiply(d("3"))).isCloseTo(d("2"),
                org.assertj.core.data.Offset.offset(d("1e-12")));
        assertThat(s.dimensions().get(1).score()).isEqualByComparingTo("50");
        assertThat(s.dimensions().get(1).coverage()).isEqualByComparingTo("1");
        assertThat(s.dimensions().get(2).score()).isEqualByComparingTo("78.75");
        assertThat(s.dimensions().get(2).coverage()).isEqualByComparingTo("1");
        assertThat(s.performance()).isEqualByComparingTo("62");
        assertThat(s.brand()).isEqualByComparingTo("78.75");
    }

    /** Two brand indicators without a value: BRAND is listed with no score and coverage 0, the brand index is null. */
    @Test
    void aBrandDimensionWithoutAnyValueHasNoScoreAndTheBrandIndexIsNull() {
        DimensionScores s = DimensionScores.of(List.of(line(QUALITY, "10", "70"), line(BRAND, "5", null),
                line(BRAND, "5", null)));

        assertThat(s.dimensions()).hasSize(2);
        assertThat(s.dimensions().get(1).dimension()).isEqualTo(BRAND);
        assertThat(s.dimensions().get(1).score()).isNull();
        assertThat(s.dimensions().get(1).coverage()).isEqualByComparingTo("0");
        assertThat(s.brand()).isNull();
        assertThat(s.performance()).isEqualByComparingTo("70");
    }

    /** A channel scheme (every indicator CHANNEL): one dimension equal to the total; no brand; no value at all: null. */
    @Test
    void aChannelSchemeHasOneDimensionEqualToItsTotalAndNoBrand() {
        // (10 × 60 + 30 × 100) / 40 = 3600 / 40 = 90
        DimensionScores s = DimensionScores.of(List.of(line(CHANNEL, "10", "60"), line(CHANNEL, "30", "100")));
        assertThat(s.dimensions()).singleElement().satisfies(x -> {
            assertThat(x.dimension()).isEqualTo(CHANNEL);
            assertThat(x.score()).isEqualByComparingTo("90");
        });
        assertThat(s.performance()).isEqualByComparingTo("90");
        assertThat(s.brand()).isNull();

        DimensionScores none = DimensionScores.of(List.of(line(CHANNEL, "10", null)));
        assertThat(none.performance()).isNull();
        assertThat(none.dimensions().get(0).score()).isNull();
    }

    /**
     * Through the engine: two indicators of a scheme whose definitions carry dimensions. Unit U has referrals 8 and
     * arrivals 2: VOLUME (QUALITY, weight 3, LINEAR 0→10) = 8 → score 80; SHARE (BRAND, weight 1, LINEAR 0→100)
     * = 100 × 2 / 8 = 25 → score 25. Unit V has no referrals: VOLUME 0 → score 0, SHARE has no value.
     * U: QUALITY 80, BRAND 25, performance 80, total (3 × 80 + 25) / 4 = 66.25. V: performance 0, brand null,
     * BRAND coverage 0.
     */
    @Test
    void theDimensionsComeFromTheSchemesDefinitions() {
        IndicatorDefinition volume = new IndicatorDefinition("VOLUME", "量", "Volume", "人次", "visits",
                Direction.HIGHER_IS_BETTER, Formula.parse("referrals"), null, null, QUALITY);
        IndicatorDefinition share = new IndicatorDefinition("SHARE", "占比", "Share", "%", "%",
                Direction.HIGHER_IS_BETTER, Formula.parse("100 * arrivals / referrals"), null, null, BRAND);
        Map<String, IndicatorDefinition> byCode = Map.of("VOLUME", volume, "SHARE", share);
        SchemeSnapshot scheme = new SchemeDraft(List.of(
                new SchemeDraft.Item("VOLUME", d("3"), SchemeDraftTest.linear("0", "10")),
                new SchemeDraft.Item("SHARE", d("1"), SchemeDraftTest.linear("0", "100"))),
                List.of(new SchemeDraft.Tier("A", d("85"))))
                .toSnapshot(c -> Optional.ofNullable(byCode.get(c)), UnitType.OTHER, 1, Instant.EPOCH, "test");
        Map<String, Map<Measure, BigDecimal>> totals = new java.util.LinkedHashMap<>();
        totals.put("U", Map.of(Measure.REFERRALS, d("8"), Measure.ARRIVALS, d("2")));
        totals.put("V", Map.of());

        List<Scorecard> cards = ScorecardEngine.score(scheme, totals);
        Scorecard u = cards.stream().filter(c -> c.unit().equals("U")).findFirst().orElseThrow();
        Scorecard v = cards.stream().filter(c -> c.unit().equals("V")).findFirst().orElseThrow();
        DimensionScores du = DimensionScores.of(scheme, u.indicators());
        DimensionScores dv = DimensionScores.of(scheme, v.indicators());

        assertThat(u.total()).isEqualByComparingTo("66.25");
        assertThat(du.dimensions()).extracting(DimensionScores.DimensionScore::dimension).containsExactly(QUALITY, BRAND);
        assertThat(du.performance()).isEqualByComparingTo("80");
        assertThat(du.brand()).isEqualByComparingTo("25");
        assertThat(dv.performance()).isEqualByComparingTo("0");
        assertThat(dv.brand()).isNull();
        assertThat(dv.dimensions().get(1).coverage()).isEqualByComparingTo("0");
    }
}
