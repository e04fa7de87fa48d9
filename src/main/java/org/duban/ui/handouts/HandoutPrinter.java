package org.duban.ui.handouts;

import java.util.List;
import java.util.function.Consumer;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.stage.Window;
import org.duban.i18n.LocalizedException;
import org.duban.service.handout.LayoutPage;
import org.duban.ui.common.TaskRunner;

/**
 * Prints laid-out pages with JavaFX's {@link PrinterJob}: the print dialog chooses the printer and the
 * copies, the page-setup dialog the paper. A whole batch goes as one job. Pages are drawn at their printed
 * size in points and shifted by the printer's margins, so the handout's own margins land where they should;
 * on paper other than A4 the page is scaled to fit.
 *
 * <p>On Linux JavaFX reaches printers only through CUPS, and needs the {@code lpr} command (Debian package
 * {@code cups-bsd}) to hand the job over; see docs/manual.md.
 */
final class HandoutPrinter {
    private final TaskRunner runner;
    private PrinterJob job;

    HandoutPrinter(TaskRunner runner) {
        this.runner = runner;
    }

    private PrinterJob job() {
        if (job == null) {
            if (Printer.getDefaultPrinter() == null && Printer.getAllPrinters().isEmpty()) {
                throw new LocalizedException("handouts.error.noPrinter");
            }
            job = PrinterJob.createPrinterJob();
            if (job == null) {
                throw new LocalizedException("handouts.error.noPrinter");
            }
        }
        return job;
    }

    /** Shows the page-setup dialog; returns the orientation chosen there, or null when cancelled. */
    org.duban.service.handout.PageOrientation pageSetup(Window owner, org.duban.service.handout.PageOrientation current) {
        PrinterJob j = job();
        j.getJobSettings().setPageLayout(layoutFor(j.getPrinter(), current));
        if (!j.showPageSetupDialog(owner)) {
            return null;
        }
        return j.getJobSettings().getPageLayout().getPageOrientation() == PageOrientation.PORTRAIT
                ? org.duban.service.handout.PageOrientation.PORTRAIT
                : org.duban.service.handout.PageOrientation.LANDSCAPE;
    }

    /**
     * Shows the print dialog and, when confirmed, prints the pages in the background as one job.
     *
     * @param copies copies preset in the dialog (the user may change them)
     */
    void print(Window owner, List<LayoutPage> pages, String jobName, int copies, Runnable started,
               Consumer<Integer> done, Consumer<Throwable> failed) {
        if (pages.isEmpty()) {
            return;
        }
        PrinterJob j = job();
        boolean landscape = pages.get(0).geometry().landscape();
        PageLayout wanted = j.getJobSettings().getPageLayout();
        if (wanted == null || (wanted.getPageOrientation() == PageOrientation.LANDSCAPE) != landscape) {
            j.getJobSettings().setPageLayout(layoutFor(j.getPrinter(), landscape
                    ? org.duban.service.handout.PageOrientation.LANDSCAPE
                    : org.duban.service.handout.PageOrientation.PORTRAIT));
        }
        j.getJobSettings().setJobName(jobName);
        j.getJobSettings().setCopies(Math.max(1, copies));
        if (!j.showPrintDialog(owner)) {
            return;
        }
        job = null; // the next print starts a new job
        started.run();
        runner.run(() -> {
            PageLayout layout = j.getJobSettings().getPageLayout();
            for (LayoutPage page : pages) {
                if (!j.printPage(layout, printable(page, layout))) {
                    j.cancelJob();
                    throw new LocalizedException("handouts.error.printFailed", j.getJobStatus());
                }
            }
            if (!j.endJob()) {
                throw new LocalizedException("handouts.error.printFailed", j.getJobStatus());
            }
            return pages.size();
        }, done, failed);
    }

    private static PageLayout layoutFor(Printer printer, org.duban.service.handout.PageOrientation o) {
        return printer.createPageLayout(Paper.A4, o == org.duban.service.handout.PageOrientation.PORTRAIT
                ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE, Printer.MarginType.HARDWARE_MINIMUM);
    }

    /**
     * The node the printer prints for a page: the page in points, scaled down if the paper is smaller than
     * the page, and moved up and left by the printer's margins (the printer places the node's origin at the
     * corner of its printable area, not of the sheet).
     */
    static Node printable(LayoutPage page, PageLayout layout) {
        Pane drawn = PageNodes.render(page);
        boolean landscape = layout.getPageOrientation() == PageOrientation.LANDSCAPE
                || layout.getPageOrientation() == PageOrientation.REVERSE_LANDSCAPE;
        double paperW = landscape ? layout.getPaper().getHeight() : layout.getPaper().getWidth();
        double paperH = landscape ? layout.getPaper().getWidth() : layout.getPaper().getHeight();
        double scale = Math.min(1, Math.min(paperW / page.geometry().width(), paperH / page.geometry().height()));
        drawn.getTransforms().addAll(new Translate(-layout.getLeftMargin(), -layout.getTopMargin()),
                new Scale(scale, scale));
        return new Group(drawn);
    }
}
