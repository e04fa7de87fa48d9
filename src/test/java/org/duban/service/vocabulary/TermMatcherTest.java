package org.duban.service.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.duban.model.Term;
import org.duban.service.vocabulary.TermMatcher.How;
import org.junit.jupiter.api.Test;

/** Sources and categories as lists write them, read as the office's names. */
class TermMatcherTest {
    private static final List<Term> SAMPLE = List.of(
            new Term(1, Term.Kind.SOURCE, "中央生态环境保护督察", 1, List.of()),
            new Term(2, Term.Kind.SOURCE, "省级督察", 2, List.of()),
            new Term(3, Term.Kind.SOURCE, "举一反三", 3, List.of("举一反三自查")),
            new Term(4, Term.Kind.CATEGORY, "水环境", 1, List.of()),
            new Term(5, Term.Kind.CATEGORY, "大气环境", 2, List.of()));
    private final TermMatcher sources = new TermMatcher(Term.Kind.SOURCE, SAMPLE);
    private final TermMatcher categories = new TermMatcher(Term.Kind.CATEGORY, SAMPLE);

    private void read(TermMatcher m, String written, String name, How how) {
        TermMatcher.Match r = m.match(written);
        assertEquals(name, r.name(), written);
        assertEquals(how, r.how(), written);
    }

    @Test
    void theLongFormsOfSectionHeadingsAreTheSameSource() {
        read(sources, "中央生态环境保护督察", "中央生态环境保护督察", How.EXACT);
        read(sources, "中央生态环境保护督察反馈问题", "中央生态环境保护督察", How.NORMALISED);
        read(sources, "省级督察交办问题", "省级督察", How.NORMALISED);
        read(sources, "举一反三排查问题", "举一反三", How.NORMALISED);
        read(sources, "举一反三自查", "举一反三", How.ALIAS);
        read(sources, "中央生态环境保护督察（反馈问题）", "中央生态环境保护督察", How.NORMALISED);
        read(sources, "中央生态环境保护督察　", "中央生态环境保护督察", How.EXACT);
    }

    @Test
    void theStemsOfTheThreeUsualSourcesMatchOtherWordings() {
        read(sources, "第二轮中央生态环境保护督察反馈问题", "中央生态环境保护督察", How.STEM);
        read(sources, "中央环保督察", "中央生态环境保护督察", How.STEM);
        read(sources, "省生态环境保护督察交办问题", "省级督察", How.STEM);
        read(sources, "省委生态环境保护督察", "省级督察", How.STEM);
    }

    @Test
    void anythingElseIsANewName() {
        read(sources, "市级排查", "市级排查", How.NEW);
        read(sources, "群众信访举报", "群众信访举报", How.NEW);
        assertNull(sources.match("  "));
        // a stem two names share decides nothing
        TermMatcher two = new TermMatcher(Term.Kind.SOURCE, List.of(
                new Term(1, Term.Kind.SOURCE, "第一轮中央生态环境保护督察", 1, List.of()),
                new Term(2, Term.Kind.SOURCE, "第二轮中央生态环境保护督察", 2, List.of())));
        read(two, "中央环保督察", "中央环保督察", How.NEW);
    }

    @Test
    void categoriesLeaveOutProblemAndClass() {
        read(categories, "水环境问题", "水环境", How.NORMALISED);
        read(categories, "大气环境类", "大气环境", How.NORMALISED);
        read(categories, "土壤", "土壤", How.NEW);
    }
}
