package org.duban.service.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The words a generated task list is made of: the problems, targets and measures of real rectification lists
 * (问题类别 by 问题类别), place names of a coastal prefecture, and the phrases units use in their 调度 reports.
 * Parts are drawn and joined, so texts have the lengths of real ones (problems of 50–130 characters, measures
 * of 100–250) without two tasks reading the same.
 */
final class PhraseBank {
    static final String[] SOURCES = {"中央生态环境保护督察", "省级生态环境保护督察", "市级排查", "举一反三"};
    static final int[] SOURCE_WEIGHTS = {40, 25, 20, 15};

    static final String[] TOWNS = {"城南片区", "湾坞镇", "赛岐镇", "溪南镇", "三沙镇", "秦屿镇", "城关镇", "甘棠镇",
        "下白石镇", "牙城镇", "长桥镇", "鹤塘镇", "黄柏乡", "七都镇", "漳湾镇", "飞鸾镇", "松城街道", "富溪镇",
        "店下镇", "沙埕镇", "北壁乡", "大甲镇", "平湖镇", "双溪镇", "代溪镇", "犀溪镇", "咸村镇", "城郊乡", "金涵乡",
        "南岸工业园区", "经济开发区东片", "临港工业区", "东湖片区", "八都镇", "虎贝镇", "洪口乡"};
    static final String[] RIVERS = {"霍童溪", "交溪", "穆阳溪", "杨家溪", "古田溪", "七步溪", "龙亭溪", "赤溪",
        "东溪", "桂阳溪", "龟湖溪", "长溪"};

    /** One category: what is wrong (subject, fault, effect), what to reach, and the steps to take. */
    record Category(String name, String[] subjects, String[] faults, String[] effects, String[] targets,
                    String[] measures) {
    }

