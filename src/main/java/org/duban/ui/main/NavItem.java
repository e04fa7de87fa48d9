package org.duban.ui.main;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One area of the navigation rail. Only areas that work are listed; later screens (进度图表, 讲义打印, 会议)
 * add an item here in {@code app.AppContext}.
 *
 * @param id       node id of the rail button, e.g. {@code navTasks}
 * @param labelKey bundle key of the label
 * @param icon     Ikonli icon literal
 * @param view     builds the screen the first time it is shown
 */
public record NavItem(String id, String labelKey, String icon, Supplier<Node> view) {
}
