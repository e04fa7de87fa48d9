package org.duban.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.duban.service.io.CsvReader;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        String csv = "\uFEFF序号,问题\r\n1,\"一，二, \"\"三\"\"\n四\"\r\n\n2,简单\n";
        List<List<String>> rows = CsvReader.parse(csv);
        assertEquals(List.of(List.of("序号", "问题"), List.of("1", "一，二, \"三\"\n四"), List.of("2", "简单")), rows);
    }

    @Test
    void emptyFieldsAreKept() {
        assertEquals(List.of(List.of("a", "", "c", "")), CsvReader.parse("a,,c,"));
    }
}
