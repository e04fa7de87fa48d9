package org.duban.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Task lists written the way offices write them: "附件1" and a merged title above the heading, headings with
 * line breaks and synonyms (问题描述, 具体措施, 牵头单位, 协办单位, 责任人, 整改时限), section rows (一、 / （一）)
 * with counts, several units per cell with mixed separators, 各县(市、区), alias spellings, every deadline form
 * (one as a real date cell), line breaks in cells, a 责任单位 cell merged over two tasks, and a footnote.
 */
public final class OfficeLists {
    public static final String TITLE = "宁德市生态环境保护重点工作任务清单";
    public static final List<String> HEADER = List.of("序号", "问题描述", "整改目标", "具体\n措施", "牵头\n单位", "协办单位",
            "责任人", "整改时限", "备注");
    /** A section row: one text across the table. */
    private static final String SECTION = "§";

    /** Expected outcome of the messy list. */
    public static final int TASKS = 14;
    public static final int ASSIGNMENTS = 48;
    public static final Map<String, Integer> PER_UNIT = Map.ofEntries(
            Map.entry("蕉城区", 5), Map.entry("福安市", 4), Map.entry("福鼎市", 4), Map.entry("霞浦县", 5),
            Map.entry("古田县", 5), Map.entry("屏南县", 6), Map.entry("寿宁县", 4), Map.entry("周宁县", 5),
            Map.entry("柘荣县", 6), Map.entry("东侨经济技术开发区", 2), Map.entry("市生态环境局", 1),
            Map.entry("市住房和城乡建设局", 1));
    public static final String SOURCE_1 = "中央生态环境保护督察反馈问题";
    public static final String SOURCE_2 = "省级督察交办问题";
    public static final String SOURCE_3 = "举一反三排查问题";

    private OfficeLists() {
    }

