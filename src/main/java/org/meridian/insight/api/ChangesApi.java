package org.meridian.insight.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.meridian.insight.change.ChangeExplainer;
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
 * {@code ?lang=en}). A month that is not {@code YYYY-MM} or has not ended is a 400 naming {@code month}.
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
                           List<ComparisonView> comparisons) {
    }

    @GetMapping("/api/v1/insight/changes")
    ExplanationView changes(Actor actor, @RequestParam(required = false) String month, Locale locale) {
        Explanation x = explainer.explain(actor, ChangeMonth.parse(month, explainer.latestMonth(actor)));
        return new ExplanationView(x.month().toString(), x.channelCode(), x.channelName(), x.hasData(),
                x.comparisons().stream().map(c -> view(c, locale)).toList());
    }

    private ComparisonView view(Comparison c, Locale locale) {
        return new ComparisonView(c.measure().name(), c.basis().name(), c.baseMonth().toString(), c.current(),
                c.base(), c.change(), c.percent(),
                c.sentences().stream().map(p -> Phrases.write(messages, locale, p)).toList(),
                c.contributors().stream().map(ContributionView::of).toList());
    }
}
