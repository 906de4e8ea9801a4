package org.meridian.shared.security.web;

/** The "new personal access token" form: a name and an optional validity in days. */
public class TokenForm {

    private String name;
    private Integer validDays;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getValidDays() {
        return validDays;
    }

    public void setValidDays(Integer validDays) {
        this.validDays = validDays;
    }
}
