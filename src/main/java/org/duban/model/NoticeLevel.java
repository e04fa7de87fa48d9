package org.duban.model;

/** The two written rungs of the supervision ladder. */
public enum NoticeLevel {
    /** 催办单: the first written chaser, to a unit with overdue or lagging shares. */
    CHASE(1),
    /** 督办通知书: the second, when a 催办单 went unanswered or the shares are still overdue. */
    ORDER(2);

    private final int number;

    NoticeLevel(int number) {
        this.number = number;
    }

    /** 1 or 2, as stored and as the CLI's {@code --level} takes it. */
    public int number() {
        return number;
    }

    public static NoticeLevel of(int number) {
        for (NoticeLevel l : values()) {
            if (l.number == number) {
                return l;
            }
        }
        throw new IllegalArgumentException("level must be 1 or 2: " + number);
    }
}
