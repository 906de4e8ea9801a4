/**
 * Files people send (文件上传): the bounds on what Meridian reads from a CSV or XLSX file, one place for every reader.
 * {@link org.meridian.shared.files.FileLimits} holds the configured limits, {@link org.meridian.shared.files.Workbooks}
 * refuses a workbook whose structure is hostile before any reader opens it, and
 * {@link org.meridian.shared.files.CellTooLongException} is what a reader raises for one cell over the limit (the row
 * is then rejected, the rest of the file read on).
 */
package org.meridian.shared.files;
