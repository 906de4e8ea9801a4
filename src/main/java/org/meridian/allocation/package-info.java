/**
 * Allocation (资源配置): inequality of how a resource is spread (Gini, Theil with its decomposition, agglomeration)
 * and the bounded proportional allocation of a budget among units with floors, caps and a pace of change, exact to
 * the fen (methods.md §6), with a stateless calculator API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.meridian.allocation;
