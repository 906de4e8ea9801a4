package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.ScoringRule;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored lines of a scorecard, written by hand ({@link ScorecardJson}), are the JSON Meridian's own mapper writes for
 * the same lines, and read back ({@link Evaluations#lines}) to the same lines: texts with quotes, backslashes,
 * line breaks, a control character and Chinese; exact numbers (0.1, 1E+3 written 1000, −7.25, 20 significant digits);
 * a line without data (value, score, rule null) and a line without an explanation.
 */
@MeridianTest
class ScorecardJsonTest {

    @Autowired Evaluations evaluations;
    @Autowired JsonMapper json;

    @Test
    void theHandWrittenLinesAreWhatTheMapperWritesAndReadBackUnchanged() {
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        inputs.put("arrivals", new BigDecimal("761"));
        inputs.put("referrals", new BigDecimal("1093"));
        Map<String, BigDecimal> parameters = new LinkedHashMap<>();
        parameters.put("zero", new BigDecimal("-7.25"));
        parameters.put("full", new BigDecimal("1E+3"));
        Scorecard.Explanation why = new Scorecard.Explanation("100 * arrivals / referrals", inputs,
                "100 × 761 / 1093", new BigDecimal("69.624885635864592864"),
                new ScoringRule.Applied("LINEAR", new BigDecimal("0.1"),
                        "引号 \" 反斜杠 \\ 换行\n制表\t控制\u0001 → 100", parameters));
        Scorecard.Explanation noData = new Scorecard.Explanation("referrals", Map.of(), "—", null, null);
        List<UnitScorecard.Line> lines = List.of(
                new UnitScorecard.Line("ARRIVAL_RATE", new BigDecimal("69.624885635864592864"),
                        new BigDecimal("0.1"), new BigDecimal("0.25"), new BigDecimal("0.025"),
                        new BigDecimal("61.5"), why),
                new UnitScorecard.Line("REFERRAL_VOLUME", null, null, new BigDecimal("0.75"), null, null, noData),
                new UnitScorecard.Line("NPS", new BigDecimal("3"), new BigDecimal("40"), new BigDecimal("1"),
                        new BigDecimal("40"), new BigDecimal("3"), null));

        String written = ScorecardJson.lines(lines);

        List<Evaluations.StoredLine> asStored = lines.stream().map(l -> new Evaluations.StoredLine(l.code(), l.value(),
                l.score(), l.weight(), l.contribution(), l.peerMedian(), l.why())).toList();
        String byMapper = json.writer().with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(asStored);
        assertThat(json.readTree(written)).isEqualTo(json.readTree(byMapper));
        assertThat(written).doesNotContain("E+").contains("\"full\":1000").contains("\\n").contains("\\u0001");

        List<UnitScorecard.Line> read = evaluations.lines(written);
        assertThat(read).hasSize(3);
        assertThat(read.get(0).code()).isEqualTo("ARRIVAL_RATE");
        assertThat(read.get(0).value()).isEqualTo(new BigDecimal("69.624885635864592864"));
        assertThat(read.get(0).score()).isEqualTo(new BigDecimal("0.1"));
        assertThat(read.get(0).why().rule().calculation()).isEqualTo("引号 \" 反斜杠 \\ 换行\n制表\t控制\u0001 → 100");
        assertThat(read.get(0).why().rule().parameters().get("zero")).isEqualTo(new BigDecimal("-7.25"));
        assertThat(read.get(0).why().rule().parameters().get("full")).isEqualByComparingTo("1000");
        assertThat(read.get(0).why().inputs().keySet()).containsExactly("arrivals", "referrals");
        assertThat(read.get(1).value()).isNull();
        assertThat(read.get(1).score()).isNull();
        assertThat(read.get(1).why().rule()).isNull();
        assertThat(read.get(1).why().value()).isNull();
        assertThat(read.get(2).why()).isNull();
        assertThat(read.get(2).peerMedian()).isEqualTo(new BigDecimal("3"));
    }
}
