package org.meridian.notification;

/** One attempt to deliver failed; the reason is kept on the delivery for the administrator. */
class DeliveryFailedException extends Exception {

    DeliveryFailedException(String reason) {
        super(reason);
    }

    /** The innermost cause's type and message: the part that says what went wrong. */
    static String deepest(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
