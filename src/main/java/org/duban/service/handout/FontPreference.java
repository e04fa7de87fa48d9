package org.duban.service.handout;

/**
 * Which fonts a handout uses. {@link #OFFICE} takes the office fonts the machine has (方正小标宋, 仿宋_GB2312 /
 * FangSong, 黑体, 楷体) and the bundled fonts for the rest; {@link #BUNDLED} uses only the bundled Noto fonts,
 * so that every machine prints exactly the same pages.
 */
public enum FontPreference {
    OFFICE,
    BUNDLED
}
