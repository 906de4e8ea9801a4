/**
 * Units beyond channels (科室与机构): the registry of a hospital's departments (临床, 医技, 职能科室, with a parent for
 * wards and sub-specialties, a head and open beds) and of the institutions of its region (三级医院, 二级医院,
 * 基层医疗卫生机构, with level and district). Both are evaluated by the same engine as channels. Its face is
 * {@link org.meridian.unit.UnitRegistry}; who may see and change it is {@link org.meridian.unit.UnitVisibility}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.meridian.unit;
