package org.meridian.insight.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.meridian.insight.change.ChangeExplainer;
import org.meridian.insight.change.ChannelTotalExplanation;
import org.meridian.insight.change.ChangeMonth;
import org.meridian.insight.change.Comparison;
import org.meridian.insight.change.Contribution;
import org.meridian.insight.change.Explanation;
import org.meridian.insight.change.Phrases;
import org.meridian.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The explained changes of a month on the API (docs/api.md, docs/insight.md "Explained changes"): the hospital's for
 * ANALYST and above, a channel's own for its user; the sentences in the caller's language (zh-CN unless
 * {@code ?lang=en}); with {@code channel=CODE} (always, for a channel's user: its own) also that channel's total
 * split into its indicators. A month that is not {@code YYYY-MM} or has not ended is a 400 naming {@code month}; a
 * channel code of no channel of the hospital (or another channel, for a channel's user) is 404.
 */
@RestController
@PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
class ChangesApi {

    private final ChangeExplainer explainer;
    private final MessageSource messages;

    ChangesApi(ChangeExplainer explainer, MessageSource messages) {
        this.explainer = explainer;
        this.messages = messages;
    }

    record ContributionView(String channel, String channelName, BigDecimal current, BigDecimal base, BigDecimal change,
                            BigDecimal share) {

        static ContributionView of(Contribution c) {
            return new ContributionView(c.channelCode(), c.channelName(), c.current(), c.base(), c.change(), c.share());
        }
    }

    record ComparisonView(String measure, String basis, String baseMonth, BigDecimal current, BigDecimal base,
                          BigDecimal change, BigDecimal percent, List<String> sentences,
                          List<ContributionView> contributors) {
    }

    record ExplanationView(String month, String channel, String channelName, boolean hasData,
                           List<ComparisonView> comparisons, TotalView total) {
    }

    record IndicatorView(String code, String name, BigDecimal weight, BigDecimal score, BigDecimal baseWeight,
                         BigDecimal baseScore, BigDecimal part, BigDecimal basePart, BigDecimal change) {
    }

    record TotalChangeView(String basis, String baseMonth, BigDecimal current, BigDecimal base, BigDecimal change,
                           List<String> sentences, List<IndicatorView> indicators) {
    }

    record TotalView(String channel, String channelName, List<TotalChangeView> changes) {
    }

    @GetMapping("/api/v1/insight/changes")
    ExplanationView changes(Actor actor, @RequestParam(required = false) String month,
                            @RequestParam(required = false) String channel, Locale locale) {
        YearMonth m = ChangeMonth.parse(month, explainer.latestMonth(actor));
        Explanation x = explainer.explain(actor, m);
        String totalOf = x.ofChannel() ? x.channelCode() : channel == null || channel.isBlank() ? null : channel.strip();
        return new ExplanationView(x.month().toString(), x.channelCode(), x.channelName(), x.hasData(),
                x.comparisons().stream().map(c -> view(c, locale)).toList(),
                totalOf == null ? null : view(explainer.explainTotal(actor, m, totalOf), locale));
    }

    private TotalView view(ChannelTotalExplanation t, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return new TotalView(t.channelCode(), t.channelName(), t.changes().stream().map(c -> new TotalChangeView(
                c.basis().name(), c.baseMonth().toString(), c.current(), c.base(), c.change(),
                c.sentences().stream().map(p -> Phrases.write(messages, locale, p)).toList(),
                c.indicators().stream().map(i -> new IndicatorView(i.code(), english ? i.nameEn() : i.nameZh(),
                        i.weight(), i.score(), i.baseWeight(), i.baseScore(), i.part(), i.basePart(), i.change()))
                        .toList())).toList());
    }

    private ComparisonView view(Comparison c, Locale locale) {
        return new ComparisonView(c.measure().name(), c.basis().name(), c.baseMonth().toString(), c.current(),
                c.base(), c.change(), c.percent(),
                c.sentences().stream().map(p -> Phrases.write(messages, locale, p)).toList(),
                c.contributors().stream().map(ContributionView::of).toList());
    }
}
