package org.meridian.channel.web;

import org.meridian.channel.Channel;
import org.meridian.channel.ChannelDraft;

/** The create and edit form of a channel: every field as typed, checked by {@link ChannelDraft}. */
public class ChannelForm {

    private String code;
    private String name;
    private String type;
    private String cooperationLevel;
    private String status = "ACTIVE";
    private String region;
    private String address;
    private String contactName;
    private String contactPhone;
    private String contractStart;
    private String contractEnd;
    private String contractRef;
    private String notes;

    static ChannelForm of(Channel c) {
        ChannelDraft d = ChannelDraft.of(c);
        ChannelForm f = new ChannelForm();
        f.code = d.code();
        f.name = d.name();
        f.type = d.type();
        f.cooperationLevel = d.cooperationLevel();
        f.status = d.status();
        f.region = d.region();
        f.address = d.address();
        f.contactName = d.contactName();
        f.contactPhone = d.contactPhone();
        f.contractStart = d.contractStart();
        f.contractEnd = d.contractEnd();
        f.contractRef = d.contractRef();
        f.notes = d.notes();
        return f;
    }

    ChannelDraft draft() {
        return new ChannelDraft(code, name, type, cooperationLevel, status, region, address, contactName, contactPhone,
                contractStart, contractEnd, contractRef, notes);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getCooperationLevel() { return cooperationLevel; }
    public void setCooperationLevel(String cooperationLevel) { this.cooperationLevel = cooperationLevel; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getContractStart() { return contractStart; }
    public void setContractStart(String contractStart) { this.contractStart = contractStart; }
    public String getContractEnd() { return contractEnd; }
    public void setContractEnd(String contractEnd) { this.contractEnd = contractEnd; }
    public String getContractRef() { return contractRef; }
    public void setContractRef(String contractRef) { this.contractRef = contractRef; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
}
