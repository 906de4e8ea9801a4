package org.meridian.incentive.web;

/**
 * The fields of the "prepare a statement" form, kept as typed so that nothing entered is lost: the period and the
 * channel only — the tier, total and rank come from the published evaluation, never from the form.
 */
record PrepareForm(String period, String channelCode) {

    static PrepareForm empty() {
        return new PrepareForm("", "");
    }
}
