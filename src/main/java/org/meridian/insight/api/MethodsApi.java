package org.meridian.insight.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.meridian.insight.method.Ahp;
import org.meridian.insight.method.Direction;
import org.meridian.insight.method.EntropyWeights;
import org.meridian.insight.method.HoltWinters;
import org.meridian.insight.method.NetPromoterScore;
import org.meridian.insight.method.Normalization;
import org.meridian.insight.method.Outliers;
import org.meridian.insight.method.RankSumRatio;
import org.meridian.insight.method.Topsis;
import org.meridian.insight.method.WilsonInterval;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calculator (docs/insight.md): {@code POST /api/v1/methods/{method}} computes one method on the numbers sent and
 * stores nothing, for integrations and for anyone checking a number by hand. Any signed-in role may call it. Bad input
 * answers 400 with every problem listed.
 */
@RestController
@RequestMapping("/api/v1/methods")
@PreAuthorize("isAuthenticated()")
class MethodsApi {

    private final JsonMapper json;

    MethodsApi(JsonMapper json) {
        this.json = json;
    }

    @PostMapping("/ahp")
    Ahp.Result ahp(@RequestBody(required = false) String text) {
        Body body = Body.parse(json, text);
        double[][] matrix = body.matrix("matrix", false);
        Integer n = body.integer("n");
        List<double[]> pairs = body.triples("pairs");
        Ahp.Priority priority = body.option("priority", Ahp.Priority.class);
        Ahp.RandomIndex ri = body.option("randomIndex", Ahp.RandomIndex.class);
        if (body.has("matrix") && body.has("pairs")) {
            body.add("pairs", "insight.ahp.matrixOrPairs");
        } else if (!body.has("matrix") && !body.has("pairs")) {
            body.add("matrix", "insight.ahp.matrixOrPairs");
        }
        body.check();
        return Ahp.weigh(matrix != null ? matrix : Ahp.fromPairs(n, pairs), priority, ri);
    }

    @PostMapping("/entropy")
    EntropyWeights.Result entropy(@RequestBody(required = false) String text) {
        Body body = Body.parse(json, text);
        double[][] matrix = body.matrix("matrix", true);
        Normalization normalization = body.option("normalization", Normalization.class);
        List<Direction> directions = body.options("directions", Direction.class);
        body.check();
        return EntropyWeights.weigh(matrix, normalization, directions);
    }

    @PostMapping("/topsis")
    Topsis.Result topsis(@RequestBody(required = false) String text) {
        Body body = Body.parse(json, text);
        double[][] matrix = body.matrix("matrix", true);
        double[] weights = body.numbers("weights", true);
        List<Direction> directions = body.options("directions", Direction.class);
        Normalization normalization = body.option("normalization", Normalization.class);
        body.check();
        return Topsis.rank(matrix, weights, directions, normalization);
    }

    @PostMapping("/rsr")
    RankSumRatio.Result rsr(@RequestBody(required = false) String text) {
        Body body = Body.parse(json, text);
        double[][] matrix = body.matrix("matrix", true);
        List<Direction> directions = body.options("directions", Direction.class);
        double[] weights = body.numbers("weights", false);
        RankSumRatio.Ranking ranking = body.option("ranking", RankSumRatio.Ranking.class);
        RankSumRatio.Regression regression = body.option("regression", RankSumRatio.Regression.class);
        Integer grades = body.integer("grades");
        body.check();
        return RankSumRatio.evaluate(matrix, directions, weights, ranking, regression, grades);
    }

    @PostMapping("/wilson")
    WilsonInterval.Result wilson(@RequestBody(required = false) String text) {
        Body body = Body.parse(json, text);
        Double successes = body.number("successes");
        Double trials = body.number("trials");
        Double confidence = body.number("confidence");
        Boolean correction = body.bool("continuityCorrection");
        body.check();
        return WilsonInterval.of(successes, trials, confidence, correction);
    }

    @PostMapping("/nps")
    NetPromoterScore.Result nps(@RequestBody(required = false) String text) {
        Body body = Body.parse(json, text);
        Double promoters = body.number("promoters");
        Double passives = body.number("passives");
        Double detractors = body.number("detractors");
        body.check();
        return NetPromoterScore.of(promoters, passives, detractors);
    }

    /** The Holt-Winters answer of methods.md §7 plus {@code seasonal} and {@code fittedFrom}. */
    record HoltWintersAnswer(HoltWinters.Method method, HoltWinters.Seasonal seasonal, Double alpha, Double beta,
                             Double gamma, Double level, Double trend, double[] seasonals, Double sse, int fittedFrom,
                             double[] fitted, List<HoltWinters.Forecast> forecast) {

        static HoltWintersAnswer of(HoltWinters.Result r) {
            return new HoltWintersAnswer(r.method(), r.seasonal(), r.alpha(), r.beta(), r.gamma(), r.level(),
                    r.trend(), r.seasonals(), r.sse(), r.fittedFrom(), r.fitted(), r.forecast());
        }
    }

    @PostMapping("/holt-winters")
    HoltWintersAnswer holtWinters(@RequestBody(required = false) String text) {
        Body body = Body.parse(json, text);
        double[] series = body.numbers("series", true);
        Integer frequency = body.integer("frequency");
        HoltWinters.Seasonal seasonal = body.option("seasonal", HoltWinters.Seasonal.class);
        Double alpha = body.number("alpha");
        Double beta = body.number("beta");
        Double gamma = body.number("gamma");
        Integer horizon = body.integer("horizon");
        Double interval = body.number("interval");
        body.check();
        return HoltWintersAnswer.of(HoltWinters.fit(series, frequency, seasonal, alpha, beta, gamma, horizon,
                interval));
    }

    /** The outliers answer: only the fields the rule has. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutliersAnswer(List<Integer> outliers, List<Outliers.Step> steps, Double median, Double mad,
                          double[] scores, Double[] expected, Double[] lower, Double[] upper,
                          HoltWinters.Method forecastMethod, String note) {

        static OutliersAnswer of(Outliers.Result r) {
            return new OutliersAnswer(r.outliers(), r.steps(), r.median(), r.mad(), r.scores(), r.expected(),
                    r.lower(), r.upper(), r.forecastMethod(), r.note());
        }
    }

    @PostMapping("/outliers")
    OutliersAnswer outliers(@RequestBody(required = false) String text) {
        Body body = Body.parse(json, text);
        double[] values = body.numbers("values", true);
        Outliers.Rule rule = body.option("method", Outliers.Rule.class);
        Outliers.Options options = new Outliers.Options(body.number("alpha"), body.integer("maxOutliers"),
                body.number("threshold"), body.integer("frequency"),
                body.option("seasonal", HoltWinters.Seasonal.class), body.integer("sides"));
        body.check();
        return OutliersAnswer.of(Outliers.detect(values, rule, options));
    }
}
