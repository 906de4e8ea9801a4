package org.meridian.unit.web;

import org.meridian.unit.Unit;
import org.meridian.unit.UnitDraft;

/** The create and edit form of a unit: every field as typed, checked by {@link UnitDraft#check}. */
public class UnitForm {

    private String code;
    private String name;
    private String kind;
    private String type;
    private String status;
    private String parent;
    private String head;
    private String openBeds;
    private String level;
    private String district;

    static UnitForm of(Unit u) {
        UnitDraft d = UnitDraft.of(u);
        UnitForm f = new UnitForm();
        f.code = d.code();
        f.name = d.name();
        f.kind = d.kind();
        f.type = d.type();
        f.status = d.status();
        f.parent = d.parent();
        f.head = d.head();
        f.openBeds = d.openBeds();
        f.level = d.level();
        f.district = d.district();
        return f;
    }

    /** The fields of the form's kind; the other kind's fields are left out (a form shows only its kind's). */
    UnitDraft draft() {
        boolean department = "DEPARTMENT".equals(kind);
        return new UnitDraft(code, name, kind, type, status, department ? parent : null, department ? head : null,
                department ? openBeds : null, department ? null : level, department ? null : district);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getParent() { return parent; }
    public void setParent(String parent) { this.parent = parent; }
    public String getHead() { return head; }
    public void setHead(String head) { this.head = head; }
    public String getOpenBeds() { return openBeds; }
    public void setOpenBeds(String openBeds) { this.openBeds = openBeds; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
}
