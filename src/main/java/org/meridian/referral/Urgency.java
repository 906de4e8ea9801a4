package org.meridian.referral;

/** How soon the channel asks the hospital to act (紧急程度): routine (普通) or urgent (加急). */
public enum Urgency {
    ROUTINE, URGENT
}
