package org.duban.ui.importer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.duban.model.UnitKind;
import org.duban.service.importer.ImportPlan;

/**
 * A unit name the roster does not know (issue 14), with the user's choice in the import wizard: add it to the roster
 * with the import, as this kind.
 */
public final class UnitChoice {
    private final String name;
    private final String rows;
    private final BooleanProperty add = new SimpleBooleanProperty(false);
    private final ObjectProperty<UnitKind> kind = new SimpleObjectProperty<>();

    UnitChoice(ImportPlan.UnknownUnit u) {
        this.name = u.name();
        this.rows = u.rowsText();
        kind.set(u.kind());
    }

    public String name() {
        return name;
    }

    public String rows() {
        return rows;
    }

    public BooleanProperty addProperty() {
        return add;
    }

    public ObjectProperty<UnitKind> kindProperty() {
        return kind;
    }
}
