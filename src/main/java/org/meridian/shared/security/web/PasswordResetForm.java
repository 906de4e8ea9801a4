package org.meridian.shared.security.web;

/** The administrator's "set a new password" form for another account. */
public class PasswordResetForm {

    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
