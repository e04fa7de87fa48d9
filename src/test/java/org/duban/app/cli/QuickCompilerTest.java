package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The handouts command's request for the quick compiler reaches this (HotSpot) JVM, and is taken back here. */
class QuickCompilerTest {
    @Test
    void theDirectiveExcludesTheOptimisingCompilerForEveryMethod() throws Exception {
        assertTrue(QuickCompiler.addDirective(), "HotSpot takes compiler directives through its MBean");
        try {
            String printed = String.valueOf(QuickCompiler.diagnosticCommand("compilerDirectivesPrint"));
            String first = printed.substring(0, printed.indexOf("Directive: (default)"));
            assertTrue(first.contains("matching: *.*"), printed);
            String c2 = first.substring(first.indexOf("c2 directives:"));
            assertTrue(c2.contains("Exclude:true"), printed);
        } finally {
            QuickCompiler.diagnosticCommand("compilerDirectivesRemove"); // the other tests compile as usual
        }
    }

    @Test
    void theWindowsStartRequestIsTakenBackOnRelease() throws Exception {
        QuickCompiler.StartOnly start = QuickCompiler.whileStarting();
        assertTrue(start.added(), "HotSpot takes compiler directives through its MBean");
        String during = String.valueOf(QuickCompiler.diagnosticCommand("compilerDirectivesPrint"));
        assertTrue(during.substring(0, during.indexOf("Directive: (default)")).contains("matching: *.*"), during);
        start.release().join();
        start.release().join(); // once only: a second release removes nothing else
        String after = String.valueOf(QuickCompiler.diagnosticCommand("compilerDirectivesPrint"));
        assertTrue(after.strip().startsWith("Directive: (default)"), after);
    }
}
