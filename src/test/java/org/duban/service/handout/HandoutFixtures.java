package org.duban.service.handout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.UnitRepository;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;

/** Databases for handout tests: the sample, and a unit with many long tasks. */
final class HandoutFixtures {
    /** Default settings with the bundled fonts only: the same pages whatever fonts the test machine has. */
    static final HandoutSettings BUNDLED = HandoutSettings.defaults().withFonts(FontPreference.BUNDLED);

    private HandoutFixtures() {
    }

    /** A unit's handout from a meeting of long tasks, laid out and written to {@code out}. */
    record Written(HandoutService.MeetingData data, HandoutLayout layout, Path pdf) {
    }

    static Written writeLongTasks(Database db, int count, int giantSeq, Path out) {
        Meeting m = manyLongTasks(db, count, giantSeq);
        HandoutService service = Wired.of(db).handouts();
        HandoutService.MeetingData data = service.read(m);
        Unit xiapu = unit(db, "霞浦县");
        service.exportUnit(data, xiapu, BUNDLED, out);
        return new Written(data, HandoutService.layout(data, xiapu, BUNDLED), pdf(out, "霞浦县"));
    }

    /** A paragraph of realistic task text, {@code n} sentences long, numbered like office measures. */
    static String measures(int n, String topic) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(i).append(".围绕").append(topic).append("开展第").append(i)
                    .append("轮专项排查整治，建立问题清单，COD达标率95%以上；");
        }
        return sb.toString();
    }

    /**
     * A meeting at which 霞浦县 has {@code count} long tasks from three sources, task {@code giantSeq} (if > 0)
     * with measures long enough to fill more than a page.
     */
    static Meeting manyLongTasks(Database db, int count, int giantSeq) {
        Meeting m = TestDb.emptyMeeting(db);
        TaskService tasks = Wired.of(db).tasks();
        String[] sources = {"中央生态环境保护督察", "省级督察", "举一反三"};
        for (int i = 1; i <= count; i++) {
            String measures = i == giantSeq ? measures(50, "第" + i + "项问题") : measures(2 + i % 5, "第" + i + "项问题");
            tasks.create(m.id(), new TaskInput(String.valueOf(i), sources[(i - 1) * 3 / count], "水环境",
                    "第" + i + "项问题：沿海乡镇生活污水收集管网覆盖不足，部分排污口雨污混流，入海河流水质波动，"
                            + "群众反映强烈的问题仍未彻底解决。",
                    "第" + i + "项目标：2026年底前完成整治，水质稳定达到Ⅲ类。", measures, "霞浦县", "市生态环境局、市住房和城乡建设局",
                    "县委书记、县长", "2026年12月31日前", ""));
        }
        return m;
    }

    static Unit unit(Database db, String name) {
        return new UnitRepository(db).findByName(name).orElseThrow();
    }

    static Path pdf(Path dir, String unitName) {
        return dir.resolve(HandoutService.fileName(unitName));
    }

    /** The batch of all units' handouts into {@code out}, with {@code copies} copies of one unit. */
    static HandoutService.BatchResult exportAllWithCopies(Database db, HandoutService.MeetingData data, String unitName,
                                                          int copies, Path out, HandoutService.Progress progress) {
        HandoutService service = Wired.of(db).handouts();
        service.settings().setCopies(unit(db, unitName).id(), copies);
        return service.exportAll(data, BUNDLED, out, progress);
    }

    /** Each page's text, as a PDF viewer would copy it. */
    static List<String> pageTexts(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }
}
