package org.duban.service.handout;

/**
 * Page margins and type sizes. {@link #GB_T_9704} follows 党政机关公文格式 (GB/T 9704-2012: top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm) with 小四 (12 pt) table text on a landscape sheet and 五号 (10.5 pt)
 * on the narrower portrait one; {@link #COMPACT} fits more on a page for long lists (15 mm all round, 五号).
 */
public enum MarginPreset {
    GB_T_9704(37, 35, 28, 26, 12, 10.5, 22),
    COMPACT(15, 15, 15, 15, 10.5, 10.5, 20);

    private final double topMm;
    private final double bottomMm;
    private final double leftMm;
    private final double rightMm;
    private final double bodySize;
    private final double portraitBodySize;
    private final double titleSize;

    MarginPreset(double topMm, double bottomMm, double leftMm, double rightMm, double bodySize,
                 double portraitBodySize, double titleSize) {
        this.topMm = topMm;
        this.bottomMm = bottomMm;
        this.leftMm = leftMm;
        this.rightMm = rightMm;
        this.bodySize = bodySize;
        this.portraitBodySize = portraitBodySize;
        this.titleSize = titleSize;
    }

    public double topMm() {
        return topMm;
    }

    public double bottomMm() {
        return bottomMm;
    }

    public double leftMm() {
        return leftMm;
    }

    public double rightMm() {
        return rightMm;
    }

    /** Table text size in points on a sheet of this orientation. */
    public double bodySize(PageOrientation orientation) {
        return orientation == PageOrientation.PORTRAIT ? portraitBodySize : bodySize;
    }

    /** Title size in points (二号 is 22 pt). */
    public double titleSize() {
        return titleSize;
    }
}
