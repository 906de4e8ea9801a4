package org.meridian.exam;

/** What kind of item: an examination (检查, e.g. imaging) or a laboratory test (检验). */
public enum ExamCategory {
    EXAMINATION, LABORATORY
}
