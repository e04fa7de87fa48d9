package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.tasks.TaskInput;
import org.duban.testing.OfficeLists;
import org.duban.testing.OtherLists;
import org.junit.jupiter.api.Test;

/** The threshold {@link ProblemSimilarity#SAME_TASK} against real texts: the figures its comment gives. */
class ProblemSimilarityTest {
    private static final List<String> SAMPLE = SampleMeeting.readTasks().stream().map(TaskInput::problem).toList();

    @Test
    void differentTasksOfOneListScoreWellBelowTheThreshold() {
        double max = 0;
        for (int i = 0; i < SAMPLE.size(); i++) {
            for (int j = i + 1; j < SAMPLE.size(); j++) {
                max = Math.max(max, ProblemSimilarity.of(SAMPLE.get(i), SAMPLE.get(j)));
            }
        }
        assertTrue(max <= 0.41, "990 pairs of the sample's own tasks, at most " + max);
    }

    @Test
    void anotherListsProblemsScoreFarBelowTheSamplesOfTheSameNumber() {
        for (int i = 0; i < OtherLists.DIFFERENT_PROBLEMS.size(); i++) {
            double s = ProblemSimilarity.of(SAMPLE.get(i), OtherLists.DIFFERENT_PROBLEMS.get(i));
            assertTrue(s <= 0.2, (i + 1) + ": " + s);
        }
    }

    @Test
    void anAbbreviatedOrRevisedProblemIsTheSameTask() {
        // the messy office list's first four problems are the sample's, cut short
        for (int seq = 1; seq <= 4; seq++) {
            int s = seq;
            String office = (String) OfficeLists.rows().stream().filter(r -> r.size() > 1 && r.get(0).equals(s))
                    .findFirst().orElseThrow().get(1);
            double score = ProblemSimilarity.of(SAMPLE.get(seq - 1), office);
            assertTrue(score >= 0.92, seq + ": " + score);
        }
        assertTrue(ProblemSimilarity.sameTask("部分小水电站未按要求落实生态流量下泄，下游河段出现减脱水现象。",
                "部分小水电站未落实生态流量下泄，下游河段减脱水，监测设施未联网。"));
    }

    @Test
    void spacesPunctuationAndFullWidthFormsDoNotCount() {
        assertEquals(1.0, ProblemSimilarity.of("入海排污口排查整治不到位。", " 入海排污口 排查整治不到位"));
        assertEquals(1.0, ProblemSimilarity.of("ＶＯＣｓ治理", "VOCs治理"));
        assertEquals(0.0, ProblemSimilarity.of("甲", "乙"));
    }
}
