package org.meridian.notification;

/** Which notifications the list shows besides "all". */
public enum ReadFilter {
    UNREAD, READ
}
