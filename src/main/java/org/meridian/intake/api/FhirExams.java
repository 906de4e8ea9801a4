package org.meridian.intake.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.meridian.intake.FhirExamRecords.Row;

/**
 * Maps a FHIR R4 {@code DiagnosticReport} or {@code ImagingStudy} to an exam record of the repeat-examination figures
 * (docs/exams.md, FHIR), field by field:
 * <ul>
 *   <li>recordId: the first {@code identifier} with a value (e.g. the accession number), else the logical id;</li>
 *   <li>institution: the performing Organization's identifier (the hospital's code or its institution unit's code) —
 *       {@code DiagnosticReport.performer}, {@code ImagingStudy.series.performer.actor};</li>
 *   <li>patientId: {@code subject}'s identifier (on the reference, or on the Patient of the Bundle it points to) —
 *       never a logical id, which means nothing in another hospital;</li>
 *   <li>item: the first coding with a code of {@code DiagnosticReport.code}, {@code ImagingStudy.procedureCode};</li>
 *   <li>performedAt: {@code DiagnosticReport.effectiveDateTime} (or {@code effectivePeriod.start}),
 *       {@code ImagingStudy.started};</li>
 *   <li>recognisable: from the status (a final result may be recognised elsewhere, a pending one not), or the
 *       extension {@link #RECOGNISABLE_URL} ({@code valueBoolean}) when present;</li>
 *   <li>exception: the extension {@link #EXCEPTION_URL} ({@code valueCode}, or {@code valueCoding.code}).</li>
 * </ul>
 * A cancelled or entered-in-error resource is no exam record: refused with its reason.
 */
final class FhirExams {

    static final String RECOGNISABLE_URL = "urn:meridian:fhir:exam-recognisable";
    static final String EXCEPTION_URL = "urn:meridian:fhir:exam-exception";

    /**
     * One resource: its row (null when it cannot be one, with the reasons), and for each field of the row the element
     * it was read from, so that the exam module's reasons name the resource's own elements.
     */
    record Entry(Row row, List<String> errors, Map<String, String> elements) {
    }

    private FhirExams() {
    }

    static boolean isExam(Resource r) {
        return r instanceof DiagnosticReport || r instanceof ImagingStudy;
    }

    static Entry map(Resource r, Function<Reference, IBaseResource> resolve) {
        return r instanceof DiagnosticReport d ? diagnosticReport(d, resolve) : imagingStudy((ImagingStudy) r, resolve);
    }

    private static Entry diagnosticReport(DiagnosticReport d, Function<Reference, IBaseResource> resolve) {
        List<String> errors = new ArrayList<>();
        String recognisable = null;
        DiagnosticReport.DiagnosticReportStatus status = d.getStatus();
        if (status == null) {
            errors.add("DiagnosticReport.status is required");
        } else {
            switch (status) {
                case FINAL, AMENDED, CORRECTED, APPENDED -> recognisable = "true";
                case REGISTERED, PARTIAL, PRELIMINARY -> recognisable = "false";
                default -> errors.add("DiagnosticReport.status " + status.toCode() + " is not an exam performed"
                        + " (registered, partial, preliminary, final, amended, corrected or appended)");
            }
        }
        String institution = null;
        for (Reference performer : d.getPerformer()) {
            institution = organisation(performer, resolve);
            if (institution != null) {
                break;
            }
        }
        if (institution == null) {
            errors.add("DiagnosticReport.performer must reference the performing Organization"
                    + " (identifier = the hospital's or institution's code)");
        }
        String performedAt = d.hasEffectiveDateTimeType() ? d.getEffectiveDateTimeType().getValueAsString()
                : d.hasEffectivePeriod() ? d.getEffectivePeriod().getStartElement().getValueAsString() : null;
        return entry(d, recordId(d, d.getIdentifier()), institution, patient(d.getSubject(), "DiagnosticReport",
                        resolve, errors), code(d.getCode()), performedAt, recognisable, errors,
                Map.of("recordId", "DiagnosticReport.identifier", "institution", "DiagnosticReport.performer",
                        "patientId", "DiagnosticReport.subject", "item", "DiagnosticReport.code",
                        "performedAt", "DiagnosticReport.effectiveDateTime",
                        "recognisable", "DiagnosticReport.status", "exception", "DiagnosticReport.extension"));
    }

