package org.meridian.incentive.web;

/** The fields of the "prepare a statement" form, kept as typed so that nothing entered is lost. */
record PrepareForm(String period, String channelCode, String unitType, String tier, String total, String rank) {

    static PrepareForm empty() {
        return new PrepareForm("", "", "EXAM_CENTER", "", "", "");
    }
}
