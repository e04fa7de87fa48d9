package org.duban.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.persistence.Database;
import org.duban.service.units.RosterService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * {@code units list|add|alias|rename|retire|reinstate|merge}: the unit roster on the command line (other offices'
 * scripts call these names). A UNIT is written as its full name, short name or an alias. Every change is audited
 * and names stay unique across names, short names and aliases.
 */
@Command(name = "units", mixinStandardHelpOptions = true,
        subcommands = {UnitsCommand.ListUnits.class, UnitsCommand.Add.class, UnitsCommand.Alias.class,
                UnitsCommand.Rename.class, UnitsCommand.Retire.class, UnitsCommand.Reinstate.class,
                UnitsCommand.Merge.class})
final class UnitsCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.tr("cli.units.what"));
    }

    /** Opens the ledger for writing, makes the change and prints the line {@code work} returns. */
    int change(java.util.function.Function<RosterService, String> work) {
        try (Database db = parent.openDatabase()) {
            RosterService roster = parent.services(db).roster();
            roster.ensureDefaultRoster();
            parent.out().println(work.apply(roster));
            parent.out().flush();
        }
        return 0;
    }

    static String kindText(UnitKind k) {
        return k.isCountyLevel() ? Messages.tr("unit.kind.group", Messages.tr(k.labelKey())) : Messages.tr(k.labelKey());
    }

    /** {@code units list [--json]}: the roster in order, with retired and merged units marked. */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListUnits implements Callable<Integer> {
        @ParentCommand
        UnitsCommand units;

        @Option(names = "--json", descriptionKey = "json")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = units.parent.openReadOnly()) {
                db.requireCurrentSchema();
                List<Unit> all = units.parent.services(db).roster().all();
                Map<Long, String> names = new LinkedHashMap<>();
                all.forEach(u -> names.put(u.id(), u.name()));
                PrintWriter out = units.parent.out();
                if (json) {
                    List<Object> list = new ArrayList<>();
                    for (Unit u : all) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", u.id());
                        m.put("name", u.name());
                        m.put("shortName", u.shortName());
                        m.put("kind", u.kind().name());
                        m.put("aliases", new ArrayList<Object>(u.aliases()));
                        m.put("order", u.sortOrder());
                        m.put("retiredOn", u.retiredOn() == null ? null : u.retiredOn().toString());
                        m.put("mergedInto", u.mergedInto() == null ? null : names.get(u.mergedInto()));
                        list.add(m);
                    }
                    out.print(Json.write(list));
                } else {
                    int n = 1;
                    for (Unit u : all) {
                        String state = u.mergedInto() != null
                                ? Messages.tr("cli.units.merged", names.getOrDefault(u.mergedInto(), "?"), u.retiredOn())
                                : u.retired() ? Messages.tr("cli.units.retired", u.retiredOn()) : "";
                        out.println(StatsCommand.pad(String.valueOf(n++), 4) + StatsCommand.pad(u.name(), 24)
                                + StatsCommand.pad(u.shortName(), 14) + StatsCommand.pad(kindText(u.kind()), 20)
                                + (u.aliases().isEmpty() ? "" : Messages.tr("cli.units.aliases", String.join("；", u.aliases())))
                                + state);
                    }
                }
                out.flush();
            }
            return 0;
        }
    }

    /** {@code units add NAME [--short S] [--kind KIND] [--alias A]...}. */
    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UnitsCommand units;

        @Parameters(paramLabel = "NAME", descriptionKey = "units.name")
        String name;

        @Option(names = "--short", paramLabel = "TEXT", descriptionKey = "units.short")
        String shortName;

        @Option(names = "--kind", paramLabel = "KIND", descriptionKey = "units.kind")
        UnitKind kind = UnitKind.CITY_DEPARTMENT;

        @Option(names = "--alias", paramLabel = "TEXT", descriptionKey = "units.alias")
        List<String> aliases = new ArrayList<>();

        @Override
        public Integer call() {
            return units.change(r -> {
                Unit u = r.add(new RosterService.NewUnit(name, shortName, kind, aliases));
                return Messages.tr("cli.units.added", u.name(), u.shortName(), kindText(u.kind()));
            });
        }
    }

    /** {@code units alias UNIT ALIAS... [--remove]}: other spellings of a unit met in lists. */
    @Command(name = "alias", mixinStandardHelpOptions = true)
    static final class Alias implements Callable<Integer> {
        @ParentCommand
        UnitsCommand units;

        @Parameters(index = "0", paramLabel = "UNIT", descriptionKey = "units.unit")
        String unit;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ALIAS", descriptionKey = "units.aliases")
        List<String> aliases;

        @Option(names = "--remove", descriptionKey = "units.removeAlias")
        boolean remove;

        @Override
        public Integer call() {
            return units.change(r -> {
                Unit u = r.find(unit);
                Unit changed;
                if (remove) {
                    List<String> kept = new ArrayList<>(u.aliases());
                    kept.removeAll(aliases);
                    changed = r.setAliases(u.id(), kept);
                } else {
                    changed = r.addAliases(u.id(), aliases);
                }
                return Messages.tr("cli.units.aliasesNow", changed.name(),
                        changed.aliases().isEmpty() ? "—" : String.join("；", changed.aliases()));
            });
        }
    }

    /** {@code units rename UNIT NEW-NAME [--drop-old-name]}: the old name stays as an alias unless dropped. */
    @Command(name = "rename", mixinStandardHelpOptions = true)
    static final class Rename implements Callable<Integer> {
        @ParentCommand
        UnitsCommand units;

        @Parameters(index = "0", paramLabel = "UNIT", descriptionKey = "units.unit")
        String unit;

        @Parameters(index = "1", paramLabel = "NEW-NAME", descriptionKey = "units.newName")
        String newName;

        @Option(names = "--drop-old-name", descriptionKey = "units.dropOldName")
        boolean dropOldName;

        @Override
        public Integer call() {
            return units.change(r -> {
                Unit u = r.find(unit);
                Unit renamed = r.rename(u.id(), newName, !dropOldName);
                return Messages.tr("cli.units.renamed", u.name(), renamed.name());
            });
        }
    }

    /** {@code units retire UNIT [--on DATE]}: the unit keeps its history and takes no new task. */
    @Command(name = "retire", mixinStandardHelpOptions = true)
    static final class Retire implements Callable<Integer> {
        @ParentCommand
        UnitsCommand units;

        @Parameters(paramLabel = "UNIT", descriptionKey = "units.unit")
        String unit;

        @Option(names = "--on", paramLabel = "DATE", descriptionKey = "units.on", converter = StatsCommand.DateConverter.class)
        LocalDate on;

        @Override
        public Integer call() {
            return units.change(r -> {
                Unit u = r.find(unit);
                Unit retired = r.retire(u.id(), on == null ? units.parent.today() : on);
                return Messages.tr("cli.units.retiredDone", retired.name(), retired.retiredOn());
            });
        }
    }

    /** {@code units reinstate UNIT}: a retired unit back in the roster. */
    @Command(name = "reinstate", mixinStandardHelpOptions = true)
    static final class Reinstate implements Callable<Integer> {
        @ParentCommand
        UnitsCommand units;

        @Parameters(paramLabel = "UNIT", descriptionKey = "units.unit")
        String unit;

        @Override
        public Integer call() {
            return units.change(r -> {
                Unit u = r.all().stream().filter(x -> x.retired() && x.mergedInto() == null
                        && (x.name().equals(unit) || x.shortName().equals(unit) || x.aliases().contains(unit)))
                        .findFirst().orElseGet(() -> r.find(unit));
                return Messages.tr("cli.units.reinstated", r.reinstate(u.id()).name());
            });
        }
    }

    /** {@code units merge UNIT INTO}: the shares of UNIT go to INTO; UNIT is retired, its names mean INTO. */
    @Command(name = "merge", mixinStandardHelpOptions = true)
    static final class Merge implements Callable<Integer> {
        @ParentCommand
        UnitsCommand units;

        @Parameters(index = "0", paramLabel = "UNIT", descriptionKey = "units.mergeFrom")
        String from;

        @Parameters(index = "1", paramLabel = "INTO", descriptionKey = "units.mergeInto")
        String into;

        @Override
        public Integer call() {
            return units.change(r -> {
                Unit f = r.find(from);
                Unit t = r.find(into);
                RosterService.Merge m = r.merge(f.id(), t.id());
                return Messages.tr("cli.units.mergedDone", m.from().name(), m.into().name(), m.moved(), m.withdrawn());
            });
        }
    }
}
