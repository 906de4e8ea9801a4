package org.meridian.shared.problem;

import java.util.List;
import java.util.Objects;

import org.meridian.shared.Actor;

/**
 * The four-eyes principle (双人复核): whoever prepared or requested something may not also review, approve or decide
 * it. One policy for tier changes, appeals, statements and every later approval.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /**
     * Refuses (403, kind {@code four-eyes}) when the deciding actor is the one who prepared the object.
     *
     * @param module     the module asking, for the problem's type URN
     * @param preparedBy the username that prepared or requested it
     * @param decider    who now wants to review, approve or decide it
     * @param messageKey the module's sentence for this refusal
     */
    public static void require(String module, String preparedBy, Actor decider, String messageKey) {
        if (Objects.equals(preparedBy, decider.username())) {
            throw new RefusedException(module, "four-eyes", messageKey, List.of(preparedBy),
                    "four eyes: " + decider.username() + " prepared this and may not also decide it");
        }
    }

    /** True when the actor may decide what {@code preparedBy} prepared. */
    public static boolean allows(String preparedBy, Actor decider) {
        return !Objects.equals(preparedBy, decider.username());
    }
}
