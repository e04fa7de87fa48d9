package org.duban.service.handout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faces a handout uses for each {@link FontRole}: office fonts of the machine where present, then the
 * bundled Noto fonts (Noto Serif SC for the title and body, Noto Sans SC for headings), and Noto Sans SC
 * Regular last, for characters that a face lacks. Each character is set in the first face of its role that
 * has it; a character no face has prints as 〓 (the typesetter's mark for a missing character). The bundled faces
 * are read from their common faces ({@link CommonFaces}); the few characters outside those print from the full
 * font ({@link FontFace#printing}), with the same width.
 */
public final class HandoutFonts {
    private static final Logger LOG = LoggerFactory.getLogger(HandoutFonts.class);
    static final String SERIF_REGULAR = "/assets/fonts/NotoSerifSC-Regular.ttf";
    static final String SERIF_BOLD = "/assets/fonts/NotoSerifSC-Bold.ttf";
    static final String SANS_REGULAR = "/assets/fonts/NotoSansSC-Regular.ttf";
    static final String SANS_BOLD = "/assets/fonts/NotoSansSC-Bold.ttf";
    /** Printed for a character that no face has. */
    public static final int MISSING = 0x3013;

    private static final Map<String, FontFace> BUNDLED_FACES = new java.util.HashMap<>();
    private static HandoutFonts bundledOnly;
    private static HandoutFonts machine;

    /** Office font files by role, best first (Windows names; the same files copied to Linux or macOS work). */
    static final Map<FontRole, List<String>> OFFICE_FILES = Map.of(
            FontRole.TITLE, List.of("FZXBSJW.TTF", "FZXBSJW--GB1-0.TTF", "方正小标宋简体.TTF", "方正小标宋_GBK.TTF",
                    "FZXBSK.TTF", "FZXBSK--GBK1-0.TTF"),
            FontRole.SUBTITLE, List.of("楷体_GB2312.TTF", "KT_GB2312.TTF", "KAITI_GB2312.TTF", "simkai.ttf",
                    "FZKTJW.TTF", "方正楷体简体.TTF"),
            FontRole.HEADING, List.of("simhei.ttf", "FZHTJW.TTF", "方正黑体简体.TTF", "黑体.TTF"),
            FontRole.BODY, List.of("仿宋_GB2312.TTF", "FS_GB2312.TTF", "FANGSONG_GB2312.TTF", "simfang.ttf",
                    "FZFSJW.TTF", "方正仿宋简体.TTF", "仿宋.TTF", "simsun.ttc"));

    private final Map<FontRole, List<FontFace>> chains = new EnumMap<>(FontRole.class);
    /**
     * The glyph found for each character of the Basic Multilingual Plane, per role (by ordinal), filled as
     * characters are met: layout asks for every character of every cell, a handout uses a few thousand
     * distinct ones. A {@link Glyph} has only final fields, so threads may share the tables without locks.
     */
    private final Glyph[][] bmp = new Glyph[FontRole.values().length][];
    /** The same for characters beyond the BMP. */
    private final Map<FontRole, Map<Integer, Glyph>> astral = new EnumMap<>(FontRole.class);
    private static final Glyph NO_GLYPH = new Glyph(null, 0);

    /** The face that prints a character in a role (null: none) and the character's advance in that face, in em. */
    private record Glyph(FontFace face, double advance) {
    }

    private HandoutFonts(Map<FontRole, List<FontFace>> office) {
        for (FontRole role : FontRole.values()) {
            List<FontFace> chain = new ArrayList<>(office.getOrDefault(role, List.of()));
            if (role == FontRole.SUBTITLE) {
                chain.addAll(office.getOrDefault(FontRole.BODY, List.of())); // no 楷体: the body face
            }
            chain.add(bundled(switch (role) {
                case TITLE -> SERIF_BOLD;
                case HEADING -> SANS_BOLD;
                case SUBTITLE, BODY -> SERIF_REGULAR;
            }));
            chain.add(bundled(SANS_REGULAR));
            chains.put(role, List.copyOf(chain));
            bmp[role.ordinal()] = new Glyph[Character.MAX_VALUE + 1];
            astral.put(role, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    private static synchronized FontFace bundled(String resource) {
        return BUNDLED_FACES.computeIfAbsent(resource, FontFace::bundled);
    }

    /** Only the bundled fonts: the same pages on every machine. */
    public static synchronized HandoutFonts bundledOnly() {
        if (bundledOnly == null) {
            bundledOnly = new HandoutFonts(Map.of());
        }
        return bundledOnly;
    }

    /** Office fonts of this machine where present (looked up once per run), else bundled. */
    public static synchronized HandoutFonts machine() {
        if (machine == null) {
            machine = withOfficeFontsFrom(FontLocator.machineFolders());
        }
        return machine;
    }

    /**
     * Starts reading the faces a handout uses on a background thread, so that the fonts (some tens of MB)
     * load while the ledger is being opened; whoever needs a face first waits for it.
     */
    public static void preload(FontPreference preference) {
        Thread t = new Thread(() -> {
            try {
                HandoutFonts fonts = of(preference);
                for (FontRole role : FontRole.values()) {
                    fonts.primary(role).ttf();
                }
            } catch (RuntimeException e) {
                LOG.warn("Preloading handout fonts failed; they load when first used", e);
            }
        }, "duban-font-preload");
        t.setDaemon(true);
        t.start();
    }

    public static HandoutFonts of(FontPreference preference) {
        return preference == FontPreference.BUNDLED ? bundledOnly() : machine();
    }

    /** Office fonts from these folders, else bundled. */
    public static HandoutFonts withOfficeFontsFrom(List<Path> folders) {
        FontLocator locator = new FontLocator(folders);
        Map<FontRole, List<FontFace>> office = new EnumMap<>(FontRole.class);
        for (FontRole role : FontRole.values()) {
            for (String name : OFFICE_FILES.get(role)) {
                locator.find(List.of(name)).ifPresent(p -> {
                    if (office.containsKey(role)) {
                        return;
                    }
                    FontFace face = FontFace.file(p, name.equalsIgnoreCase("simsun.ttc") ? "SimSun" : null);
                    if (usable(face)) {
                        office.put(role, List.of(face));
                    }
                });
            }
        }
        LOG.info("Handout fonts: {}", office.isEmpty() ? "bundled only" : office);
        return new HandoutFonts(office);
    }

    private static boolean usable(FontFace face) {
        try {
            if (face.isEmbeddable()) {
                return true;
            }
            LOG.info("Font {} cannot be embedded in a PDF (not TrueType outlines, or its licence forbids it)",
                    face.location());
        } catch (RuntimeException e) {
            LOG.warn("Font {} cannot be read", face.location(), e);
        }
        return false;
    }

    /** The faces of a role, best first. */
    public List<FontFace> chain(FontRole role) {
        return chains.get(role);
    }

    /** The face the role mostly prints in. */
    public FontFace primary(FontRole role) {
        return chains.get(role).get(0);
    }

    /** The face that prints this code point in this role, or null when none has it. */
    FontFace faceFor(FontRole role, int codePoint) {
        return glyph(role, codePoint).face();
    }

    private Glyph glyph(FontRole role, int codePoint) {
        if (codePoint <= Character.MAX_VALUE) {
            Glyph[] table = bmp[role.ordinal()];
            Glyph g = table[codePoint];
            if (g == null) {
                g = find(role, codePoint);
                table[codePoint] = g;
            }
            return g;
        }
        return astral.get(role).computeIfAbsent(codePoint, cp -> find(role, cp));
    }

    private Glyph find(FontRole role, int codePoint) {
        for (FontFace f : chains.get(role)) {
            if (f.has(codePoint)) {
                // a bundled face measures every character; a rare one prints from the full font (its twin)
                return new Glyph(f.printing(codePoint), f.advance(codePoint));
            }
        }
        return NO_GLYPH;
    }

    /** Tabs and other control characters become spaces; characters no face has become {@link #MISSING}. */
    public String printable(FontRole role, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!printsAsIs(role, cp)) {
                return rewritten(role, text);
            }
            i += Character.charCount(cp);
        }
        return text; // the usual case: nothing to replace
    }

    private boolean printsAsIs(FontRole role, int cp) {
        return cp == '\n' || cp == ' '
                || !Character.isISOControl(cp) && !(Character.isWhitespace(cp) && cp != 0x3000)
                && faceFor(role, cp) != null;
    }

    private String rewritten(FontRole role, String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                sb.append('\n');
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != 0x3000) {
                sb.append(' ');
            } else if (faceFor(role, cp) == null) {
                sb.appendCodePoint(MISSING);
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** The width of one code point at a size, in points. */
    public double advance(FontRole role, int codePoint, double size) {
        Glyph g = glyph(role, codePoint);
        return g.face() == null ? size : g.advance() * size;
    }

    /** The width of printable text at a size, in points. */
    public double width(FontRole role, String text, double size) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += advance(role, cp, size);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Splits printable text into runs of one face each, with their widths. */
    public List<Span> spans(FontRole role, String text, double size) {
        List<Span> spans = new ArrayList<>(1);
        FontFace current = null;
        StringBuilder run = new StringBuilder();
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Glyph g = glyph(role, cp);
            FontFace f = g.face();
            double advance = g.advance();
            if (f == null) {
                f = primary(role);
                cp = MISSING;
                advance = f.advance(cp);
                f = f.printing(cp);
            }
            if (f != current && run.length() > 0) {
                spans.add(new Span(current, run.toString(), w));
                run.setLength(0);
                w = 0;
            }
            current = f;
            run.appendCodePoint(cp);
            w += advance * size;
        }
        if (run.length() > 0) {
            spans.add(new Span(current, run.toString(), w));
        }
        return spans;
    }
}
