package org.duban.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.chart.ChartKind;
import org.duban.service.chart.ChartRenderer;
import org.duban.service.chart.ChartRequest;
import org.duban.service.chart.ChartService;
import org.duban.service.chart.ChartStyle;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.TrendPeriod;
import org.duban.service.stats.UnitGroup;
import org.duban.service.units.UnitResolver;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * {@code chart --type status|ranking|trend|lights|source|category --out FILE.png|.svg|.pdf [--width W --height H]
 * [--as-of DATE] [--since DATE] [--meeting ID] [--source 来源] [--units counties|departments|all] [--unit NAME]
 * [--period week|month]}: one chart to a file, headless, from the same figures as {@code stats}.
 */
@Command(name = "chart", mixinStandardHelpOptions = true)
final class ChartCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--type", paramLabel = "TYPE", required = true, descriptionKey = "chart.type",
            converter = KindConverter.class)
    ChartKind kind;

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "chart.out")
    Path out;

    @Option(names = "--width", paramLabel = "W", descriptionKey = "chart.width")
    int width = ChartRenderer.DEFAULT_WIDTH;

    @Option(names = "--height", paramLabel = "H", descriptionKey = "chart.height")
    int height = ChartRenderer.DEFAULT_HEIGHT;

    @Option(names = "--as-of", paramLabel = "DATE", descriptionKey = "asOf",
            converter = StatsCommand.DateConverter.class)
    LocalDate asOf;

    @Option(names = "--since", paramLabel = "DATE", descriptionKey = "chart.since",
            converter = StatsCommand.DateConverter.class)
    LocalDate since;

    @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "chart.meeting")
    Long meetingId;

    @Option(names = "--source", paramLabel = "SOURCE", descriptionKey = "chart.source")
    String source;

    @Option(names = "--units", paramLabel = "counties|departments|all", descriptionKey = "chart.units",
            converter = GroupConverter.class)
    UnitGroup group = UnitGroup.COUNTIES;

    @Option(names = "--unit", paramLabel = "NAME", descriptionKey = "chart.unit")
    String unit;

    @Option(names = "--period", paramLabel = "week|month", descriptionKey = "chart.period")
    TrendPeriod period = TrendPeriod.MONTH;

    /** {@code status}, {@code ranking} ...; anything else is a usage error that lists the types. */
    static final class KindConverter implements CommandLine.ITypeConverter<ChartKind> {
        @Override
        public ChartKind convert(String value) {
            return ChartKind.ofCliName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    Messages.tr("cli.chart.error.type", value, Arrays.stream(ChartKind.values())
                            .map(ChartKind::cliName).collect(Collectors.joining("|")))));
        }
    }

    static final class GroupConverter implements CommandLine.ITypeConverter<UnitGroup> {
        @Override
        public UnitGroup convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "counties" -> UnitGroup.COUNTIES;
                case "departments" -> UnitGroup.CITY_DEPARTMENTS;
                case "all" -> UnitGroup.ALL;
                default -> throw new CommandLine.TypeConversionException(Messages.tr("cli.chart.error.units", value));
            };
        }
    }

    @Override
    public Integer call() {
        ChartRenderer.Format.of(out); // a wrong extension fails before any work
        try (Database db = parent.openForReading()) { // reads only: works while the window has the ledger open
            Services services = parent.services(db);
            Meeting meeting = CliMeetings.resolve(services.meetings(), meetingId);
            StatsService stats = services.stats();
            LocalDate day = asOf != null ? asOf : stats.today();
            Long unitId = null;
            if (unit != null) {
                Unit u = new UnitResolver(services.repositories().units().findAll()).resolve(unit)
                        .orElseThrow(() -> new LocalizedException("cli.error.unknownUnit", unit));
                unitId = u.id();
            }
            LocalDate from = since != null ? since : ChartService.defaultSince(day);
            ChartRequest request = new ChartRequest(kind, new StatsScope(meeting.id(), source), day, from, group,
                    unitId, period);
            JFreeChart chart = services.charts().build(request, ChartStyle.screen());
            ChartRenderer.write(chart, out, width, height);
            parent.out().println(Messages.tr("cli.chart.done", out.toAbsolutePath(), width, height));
            parent.out().flush();
        }
        return 0;
    }
}
