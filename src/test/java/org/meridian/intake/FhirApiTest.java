package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MeridianTest
class FhirApiTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestChannels channels;
    @Autowired EventIntake intake;
    @Autowired JdbcClient jdbc;

    final String p = "fh" + UUID.randomUUID().toString().substring(0, 8);

    static DateTimeType at(String iso) {
        return new DateTimeType(iso);
    }

    Bundle referralJourney(Bundle.BundleType type) {
        Bundle b = new Bundle().setType(type);
        Organization org = new Organization();
        org.addIdentifier().setSystem("urn:meridian:channel").setValue(p + "-CH");
        add(b, "urn:uuid:" + p + "-org", org);
        Patient patient = new Patient();
        patient.addIdentifier().setValue("MRN-" + p);
        add(b, "urn:uuid:" + p + "-pat", patient);
        ServiceRequest sr = new ServiceRequest();
        sr.setId(p + "-sr");
        sr.setRequester(new Reference("urn:uuid:" + p + "-org"));
        sr.setSubject(new Reference("urn:uuid:" + p + "-pat"));
        sr.setAuthoredOnElement(at("2026-09-03T10:00:00+08:00"));
        add(b, "ServiceRequest/" + p + "-sr", sr);
        Appointment ap = new Appointment();
        ap.setId(p + "-ap");
        ap.setStatus(Appointment.AppointmentStatus.BOOKED);
        ap.addBasedOn(new Reference("ServiceRequest/" + p + "-sr"));
        ap.setCreatedElement(at("2026-09-03T13:30:00+08:00"));
        ap.addParticipant().setActor(new Reference("urn:uuid:" + p + "-org"));
        ap.addParticipant().setActor(new Reference("urn:uuid:" + p + "-pat"));
        add(b, "Appointment/" + p + "-ap", ap);
        Encounter en = new Encounter();
        en.setId(p + "-en");
        en.getHospitalization().setOrigin(new Reference("urn:uuid:" + p + "-org"));
        en.setPeriod(new Period().setStartElement(at("2026-09-05T09:00:00+08:00")));
        en.addBasedOn(new Reference("ServiceRequest/" + p + "-sr"));
        add(b, "Encounter/" + p + "-en", en);
        QuestionnaireResponse q = new QuestionnaireResponse();
        q.setId(p + "-qr");
        q.setAuthor(new Reference("urn:uuid:" + p + "-org"));
        q.setAuthoredElement(at("2026-09-06T09:00:00+08:00"));
        q.addItem().setLinkId("satisfaction").addAnswer().setValue(new IntegerType(5));
        q.addItem().setLinkId("recommend").addAnswer().setValue(new IntegerType(10));
        add(b, "QuestionnaireResponse/" + p + "-qr", q);
        return b;
    }

    static void add(Bundle b, String fullUrl, Resource r) {
        b.addEntry().setFullUrl(fullUrl).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
    }

    MvcResult send(String user, String body) throws Exception {
        return mvc.perform(post("/fhir/r4").with(httpBasic(user, TestUsers.PASSWORD))
                .contentType("application/fhir+json").content(body)).andReturn();
    }

    static List<String> statuses(MvcResult result) throws Exception {
        Bundle response = FHIR.newJsonParser().parseResource(Bundle.class, result.getResponse().getContentAsString());
        return response.getEntry().stream().map(e -> e.getResponse().getStatus()).toList();
    }

    static String diagnostics(MvcResult result, int entry) throws Exception {
        Bundle response = FHIR.newJsonParser().parseResource(Bundle.class, result.getResponse().getContentAsString());
        return ((OperationOutcome) response.getEntry().get(entry).getResponse().getOutcome()).getIssue().stream()
                .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).toList().toString();
    }

    @Test
    void aBatchOfAReferralJourneyBecomesEventsWithAnOutcomePerEntry() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long ch = channels.create(users.firstHospital().id(), p + "-CH");
        Bundle b = referralJourney(Bundle.BundleType.BATCH);
        add(b, "urn:uuid:" + p + "-obs", new Observation());
        ServiceRequest dangling = new ServiceRequest();
        dangling.setId(p + "-sr2");
        dangling.setRequester(new Reference("Organization/nowhere"));
        dangling.setAuthoredOnElement(at("2026-09-03T10:00:00+08:00"));
        add(b, "ServiceRequest/" + p + "-sr2", dangling);

        MvcResult result = send(manager, FHIR.newJsonParser().encodeResourceToString(b));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("application/fhir+json");
        assertThat(statuses(result)).containsExactly("200 OK", "200 OK", "201 Created", "201 Created", "201 Created",
                "201 Created", "400 Bad Request", "400 Bad Request");
        assertThat(diagnostics(result, 6)).contains("resource type Observation is not taken");
        assertThat(diagnostics(result, 7)).contains("ServiceRequest.requester reference 'Organization/nowhere' is not in the bundle");

        Map<Measure, java.math.BigDecimal> totals = intake.totals(users.firstHospital().id(),
                LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30")).get(ch);
        assertThat(totals.get(Measure.REFERRALS)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.ACCEPTED)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.RESPONSE_COUNT)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.RESPONSE_HOURS_SUM)).isEqualByComparingTo("3.5");
        assertThat(totals.get(Measure.ARRIVALS)).isEqualByComparingTo("1");
        assertThat(totals.get(Measure.SURVEY_SUM)).isEqualByComparingTo("5");
        assertThat(totals.get(Measure.PROMOTERS)).isEqualByComparingTo("1");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_event WHERE source = 'FHIR' AND event_id LIKE :e AND patient_hash IS NOT NULL")
                .param("e", "%" + p + "%").query(Long.class).single()).as("patients pseudonymised").isEqualTo(2);

        MvcResult again = send(manager, FHIR.newJsonParser().encodeResourceToString(referralJourney(Bundle.BundleType.BATCH)));
        assertThat(statuses(again)).containsExactly("200 OK", "200 OK", "200 OK", "200 OK", "200 OK", "200 OK");
        assertThat(diagnostics(again, 2)).contains("duplicate");
    }

    @Test
    void aTransactionWithOneBadEntryStoresNothingAndNamesEveryProblem() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        channels.create(users.firstHospital().id(), p + "-CH");
        Bundle b = referralJourney(Bundle.BundleType.TRANSACTION);
        ((Appointment) b.getEntry().get(3).getResource()).setStatus(Appointment.AppointmentStatus.PROPOSED);
        ((Encounter) b.getEntry().get(4).getResource()).getHospitalization().setOrigin(new Reference("urn:uuid:missing"));
        MvcResult result = send(manager, FHIR.newJsonParser().encodeResourceToString(b));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class,
                result.getResponse().getContentAsString());
        assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .anySatisfy(d -> assertThat(d).contains("Appointment.status proposed is not an acceptance"))
                .anySatisfy(d -> assertThat(d).contains("'urn:uuid:missing' is not in the bundle"));
        assertThat(outcome.getIssue().get(0).getExpression().get(0).getValue()).startsWith("Bundle.entry[");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_event WHERE event_id LIKE :e").param("e", "%" + p + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void unreadableBodiesAndOtherBundleTypesAre400OperationOutcomes() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        MvcResult malformed = send(manager, "{\"resourceType\": \"Bundle\", \"type\": ");
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(malformed.getResponse().getContentAsString()).contains("OperationOutcome").contains("not a FHIR R4 resource");
        MvcResult collection = send(manager, "{\"resourceType\": \"Bundle\", \"type\": \"collection\"}");
        assertThat(collection.getResponse().getStatus()).isEqualTo(400);
        assertThat(collection.getResponse().getContentAsString()).contains("batch or transaction");
        MvcResult patient = send(manager, "{\"resourceType\": \"Patient\"}");
        assertThat(patient.getResponse().getContentAsString()).contains("must be a Bundle");
    }

    @Test
    void channelUsersMayNotSend() throws Exception {
        mvc.perform(post("/fhir/r4").with(httpBasic(users.create(Role.CHANNEL_USER), TestUsers.PASSWORD))
                .contentType("application/fhir+json").content("{\"resourceType\":\"Bundle\",\"type\":\"batch\"}"))
                .andExpect(status().isForbidden());
    }
}
