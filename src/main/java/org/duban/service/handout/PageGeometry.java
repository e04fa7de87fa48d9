package org.duban.service.handout;

/**
 * A sheet in points (1/72 inch), origin top left, y downwards, with the margins that bound the text.
 */
public record PageGeometry(double width, double height, double top, double bottom, double left, double right) {
    /** A4: 210 × 297 mm. */
    public static final double A4_SHORT = mm(210);
    public static final double A4_LONG = mm(297);

    public static double mm(double millimetres) {
        return millimetres * 72 / 25.4;
    }

    public static PageGeometry a4(PageOrientation orientation, MarginPreset margins) {
        boolean landscape = orientation == PageOrientation.LANDSCAPE;
        return new PageGeometry(landscape ? A4_LONG : A4_SHORT, landscape ? A4_SHORT : A4_LONG,
                mm(margins.topMm()), mm(margins.bottomMm()), mm(margins.leftMm()), mm(margins.rightMm()));
    }

    public boolean landscape() {
        return width > height;
    }

    /** Left edge of the text area. */
    public double contentLeft() {
        return left;
    }

    public double contentRight() {
        return width - right;
    }

    public double contentWidth() {
        return width - left - right;
    }

    public double contentTop() {
        return top;
    }

    public double contentBottom() {
        return height - bottom;
    }

    public double contentHeight() {
        return height - top - bottom;
    }
}
