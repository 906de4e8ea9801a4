package org.meridian.intake.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import org.meridian.intake.RawEvent;

/**
 * Maps the entries of a FHIR R4 batch or transaction Bundle to event rows (docs/intake.md, FHIR):
 * ServiceRequest → REFERRAL, Appointment (booked, arrived, fulfilled, checked-in) → ACCEPTED, Encounter →
 * ARRIVED, QuestionnaireResponse → SURVEY. Patient and Organization entries only serve as references.
 */
final class FhirEvents {

    /** One entry: an event row, or reasons why it cannot be one, or a supporting resource (both null). */
    record Entry(RawEvent event, List<String> errors) {
        boolean supporting() {
            return event == null && errors.isEmpty();
        }
    }

    private final Map<String, Resource> byUrl = new HashMap<>();

    private FhirEvents(Bundle bundle) {
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r == null) {
                continue;
            }
            if (e.hasFullUrl()) {
                byUrl.put(e.getFullUrl(), r);
            }
            if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
                byUrl.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
    }

    /** Finds a referenced resource of the Bundle by {@code fullUrl} or {@code Type/id} (null when not there). */
    static java.util.function.Function<Reference, IBaseResource> resolver(Bundle bundle) {
        return new FhirEvents(bundle)::resolve;
    }

    static List<Entry> map(Bundle bundle) {
        FhirEvents mapper = new FhirEvents(bundle);
        List<Entry> entries = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            entries.add(mapper.entry(e.getResource()));
        }
        return entries;
    }

    private Entry entry(Resource r) {
        if (r == null) {
            return new Entry(null, List.of("the entry has no resource"));
        }
        List<String> errors = new ArrayList<>();
        if (r instanceof ServiceRequest sr) {
            return event(errors, eventId(sr), "REFERRAL",
                    channel(sr.getRequester(), "ServiceRequest.requester", errors), sr.getAuthoredOnElement().getValueAsString(),
                    id(sr), patient(sr.getSubject(), errors), null, Map.of());
        }
        if (r instanceof Appointment a) {
            return appointment(a, errors);
        }
        if (r instanceof Encounter en) {
            String channel = en.getHospitalization().hasOrigin()
                    ? channel(en.getHospitalization().getOrigin(), "Encounter.hospitalization.origin", errors)
                    : viaBasedOn(en.getBasedOn(), "Encounter.hospitalization.origin", errors);
            return event(errors, eventId(en), "ARRIVED", channel, en.getPeriod().getStartElement().getValueAsString(),
                    referral(en.getBasedOn(), errors), patient(en.getSubject(), errors), null, Map.of());
        }
        if (r instanceof QuestionnaireResponse q) {
            return survey(q, errors);
        }
        if (r instanceof Patient || r instanceof Organization || r instanceof org.hl7.fhir.r4.model.MeasureReport
                || FhirExams.isExam(r)) {
            // a MeasureReport is a statistic, a DiagnosticReport or ImagingStudy an exam record, not an event:
            // FhirStatistics and FhirExams map them
            return new Entry(null, List.of());
        }
        return new Entry(null, List.of("resource type " + r.fhirType() + " is not taken (ServiceRequest,"
                + " Appointment, Encounter, QuestionnaireResponse, MeasureReport, DiagnosticReport, ImagingStudy;"
                + " Patient and Organization only as references)"));
    }

    private Entry appointment(Appointment a, List<String> errors) {
        Appointment.AppointmentStatus status = a.getStatus();
        if (status != Appointment.AppointmentStatus.BOOKED && status != Appointment.AppointmentStatus.ARRIVED
                && status != Appointment.AppointmentStatus.FULFILLED && status != Appointment.AppointmentStatus.CHECKEDIN) {
            errors.add("Appointment.status " + (status == null ? "(none)" : status.toCode())
                    + " is not an acceptance (booked, arrived, fulfilled or checked-in)");
        }
        String channel = null;
        for (Appointment.AppointmentParticipantComponent p : a.getParticipant()) {
            if (isOrganization(p.getActor())) {
                channel = channel(p.getActor(), "Appointment.participant.actor", errors);
            }
        }
        if (channel == null && !hasOrganizationParticipant(a)) {
            channel = viaBasedOn(a.getBasedOn(), "Appointment.participant.actor", errors);
        }
        String patient = null;
        for (Appointment.AppointmentParticipantComponent p : a.getParticipant()) {
            if (p.getActor().getReference() != null && p.getActor().getReference().contains("Patient")
                    || resolve(p.getActor()) instanceof Patient) {
                patient = patient(p.getActor(), errors);
            }
        }
        return event(errors, eventId(a), "ACCEPTED", channel, a.getCreatedElement().getValueAsString(),
                referral(a.getBasedOn(), errors), patient, null, Map.of());
    }

    private Entry survey(QuestionnaireResponse q, List<String> errors) {
        Object value = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : q.getItem()) {
            if (!item.hasAnswer()) {
                continue;
            }
            Type answer = item.getAnswerFirstRep().getValue();
            String number = answer == null ? null : answer.primitiveValue();
            if ("satisfaction".equals(item.getLinkId())) {
                value = number == null ? null : decimalOrText(number);
            } else if ("recommend".equals(item.getLinkId()) && number != null) {
                attributes.put("recommend", number);
            }
        }
        String channel = q.hasAuthor() ? channel(q.getAuthor(), "QuestionnaireResponse.author", errors)
                : viaBasedOn(q.getBasedOn(), "QuestionnaireResponse.author", errors);
        return event(errors, eventId(q), "SURVEY", channel, q.getAuthoredElement().getValueAsString(),
                referral(q.getBasedOn(), errors), patient(q.getSubject(), errors), value, attributes);
    }

    private static Entry event(List<String> errors, String eventId, String type, String channel, String occurredAt,
                               String referralId, String patientId, Object value, Map<String, String> attributes) {
        return new Entry(new RawEvent(eventId, type, channel, occurredAt, referralId, patientId, value, attributes,
                errors), List.of());
    }

    private static Object decimalOrText(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return "'" + s + "'";
        }
    }

    /** {@code <type>/<id>}, or {@code <type>/<first identifier>} for a resource without id. */
    private static String eventId(Resource r) {
        if (r.hasIdElement() && r.getIdElement().hasIdPart() && !r.getIdElement().getIdPart().startsWith("urn:")) {
            return r.fhirType() + "/" + r.getIdElement().getIdPart();
        }
        List<org.hl7.fhir.r4.model.Identifier> ids = List.of();
        if (r instanceof ServiceRequest sr) {
            ids = sr.getIdentifier();
        } else if (r instanceof Appointment a) {
            ids = a.getIdentifier();
        } else if (r instanceof Encounter e) {
            ids = e.getIdentifier();
        } else if (r instanceof QuestionnaireResponse q && q.hasIdentifier()) {
            ids = List.of(q.getIdentifier());
        }
        return ids.isEmpty() || !ids.get(0).hasValue() ? null : r.fhirType() + "/" + ids.get(0).getValue();
    }

    /** The referral of a ServiceRequest is its logical id (or identifier when it has no id). */
    private static String id(ServiceRequest sr) {
        String eventId = eventId(sr);
        return eventId == null ? null : eventId.substring("ServiceRequest/".length());
    }

    private String referral(List<Reference> basedOn, List<String> errors) {
        for (Reference ref : basedOn) {
            IBaseResource target = resolve(ref);
            if (target instanceof ServiceRequest sr) {
                return id(sr);
            }
            if (ref.hasReference() && ref.getReference().startsWith("ServiceRequest/")) {
                return ref.getReference().substring("ServiceRequest/".length());
            }
            if (ref.hasIdentifier() && "ServiceRequest".equals(ref.getType())) {
                return ref.getIdentifier().getValue();
            }
            if (ref.hasReference() && ref.getReference().startsWith("urn:")) {
                errors.add("basedOn reference '" + ref.getReference() + "' is not in the bundle");
            }
        }
        return null;
    }

    private String viaBasedOn(List<Reference> basedOn, String element, List<String> errors) {
        for (Reference ref : basedOn) {
            if (resolve(ref) instanceof ServiceRequest sr && sr.hasRequester()) {
                return channel(sr.getRequester(), element, errors);
            }
        }
        errors.add(element + " must reference the channel's Organization (identifier = channel code),"
                + " or basedOn a ServiceRequest of this bundle with a requester");
        return null;
    }

    private boolean isOrganization(Reference ref) {
        return "Organization".equals(ref.getType()) || ref.hasReference() && ref.getReference().startsWith("Organization/")
                || resolve(ref) instanceof Organization;
    }

    private boolean hasOrganizationParticipant(Appointment a) {
        return a.getParticipant().stream().anyMatch(p -> isOrganization(p.getActor()));
    }

    /** The channel code: the referenced Organization's identifier. */
    private String channel(Reference ref, String element, List<String> errors) {
        if (ref.hasIdentifier() && ref.getIdentifier().hasValue()) {
            return ref.getIdentifier().getValue();
        }
        if (!ref.hasReference()) {
            errors.add(element + " must reference the channel's Organization (identifier = channel code)");
            return null;
        }
        IBaseResource target = resolve(ref);
        if (target == null) {
            errors.add(element + " reference '" + ref.getReference() + "' is not in the bundle");
            return null;
        }
        if (!(target instanceof Organization org)) {
            errors.add(element + " reference '" + ref.getReference() + "' is not an Organization");
            return null;
        }
        if (!org.hasIdentifier() || !org.getIdentifierFirstRep().hasValue()) {
            errors.add("Organization '" + ref.getReference() + "' has no identifier (the channel code)");
            return null;
        }
        return org.getIdentifierFirstRep().getValue();
    }

    private String patient(Reference ref, List<String> errors) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        if (ref.hasIdentifier() && ref.getIdentifier().hasValue()) {
            return ref.getIdentifier().getValue();
        }
        IBaseResource target = resolve(ref);
        if (target instanceof Patient p && p.hasIdentifier()) {
            return p.getIdentifierFirstRep().getValue();
        }
        if (ref.hasReference() && ref.getReference().startsWith("Patient/")) {
            return ref.getReference().substring("Patient/".length());
        }
        if (ref.hasReference()) {
            errors.add("patient reference '" + ref.getReference() + "' is not in the bundle");
        }
        return null;
    }

    private IBaseResource resolve(Reference ref) {
        if (ref == null || !ref.hasReference()) {
            return ref == null ? null : ref.getResource();
        }
        return byUrl.get(ref.getReference());
    }
}
