package org.meridian.intake;

import org.meridian.shared.problem.NotFoundException;

/** No import with that id in the hospital: 404, {@code urn:meridian:intake:import-not-found}. */
public class ImportNotFoundException extends NotFoundException {
    public ImportNotFoundException(long id) {
        super("intake", "import", id, "intake.problem.importNotFound");
    }
}
