package org.meridian.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.meridian.intake.FuzzRows;
import org.meridian.support.Fuzz;

/**
 * Issue 18 point 15: the FHIR bundle reader fuzzed (docs/security.md, Hostile input). Whatever JSON arrives at
 * {@code POST /fhir/r4}, the parser either refuses it with a {@link DataFormatException} (answered 400 with an
 * OperationOutcome) or gives a resource; and every entry of a bundle maps to an event row, a supporting resource, a
 * statistic or an exam record, or to reasons naming what is wrong — never another exception. The HTTP answers are
 * fuzzed, fewer times, by {@code IntakeHttpFuzzTest}.
 */
class FhirReaderFuzzTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void anyBundleTextParsesOrIsRefusedAndEveryEntryMapsOrGivesItsReasons() {
        String p = "fz" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Fuzz.check("FHIR bundle", 18_15_30L, 400, 12, gen -> FuzzRows.fhirBundle(gen, p, p + "CH"), text -> {
            if (FhirController.unreadableNumber(text) != null) {
                return; // refused with 400 before HAPI's parser sees it (see below)
            }
            IBaseResource parsed;
            try {
                parsed = FHIR.newJsonParser().parseResource(text);
            } catch (DataFormatException e) {
                return; // the controller's 400
            }
            if (!(parsed instanceof Bundle bundle)) {
                return;
            }
            List<FhirEvents.Entry> entries = FhirEvents.map(bundle);
            assertThat(entries).hasSameSizeAs(bundle.getEntry());
            var resolve = FhirEvents.resolver(bundle);
            for (int i = 0; i < entries.size(); i++) {
                FhirEvents.Entry e = entries.get(i);
                Resource r = bundle.getEntry().get(i).getResource();
                if (r instanceof MeasureReport report) {
                    FhirStatistics.map(report, resolve).forEach(g ->
                            assertThat(g.row() != null || !g.errors().isEmpty()).as("group %s", g.expression()).isTrue());
                } else if (r != null && FhirExams.isExam(r)) {
                    assertThat(FhirExams.map(r, resolve)).isNotNull();
                } else if (e.event() == null) {
                    assertThat(e.supporting() || !e.errors().isEmpty()).as("entry %d", i).isTrue();
                }
            }
        });
    }

    @Test
    void aNumberTooLongToWriteOutIsFoundBeforeTheParserExpandsIt() {
        // found by IntakeHttpFuzzTest.fhirBundles: HAPI's JSON parser writes a decimal out in full before reading it,
        // so {"value": 1e999999999} kept a request thread busy for minutes; the controller now refuses such a body
        assertThat(FhirController.unreadableNumber("{\"group\":[{\"measureScore\":{\"value\":1e999999999}}]}"))
                .isEqualTo("1E+999999999");
        assertThat(FhirController.unreadableNumber("[-1e-999999999]")).isEqualTo("-1E-999999999");
        // a number that is merely large is read (and judged by the statistics' own range), as is text that looks
        // like such a number, and a body that is not JSON is left to the parser's own reasons
        assertThat(FhirController.unreadableNumber("{\"value\": 123456789012345678901234567890.5}")).isNull();
        assertThat(FhirController.unreadableNumber("{\"note\": \"1e999999999\"}")).isNull();
        assertThat(FhirController.unreadableNumber("not json {")).isNull();
    }
}