    static final Category[] CATEGORIES = {
        new Category("水环境",
            new String[] {"{river}{town}段沿线", "{town}集镇区", "{town}生活污水处理厂", "{town}农村生活污水处理设施",
                "{river}流域养殖场", "{town}工业集中区"},
            new String[] {"生活污水收集管网不完善，雨污混流问题突出", "多处排口存在污水直排现象，截污纳管工作滞后",
                "污水处理设施进水浓度偏低、出水超标，运维管理不到位", "畜禽养殖废水未经处理直排入河",
                "企业雨水排口检出超标废水，疑似雨污混排", "河道垃圾清理不及时，岸线乱堆乱放"},
            new String[] {"下游断面氨氮、总磷浓度超过Ⅲ类水质标准", "群众反映强烈，信访件反复发生",
                "雨季溢流明显，水体黑臭反弹", "汛期水质波动较大，影响饮用水源安全"},
            new String[] {"完成截污纳管和雨污分流改造，污水集中收集率达到90%以上", "国控、省控断面水质稳定达到Ⅲ类",
                "污水处理设施正常运行率达到95%以上，出水稳定达标", "入河排污口全部完成规范化整治"},
            new String[] {"开展管网排查，建立问题清单和整改台账", "实施雨污分流改造和破损管网修复",
                "落实第三方运维考核，运维费用与出水水质挂钩", "对沿线排口逐一溯源，明确责任主体",
                "建立河长巡河和问题交办机制，每周巡查不少于两次", "依法查处违法排污行为，形成高压态势"}),
        new Category("大气环境",
            new String[] {"{town}建筑工地", "{town}不锈钢冶炼企业", "{town}砂石料场", "城区渣土运输车辆",
                "{town}家具喷涂作坊", "{town}餐饮集中区"},
            new String[] {"扬尘防治“六个百分百”落实不到位，裸土未覆盖", "原料堆场防尘网破损，道路积尘明显",
                "挥发性有机物无组织排放，废气收集处理设施未正常运行", "渣土车未密闭运输，沿路抛洒滴漏",
                "油烟净化设施缺失或未正常使用", "露天焚烧垃圾秸秆现象时有发生"},
            new String[] {"周边群众投诉较多", "细颗粒物浓度同比上升", "空气质量优良天数比例下降",
                "被上级督察通报"},
            new String[] {"扬尘管控措施全面落实，建成区降尘量明显下降", "废气排放稳定达标，无组织排放得到有效控制",
                "空气质量优良天数比例保持在98%以上", "群众投诉量同比下降50%以上"},
            new String[] {"对在建工地开展全覆盖检查，落实扬尘管控责任", "督促企业完成料场全封闭改造",
                "安装在线监测和视频监控并联网", "开展渣土车专项整治，严查未密闭运输行为",
                "建立“一企一档”，实施分类管控", "组织“回头看”，防止问题反弹"}),
        new Category("土壤",
            new String[] {"{town}原化工厂地块", "{town}废弃电镀企业遗留场地", "{town}农用地", "{town}尾矿库"},
            new String[] {"土壤污染状况调查未开展即进入开发利用程序", "遗留危险废物未清理，存在渗漏风险",
                "重金属含量超过风险筛选值，安全利用措施未落实", "渗滤液收集设施不完善"},
            new String[] {"存在较大环境风险", "周边地下水存在污染隐患", "影响农产品质量安全"},
            new String[] {"完成土壤污染状况调查和风险评估，受污染地块安全利用率达到95%以上",
                "遗留危险废物全部清理处置", "地块风险管控措施全面落实"},
            new String[] {"委托有资质单位开展土壤污染状况调查", "清运处置遗留危险废物，做好转移联单管理",
                "落实风险管控措施，设立警示标志", "建立地块开发利用联动监管机制"}),
        new Category("固体废物",
            new String[] {"{town}生活垃圾填埋场", "{town}建筑垃圾消纳场", "{town}一般工业固废堆场", "{town}医疗废物暂存点"},
            new String[] {"渗滤液调节池高液位运行，存在溢流风险", "建筑垃圾乱堆乱倒，未规范处置",
                "工业固废露天堆放，防渗防流失措施缺失", "危险废物贮存不规范，台账记录不全"},
            new String[] {"环境隐患突出", "被群众多次举报", "造成周边水体污染"},
            new String[] {"渗滤液处理能力满足需求，调节池保持安全液位", "固体废物全部规范贮存、处置",
                "建立全过程监管体系，实现固废处置闭环管理"},
            new String[] {"新增渗滤液应急处理设备，加快扩容提标改造", "清理整治非法堆放点，恢复场地原貌",
                "完善防渗、防雨、防流失设施", "规范危险废物台账和转移联单管理", "纳入日常执法检查清单"}),
        new Category("生态保护",
            new String[] {"{town}自然保护区实验区", "{town}饮用水水源保护区", "{town}废弃矿山", "{river}岸线",
                "{town}小水电站"},
            new String[] {"存在违规建设项目，生态修复未到位", "一级保护区内仍有违规设施和农业种植",
                "未按要求落实生态流量下泄，下游河段出现减脱水", "矿山开采后未及时复绿，水土流失严重"},
            new String[] {"生态功能受损", "保护区管理存在漏洞", "影响生物多样性"},
            new String[] {"违规设施全部拆除，生态修复面积达到100%", "生态流量全部足额下泄，监测设施联网率达到100%",
                "保护区管理规范化，违法违规问题动态清零"},
            new String[] {"逐项核定违规项目，制定“一点一策”整改方案", "加装生态流量泄放和在线监测设施",
                "实施复绿和生态修复工程", "对拒不整改的项目依法实施关停退出", "建立常态化巡查机制"}),
        new Category("海洋",
            new String[] {"{town}海域海上养殖", "{town}入海排污口", "{town}沿海岸段", "{town}渔港"},
            new String[] {"养殖设施无序扩张，部分渔排超出规划范围", "非法和设置不合理排污口仍在排放",
                "泡沫浮球老化破损，海漂垃圾问题突出", "船舶含油污水收集处置不规范"},
            new String[] {"近岸海域水质下降", "海洋生态环境受到影响", "群众反映强烈"},
            new String[] {"全面清理违规养殖设施，完成泡沫浮球环保替代", "入海排污口“查、测、溯、治”全部完成",
                "近岸海域优良水质比例达到90%以上"},
            new String[] {"开展海上养殖清理整治“回头看”，建立违规设施台账", "全面推广塑胶渔排和环保浮球",
                "落实海漂垃圾网格化常态化清理", "实施入海排污口“一口一策”分类整治", "纳入日常执法检查"}),
    };

