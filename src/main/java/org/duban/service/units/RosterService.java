package org.duban.service.units;

import java.util.List;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.UnitRepository;

/** The unit roster of a ledger. A new database starts with the default (Ningde) roster. */
public final class RosterService {
    private final Database db;
    private final UnitRepository units;

    public RosterService(Database db) {
        this.db = db;
        this.units = new UnitRepository(db);
    }

    /** Adds the default roster when the database has no units yet; returns how many units were added. */
    public int ensureDefaultRoster() {
        return db.write(c -> {
            if (units.count() > 0) {
                return 0;
            }
            List<Unit> roster = DefaultRoster.units();
            roster.forEach(units::insert);
            return roster.size();
        });
    }

    public List<Unit> all() {
        return units.findAll();
    }
}
