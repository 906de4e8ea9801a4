/**
 * Meridian's package root: one top-level package per module, verified by Spring Modulith.
 */
package org.meridian;