    /** What real lists add to a step: when, how often, who answers for it. */
    static final String[] STEP_TERMS = {"，{m}月底前完成", "，每月调度一次进展", "，形成问题、责任、措施“三张清单”",
        "，做到整改一处、销号一处", "，由属地乡镇（街道）具体落实", "，明确责任人和完成时限", "，确保不反弹",
        "，整改情况纳入年度考核", "，邀请第三方开展评估"};
    /** How big the problem is. */
    static final String[] EXTENTS = {"，经排查涉及点位{n}处", "，群众信访{n}件次", "，共发现问题{n}个",
        "，涉及企业{n}家", "，累计长度约{n}公里"};

    static final String[] LEADERS = {"区（市、县）党政主要负责同志", "县委书记、县长", "各县（市、区）政府分管负责同志",
        "市生态环境局局长", "分管副县长", "市住房和城乡建设局局长", "市农业农村局局长", "开发区管委会主任"};
    static final String[] STALLS = {"受资金到位影响", "受征地协调影响", "受汛期施工条件影响", "受设备采购周期影响",
        "受第三方运维单位变更影响", "受施工队伍调整影响"};

    private PhraseBank() {
    }

    static String pick(Random rnd, String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    static int pickWeighted(Random rnd, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String place(Random rnd, String template) {
        return template.replace("{town}", pick(rnd, TOWNS)).replace("{river}", pick(rnd, RIVERS));
    }

    /** 问题: where, what is wrong (one or two faults) and what follows. */
    static String problem(Random rnd, Category c) {
        StringBuilder sb = new StringBuilder(place(rnd, pick(rnd, c.subjects()))).append(pick(rnd, c.faults()));
        if (rnd.nextInt(3) > 0) {
            sb.append(pick(rnd, EXTENTS).replace("{n}", String.valueOf(2 + rnd.nextInt(40))));
        }
        String second = pick(rnd, c.faults());
        if (rnd.nextBoolean() && sb.indexOf(second) < 0) {
            sb.append("；").append(second);
        }
        return sb.append("，").append(pick(rnd, c.effects())).append("。").toString();
    }

    static String target(Random rnd, Category c) {
        String t = pick(rnd, c.targets());
        return rnd.nextInt(3) == 0 ? t + "，" + pick(rnd, c.targets()) + "。" : t + "。";
    }

    /** 整改措施: two to four numbered steps. */
    static List<String> measures(Random rnd, Category c) {
        List<String> pool = new ArrayList<>(List.of(c.measures()));
        int n = 3 + rnd.nextInt(3);
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            String term = rnd.nextInt(3) > 0 ? pick(rnd, STEP_TERMS).replace("{m}", String.valueOf(1 + rnd.nextInt(12))) : "";
            steps.add(pool.remove(rnd.nextInt(pool.size())) + term);
        }
        return steps;
    }

    static String numbered(List<String> steps) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            sb.append(i + 1).append('.').append(steps.get(i)).append(i == steps.size() - 1 ? "。" : "；");
        }
        return sb.toString();
    }

    /** What a unit reports at {@code pct}: the step it has reached, as a 调度 report says it. */
    static String progress(List<String> steps, int pct, boolean stalled, Random rnd) {
        if (pct == 100) {
            return "各项整改措施已落实到位，" + clip(steps.get(steps.size() - 1), 24) + "已完成，申请组织验收。";
        }
        if (stalled) {
            return pick(rnd, STALLS) + "，本期进展不大，完成进度为 " + pct + "%，已制定赶进度措施。";
        }
        int k = Math.min(steps.size() - 1, pct * steps.size() / 100);
        StringBuilder sb = new StringBuilder();
        if (k > 0) {
            sb.append("已完成：").append(clip(steps.get(k - 1), 24)).append("。");
        }
        return sb.append("正在推进：").append(clip(steps.get(k), 24)).append("，完成进度约 ").append(pct).append("%。")
                .toString();
    }

    static String clip(String s, int max) {
        String first = s.split("[，；;。]")[0].strip();
        return first.length() <= max ? first : first.substring(0, max) + "…";
    }
}
