package org.duban.ui.charts.projector;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.duban.i18n.Messages;
import org.duban.service.chart.ProgressCharts;

/**
 * The slide shown and how to move: next, previous, first, last (what a presentation clicker sends), and the
 * optional auto-advance, which goes round to the first slide after the last.
 */
public final class ProjectorViewModel {
    private final ProjectorData data;
    private final List<Slide> slides;
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final BooleanProperty autoAdvance = new SimpleBooleanProperty(false);
    private final IntegerProperty seconds = new SimpleIntegerProperty(15);
    private final BooleanProperty closed = new SimpleBooleanProperty(false);
    private final ObjectBinding<Slide> slide;
    private final StringBinding pageText;

    public ProjectorViewModel(ProjectorData data) {
        this.data = data;
        this.slides = data.slides();
        slide = Bindings.createObjectBinding(() -> slides.get(index.get()), index);
        pageText = Bindings.createStringBinding(() -> Messages.tr("projector.page", index.get() + 1, slides.size()),
                index);
    }

    public void next() {
        index.set(Math.min(slides.size() - 1, index.get() + 1));
    }

    public void previous() {
        index.set(Math.max(0, index.get() - 1));
    }

    public void first() {
        index.set(0);
    }

    public void last() {
        index.set(slides.size() - 1);
    }

    /** One step of auto-advance: the next slide, or the first after the last. */
    public void tick() {
        index.set(index.get() + 1 >= slides.size() ? 0 : index.get() + 1);
    }

    /** Leaves the projector (Esc). */
    public void close() {
        closed.set(true);
    }

    /** "截至 2026年11月29日". */
    public String stamp() {
        return ProgressCharts.asOfStamp(data.asOf());
    }

    public ProjectorData data() {
        return data;
    }

    public List<Slide> slides() {
        return slides;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public ObjectBinding<Slide> slideProperty() {
        return slide;
    }

    public StringBinding pageTextProperty() {
        return pageText;
    }

    public BooleanProperty autoAdvanceProperty() {
        return autoAdvance;
    }

    public IntegerProperty secondsProperty() {
        return seconds;
    }

    public BooleanProperty closedProperty() {
        return closed;
    }
}