    private static Entry imagingStudy(ImagingStudy s, Function<Reference, IBaseResource> resolve) {
        List<String> errors = new ArrayList<>();
        String recognisable = null;
        ImagingStudy.ImagingStudyStatus status = s.getStatus();
        if (status == null) {
            errors.add("ImagingStudy.status is required");
        } else {
            switch (status) {
                case AVAILABLE -> recognisable = "true";
                case REGISTERED -> recognisable = "false";
                default -> errors.add("ImagingStudy.status " + status.toCode()
                        + " is not an exam performed (registered or available)");
            }
        }
        String institution = null;
        for (ImagingStudy.ImagingStudySeriesComponent series : s.getSeries()) {
            for (ImagingStudy.ImagingStudySeriesPerformerComponent p : series.getPerformer()) {
                institution = institution == null ? organisation(p.getActor(), resolve) : institution;
            }
        }
        if (institution == null) {
            errors.add("ImagingStudy.series.performer.actor must reference the performing Organization"
                    + " (identifier = the hospital's or institution's code)");
        }
        String item = null;
        for (CodeableConcept c : s.getProcedureCode()) {
            item = item == null ? code(c) : item;
        }
        return entry(s, recordId(s, s.getIdentifier()), institution, patient(s.getSubject(), "ImagingStudy", resolve,
                        errors), item, s.getStartedElement().getValueAsString(), recognisable, errors,
                Map.of("recordId", "ImagingStudy.identifier", "institution", "ImagingStudy.series.performer.actor",
                        "patientId", "ImagingStudy.subject", "item", "ImagingStudy.procedureCode",
                        "performedAt", "ImagingStudy.started", "recognisable", "ImagingStudy.status",
                        "exception", "ImagingStudy.extension"));
    }

    private static Entry entry(DomainResource r, String recordId, String institution, String patient, String item,
                               String performedAt, String recognisable, List<String> errors,
                               Map<String, String> elements) {
        Extension flag = r.getExtensionByUrl(RECOGNISABLE_URL);
        if (flag != null) {
            if (flag.getValue() instanceof BooleanType b && b.getValue() != null) {
                recognisable = b.getValue().toString();
            } else {
                errors.add("extension " + RECOGNISABLE_URL + " must carry a valueBoolean");
            }
        }
        String exception = null;
        Extension reason = r.getExtensionByUrl(EXCEPTION_URL);
        if (reason != null) {
            if (reason.getValue() instanceof CodeType c && c.hasValue()) {
                exception = c.getValue();
            } else if (reason.getValue() instanceof Coding c && c.hasCode()) {
                exception = c.getCode();
            } else {
                errors.add("extension " + EXCEPTION_URL + " must carry a valueCode (the exception reason's code)");
            }
        }
        if (!errors.isEmpty()) {
            return new Entry(null, errors, elements);
        }
        return new Entry(new Row(recordId, institution, patient, item, performedAt, recognisable, exception),
                List.of(), elements);
    }

    /** The first identifier with a value, else the logical id (not a urn:uuid of the Bundle); null when neither. */
    private static String recordId(Resource r, List<Identifier> identifiers) {
        for (Identifier i : identifiers) {
            if (i.hasValue()) {
                return i.getValue();
            }
        }
        if (r.hasIdElement() && r.getIdElement().hasIdPart() && !r.getIdElement().getIdPart().startsWith("urn:")) {
            return r.getIdElement().getIdPart();
        }
        return null;
    }

    private static String code(CodeableConcept concept) {
        for (Coding c : concept.getCoding()) {
            if (c.hasCode()) {
                return c.getCode();
            }
        }
        return null;
    }

    /** The Organization's code: on the reference's identifier, or the first identifier of the referenced one. */
    private static String organisation(Reference ref, Function<Reference, IBaseResource> resolve) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        if (ref.hasIdentifier() && ref.getIdentifier().hasValue()
                && (!ref.hasType() || "Organization".equals(ref.getType()))) {
            return ref.getIdentifier().getValue();
        }
        if (resolve.apply(ref) instanceof Organization org && org.getIdentifierFirstRep().hasValue()) {
            return org.getIdentifierFirstRep().getValue();
        }
        return null;
    }

    /**
     * The patient's identifier: on the reference, or on the referenced Patient of the Bundle. The reasons never
     * repeat a patient's id, only where it was looked for.
     */
    private static String patient(Reference ref, String type, Function<Reference, IBaseResource> resolve,
                                  List<String> errors) {
        if (ref != null && ref.hasIdentifier() && ref.getIdentifier().hasValue()) {
            return ref.getIdentifier().getValue();
        }
        if (ref != null && resolve.apply(ref) instanceof Patient p) {
            for (Identifier i : p.getIdentifier()) {
                if (i.hasValue()) {
                    return i.getValue();
                }
            }
        }
        errors.add(type + ".subject must name the patient by an identifier (on the reference, or on the Patient of"
                + " the Bundle it references); a logical id is not enough");
        return null;
    }
}
