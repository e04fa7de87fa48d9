package org.duban.service.handout;

/** How the A4 sheet lies: landscape (the default: seven columns of text need the width) or portrait. */
public enum PageOrientation {
    LANDSCAPE,
    PORTRAIT
}