    /** The rows below the heading; a row of one {@link #SECTION}-marked text is a section row. */
    public static List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(section("一、" + SOURCE_1 + "（4项）"));
        rows.add(task(1, "三都澳海域海上养殖无序扩张，\n泡沫浮球等养殖设施老化破损。", "全面清理违规养殖设施",
                "1.开展清理整治“回头看”；\n2.全面推广环保浮球。", "蕉城区、福安市人民政府、霞浦县委、县政府",
                "市海渔局、市生态环境局", "区（市、县）党政主要负责同志", "2026年6月底前", "挂牌督办"));
        rows.add(task(2, "部分小水电站未落实生态流量下泄。", "生态流量全部足额下泄", "逐站核定生态流量",
                "屏南县,寿宁县，周宁县;柘荣县／古田县", "市水利局", "县委书记、县长", "2026年第三季度", "挂牌督办；每月报送"));
        rows.add(task(3, "乡镇生活污水处理设施运行负荷率低。", "正常运行率达到95%以上", "实施雨污分流改造",
                "各县(市、区)", "市住建局", "各县（市、区）政府分管负责同志", "2026年底前", ""));
        rows.add(task(4, "入海排污口排查整治不到位。", "非法排污口全部清理", "“一口一策”分类整治",
                "各县（市、区）、东侨开发区", "市生态环境局", "", "2026年三季度末", ""));
        rows.add(section("二、" + SOURCE_2));
        rows.add(section("（一）大气环境"));
        rows.add(task(5, "城区建筑工地扬尘管控不到位。", "扬尘管控“六个百分百”落实", "加强巡查执法", "蕉城区委、区政府",
                "市住建局", "", "2026.9.30", ""));
        rows.add(task(6, "开发区企业挥发性有机物无组织排放。", "完成VOCs治理", "一企一策", "东侨经济技术开发区党工委、管委会",
                "", "", LocalDate.of(2026, 10, 31), ""));
        rows.add(task(7, "露天焚烧秸秆现象时有发生。", "杜绝露天焚烧", "网格化巡查", "福鼎市（牵头）", "市农业农村局", "",
                "2026年8月31日前", ""));
        rows.add(section("（二）水环境"));
        rows.add(task(8, "重点流域水质监测能力不足。", "建成自动监测站", "新建监测站", "宁德市生态环境局", "", "", "2027年上半年",
                ""));
        rows.add(task(9, "城市黑臭水体返黑返臭。", "消除黑臭水体", "截污纳管", "市住建局\n各县(市、区)", "", "", "立行立改", ""));
        rows.add(task(10, "饮用水水源保护区内违章建筑未拆除。", "拆除违章建筑", "依法拆除", "古田", "", "", "长期坚持", ""));
        rows.add(section("三、" + SOURCE_3));
        rows.add(task(11, "畜禽养殖废弃物资源化利用率低。", "利用率达到90%", "推广种养结合", "柘荣县、屏南县", "", "",
                "立行立改,长期坚持", ""));
        rows.add(task(12, "农村生活垃圾收运体系不健全。", "收运体系全覆盖", "完善收运设施", null, "", "", "2026年12月31日", ""));
        rows.add(task(13, "矿山生态修复进度滞后。", "完成修复", "=SUM(A1:A3) 写成文字的措施", "霞浦县人民政府", "", "", "2026-07-15", ""));
        rows.add(task(14, "海漂垃圾清理不及时。", "常态化清理", "落实网格化清理", "周宁县委", "", "", "2026年底前\n长期坚持", ""));
        rows.add(section("注：完成时限为“长期坚持”的任务须每月报送进展。"));
        return rows;
    }

    private static List<Object> section(String text) {
        return List.of(SECTION + text);
    }

    public static List<Object> task(int seq, String problem, String target, String measures, String units,
                                     String supporting, String leader, Object deadline, String remarks) {
        List<Object> r = new ArrayList<>();
        r.add(seq);
        r.add(problem);
        r.add(target);
        r.add(measures);
        r.add(units);
        r.add(supporting);
        r.add(leader);
        r.add(deadline);
        r.add(remarks);
        return r;
    }

    /** Imports the messy list into a meeting (written to {@code dir}); for tests that start from imported tasks. */
    public static void importInto(org.duban.persistence.Database db, org.duban.model.Meeting meeting, Path dir) {
        org.duban.service.importer.TaskImporter importer = Wired.of(db).plainImporter();
        importer.apply(importer.read(xlsx(dir.resolve("清单.xlsx"))),
                new org.duban.service.importer.ImportTarget.Existing(meeting.id()),
                org.duban.service.importer.ImportOptions.DEFAULT, (d, t) -> { });
    }

    /** The messy list as .xlsx. */
    public static Path xlsx(Path file) {
        return write(new XSSFWorkbook(), rows(), file);
    }

    /** The same list as an old .xls (BIFF8). */
    public static Path xls(Path file) {
        return write(new HSSFWorkbook(), rows(), file);
    }

    /**
     * The messy list as a Word document (issue 14): "附件1" and the title as paragraphs, the heading and rows as a table,
     * section rows as one cell across it, the 责任单位 cell merged down over two tasks (vMerge), the date as text.
     */
    public static Path docx(Path file) {
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        List<List<Object>> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> values = rows.get(i);
            if (values.size() == 1) {
                table.add(List.of(WordLists.SPAN + ((String) values.get(0)).substring(1)));
                continue;
            }
            boolean mergedBelow = i + 1 < rows.size() && rows.get(i + 1).size() > 4 && rows.get(i + 1).get(4) == null;
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                String text = v == null ? WordLists.UP : v instanceof LocalDate d
                        ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日" : v.toString();
                cells.add(c == 4 && mergedBelow ? WordLists.DOWN + text : text);
            }
            table.add(cells);
        }
        return WordLists.write(file, List.of("附件1", TITLE, "（2026年3月19日交办会）"), table);
    }

    /** A list with the given task rows (no sections), for focused tests. */
    public static Path xlsx(Path file, List<List<Object>> rows) {
        return write(new XSSFWorkbook(), rows, file);
    }

    private static Path write(Workbook wb, List<List<Object>> rows, Path file) {
        try (wb) {
            Sheet sheet = wb.createSheet("任务清单");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            int last = HEADER.size() - 1;
            sheet.createRow(0).createCell(0).setCellValue("附件1");
            sheet.createRow(1).createCell(0).setCellValue(TITLE);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            sheet.createRow(2).createCell(0).setCellValue("（2026年3月19日交办会）");
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, last));
            Row header = sheet.createRow(3);
            for (int c = 0; c <= last; c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            int r = 4;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r);
                if (values.size() == 1 && values.get(0) instanceof String s && s.startsWith(SECTION)) {
                    row.createCell(0).setCellValue(s.substring(1));
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
                } else {
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        Cell cell = row.createCell(c);
                        if (v instanceof Integer n) {
                            cell.setCellValue(n);
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (v != null) {
                            cell.setCellValue((String) v);
                        }
                    }
                    if (values.get(4) == null) { // 责任单位 merged with the row above, as offices do
                        sheet.addMergedRegion(new CellRangeAddress(r - 1, r, 4, 4));
                    }
                }
                r++;
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The list as CSV in a given encoding (GBK as Chinese Excel saves it; UTF-8 optionally with a BOM). */
    public static Path csv(Path file, Charset charset, boolean bom) {
        StringBuilder sb = new StringBuilder();
        sb.append(TITLE).append(",,,,,,,,\r\n");
        sb.append(String.join(",", HEADER.stream().map(OfficeLists::quote).toList())).append("\r\n");
        String lastUnits = "";
        for (List<Object> values : rows()) {
            List<String> cells = new ArrayList<>();
            if (values.size() == 1) {
                cells.add(quote(((String) values.get(0)).substring(1)));
            } else {
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    String s = v == null ? lastUnits : v instanceof LocalDate d ? d.toString() : v.toString();
                    cells.add(quote(s));
                }
                lastUnits = values.get(4) == null ? lastUnits : (String) values.get(4);
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        try {
            byte[] body = sb.toString().getBytes(charset);
            byte[] out = body;
            if (bom) {
                out = new byte[body.length + 3];
                out[0] = (byte) 0xEF;
                out[1] = (byte) 0xBB;
                out[2] = (byte) 0xBF;
                System.arraycopy(body, 0, out, 3, body.length);
            }
            Files.write(file, out);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
