package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import org.duban.i18n.Messages;
import org.duban.testing.CliRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A mistake on the command line is said in Chinese (or English), naming the option or word concerned, with exit
 * code 2, and nothing of picocli's English wording reaches the user. Nothing is opened: the mistakes are found
 * before any command runs.
 */
class UsageErrorsTest {

    @AfterEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "export ledger --out x.xlsx   | 错误：没有选项 --out。（用 duban export ledger --help 查看用法）",
        "stats --meting 1             | 错误：没有选项 --meting。是不是要写 --meeting？（用 duban stats --help 查看用法）",
        "chart --out c.png            | 错误：缺少必需的选项 --type=TYPE。（用 duban chart --help 查看用法）",
        "handouts --out               | 错误：选项 --out 后面缺少它的值 DIR。（用 duban handouts --help 查看用法）",
        "statz                        | 错误：没有子命令“statz”。是不是要写 stats / generate / restore？（用 duban --help 查看用法）",
        "stats extra                  | 错误：多余的内容“extra”：这个命令不需要它。（用 duban stats --help 查看用法）",
        "generate --tasks many        | 错误：--tasks 的值“many”不是整数。（用 duban generate --help 查看用法）",
        "stats --meeting 1 --meeting 2 | 错误：选项 --meeting 只能写一次。（用 duban stats --help 查看用法）",
        "backup                       | 错误：缺少 FILE。（用 duban backup --help 查看用法）",
    })
    void eachMistakeIsSaidInChinese(String line, String expected) {
        CliRunner.Result r = CliRunner.run(line.trim().split(" +"));
        assertEquals(2, r.code(), r.err());
        assertEquals(expected.trim(), r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void andInEnglish() {
        Messages.use(Locale.ENGLISH);
        CliRunner.Result r = CliRunner.run("chart", "--out", "c.png");
        assertEquals(2, r.code());
        assertEquals("Error: A required option is missing: --type=TYPE. (see duban chart --help)", r.err().strip());
        CliRunner.Result s = CliRunner.run("stats", "--meting", "1");
        assertEquals("Error: There is no option --meting. Did you mean --meeting? (see duban stats --help)",
                s.err().strip());
    }

    @Test
    void noEnglishFromPicocliInChinese() {
        for (String[] args : new String[][] {{"--bogus"}, {"import"}, {"bench", "--seats", "x"},
                {"due", "--within", "-"}}) {
            String err = CliRunner.run(args).err();
            for (String english : new String[] {"Unknown", "Missing", "Unmatched", "Invalid", "Expected",
                "should be", "not an int"}) {
                assertFalse(err.contains(english), () -> String.join(" ", args) + ": " + err);
            }
        }
    }
}
