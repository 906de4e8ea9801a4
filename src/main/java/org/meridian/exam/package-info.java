/**
 * Mutual recognition of examination results (检查检验结果互认): the region's item catalogue and exception reasons,
 * exam records from every hospital of the region with patients pseudonymised under the region's key, the detection
 * of repeat examinations (重复检查) kept up to date per patient and item as records arrive, alliances of institutions
 * (医联体) for items recognised within an alliance, and the repeat figures per institution, item and month — kept by
 * each batch in its own transaction (monthly figures and distinct patients per period), so that the figures, the
 * reports and the repeat-rate alert check read them instead of counting the records (docs/exams.md). Patients are
 * pseudonymised as the first 128 bits of their HMAC ({@code uuid}); the catalogue, the exception reasons and the
 * alliances are kept by the region administrator; a regulator's figures covering fewer distinct patients than
 * {@code meridian.region.min-records} are suppressed. Its faces
 * are {@link org.meridian.exam.ExamCatalogue}, {@link org.meridian.exam.ExamIntake},
 * {@link org.meridian.exam.RepeatFigures} and {@link org.meridian.exam.AllianceRegistry}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "unit", "intake"})
package org.meridian.exam;
