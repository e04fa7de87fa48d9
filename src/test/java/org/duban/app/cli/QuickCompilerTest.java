package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        // the directive stack is the JVM's: commands run by earlier tests in this JVM may have left theirs (a
        // command's request lasts its process), so what is counted is this request's own directive
        assertTrue(QuickCompiler.addDirective(), "a command's request, left as a command leaves it");
        try {
            startRequestComesAndGoes();
        } finally {
            QuickCompiler.diagnosticCommand("compilerDirectivesRemove");
        }
    }

    private static void startRequestComesAndGoes() throws Exception {
        int before = directives();
        QuickCompiler.StartOnly start = QuickCompiler.whileStarting();
        assertTrue(start.added(), "HotSpot takes compiler directives through its MBean");
        String during = String.valueOf(QuickCompiler.diagnosticCommand("compilerDirectivesPrint"));
        assertTrue(during.substring(0, during.indexOf("Directive: (default)")).contains("matching: *.*"), during);
        assertEquals(before + 1, directives(), during);
        start.release().join();
        start.release().join(); // once only: a second release removes nothing else
        assertEquals(before, directives(), String.valueOf(QuickCompiler.diagnosticCommand("compilerDirectivesPrint")));
    }

    /** The directives on the stack, the default one not counted. */
    private static int directives() throws Exception {
        String printed = String.valueOf(QuickCompiler.diagnosticCommand("compilerDirectivesPrint"));
        String pushed = printed.substring(0, printed.indexOf("Directive: (default)"));
        return pushed.split("Directive:", -1).length - 1;
    }
}
