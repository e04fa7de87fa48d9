package org.duban.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.tasks.TaskInput;

/**
 * Lists to re-import over the sample meeting: the sample's own list revised (a unit dropped, a problem reworded),
 * and a different list of 18 tasks, as a clerk may pick up by mistake: other problems, numbered 1 to 18 like
 * the sample's first 18, for the sample's units, under section rows that spell the sources the long way
 * (…反馈问题, …交办问题, …排查问题).
 */
public final class OtherLists {
    public static final List<String> HEADER = List.of("序号", "来源", "问题类别", "问题", "整改目标", "整改措施",
            "责任单位", "配合单位", "责任领导", "完成时限", "备注");

    /** The 18 problems of the different list (a neighbouring city's, rewritten for the sample's units). */
    public static final List<String> DIFFERENT_PROBLEMS = List.of(
            "闽江流域部分支流沿岸生猪养殖场污染反弹，养殖废水偷排漏排现象时有发生。",
            "城区部分餐饮油烟净化设施未正常使用，油烟扰民投诉居高不下。",
            "部分工业园区企业危险化学品仓储设施老旧，雨污分流不彻底，初期雨水未收集处理。",
            "县城污水处理厂提标改造工程进度滞后，出水总氮不能稳定达到一级A标准。",
            "部分竹木加工企业锅炉烟气治理设施简陋，颗粒物排放浓度超标。",
            "重点林区松材线虫病疫情防控不力，疫木清理不彻底，存在扩散风险。",
            "部分乡镇垃圾转运站渗滤液收集设施缺失，周边沟渠水体发黑发臭。",
            "稀土开采遗留矿区地表植被恢复缓慢，尾砂流失淤积下游农田。",
            "国家公园周边违规建设民宿、茶庄，侵占生态保护红线。",
            "高速公路沿线采石场开采无序，粉尘和噪声污染群众反映强烈。",
            "部分汽修、喷涂企业挥发性有机物收集效率低，活性炭长期未更换。",
            "农村生活垃圾转运不及时，河道沿岸垃圾乱堆乱放。",
            "城市建成区部分路段雨污管网混接错接，旱天污水溢流入河。",
            "水电站大坝下游减水河段生物多样性受损，鱼类洄游通道阻断。",
            "工业固体废物综合利用率偏低，部分粉煤灰、脱硫石膏长期露天堆存。",
            "医疗机构污水消毒处理设施运行不规范，在线监测数据造假。",
            "部分耕地土壤重金属超标，受污染耕地安全利用措施落实不到位。",
            "空气质量自动监测站点周边存在人为干扰，监测数据质量控制不严。");

    /** Units of each task of the different list (the sample's roster, other combinations). */
    private static final List<String> DIFFERENT_UNITS = List.of(
            "古田县、屏南县", "蕉城区、福安市", "福安市、福鼎市", "各县（市、区）", "屏南县、周宁县", "寿宁县、柘荣县",
            "霞浦县、古田县", "周宁县", "屏南县、寿宁县", "蕉城区、福鼎市", "福安市、蕉城区", "各县（市、区）",
            "蕉城区、福安市", "古田县、周宁县", "福安市", "蕉城区", "福安市、蕉城区", "市生态环境局");

    private OtherLists() {
    }

    /** The different list: 18 tasks under three long-form section rows, as an .xlsx. */
    public static Path differentList(Path file) {
        List<List<String>> rows = new ArrayList<>();
        String[] sections = {"一、中央生态环境保护督察反馈问题（8项）", "二、省级督察交办问题（6项）", "三、举一反三排查问题（4项）"};
        for (int i = 0; i < DIFFERENT_PROBLEMS.size(); i++) {
            if (i == 0 || i == 8 || i == 14) {
                rows.add(List.of(sections[i == 0 ? 0 : i == 8 ? 1 : 2]));
            }
            rows.add(List.of(String.valueOf(i + 1), "", i % 2 == 0 ? "水环境" : "大气环境", DIFFERENT_PROBLEMS.get(i),
                    "问题整改到位", "制定整改方案，倒排工期", DIFFERENT_UNITS.get(i), "", "", "2026年底前", ""));
        }
        return write(file, rows);
    }

    /** The sample's own list (45 tasks, columns as in the sample file), each row changed by {@code edit}. */
    public static Path sampleList(Path file, UnaryOperator<TaskInput> edit) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskInput t : SampleMeeting.readTasks()) {
            TaskInput in = edit.apply(t);
            rows.add(List.of(in.seq(), in.source(), in.category(), in.problem(), in.target(), in.measures(), in.units(),
                    in.supportingUnits(), in.leader(), in.deadline(), in.remarks()));
        }
        return write(file, rows);
    }

    /** The sample's list with task {@code seq}'s units replaced. */
    public static UnaryOperator<TaskInput> units(int seq, String units) {
        return t -> !t.seq().equals(String.valueOf(seq)) ? t : new TaskInput(t.seq(), t.source(), t.category(),
                t.problem(), t.target(), t.measures(), units, t.supportingUnits(), t.leader(), t.deadline(), t.remarks());
    }

    /** A row with one cell is a section row, merged across the table. */
    private static Path write(Path file, List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("任务清单");
            sheet.createRow(0).createCell(0).setCellValue("生态环境保护重点工作任务清单");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
            Row h = sheet.createRow(1);
            for (int c = 0; c < HEADER.size(); c++) {
                h.createCell(c).setCellValue(HEADER.get(c));
            }
            int r = 2;
            for (List<String> values : rows) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
                if (values.size() == 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, HEADER.size() - 1));
                }
                r++;
            }
            wb.write(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
