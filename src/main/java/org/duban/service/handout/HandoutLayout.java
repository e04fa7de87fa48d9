package org.duban.service.handout;

import java.util.List;

/** A unit's handout laid out in pages, ready to draw to a PDF or a printer. */
public record HandoutLayout(String unitName, String title, PageGeometry geometry, List<LayoutPage> pages) {
    public HandoutLayout {
        pages = List.copyOf(pages);
    }

    public int pageCount() {
        return pages.size();
    }
}
