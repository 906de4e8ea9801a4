/**
 * Shared kernel: the hospital (tenant) context, accounts and security, the audit log, the
 * embedded database, and the web shell (layout, i18n, home page). Open to every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.meridian.shared;
