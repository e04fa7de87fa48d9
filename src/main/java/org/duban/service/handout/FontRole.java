package org.duban.service.handout;

/**
 * What a piece of text is, which decides its typeface, as 党政机关公文 set it: the title in 方正小标宋
 * (宋体 style, heavy), the unit line in 楷体, headings and the header row in 黑体, body text in 仿宋.
 */
public enum FontRole {
    TITLE,
    SUBTITLE,
    HEADING,
    BODY
}
