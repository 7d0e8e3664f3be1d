package lab.sharpminima.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.sharpminima.engine.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetsTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path p = dir.resolve("data.csv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private void assertRejected(String content, Targets targets, String message) throws IOException {
        Path p = file(content);
        assertThatThrownBy(() -> CsvDatasets.read(p, targets))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(p + message);
    }

    @Test
    void readsRegressionWithHeaderBlankLinesAndQuotes() throws Exception {
        Dataset d = CsvDatasets.read(file("\uFEFF\"x1\", x2 ,y\n1,2,3\n\n-0.5, 2.5e-1 ,+4\n"), Targets.REGRESSION);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.x().data).containsExactly(1, 2, -0.5, 0.25);
        assertThat(d.y().data).containsExactly(3, 4);
    }

    @Test
    void readsWithoutHeaderAndWithAChosenNumberOfInputs() throws Exception {
        Dataset d = CsvDatasets.read(file("1,2,3\n4,5,6\n"), Targets.REGRESSION, 1);
        assertThat(d.inputDimension()).isEqualTo(1);
        assertThat(d.outputDimension()).isEqualTo(2);
        assertThat(d.x().data).containsExactly(1, 4);
        assertThat(d.y().data).containsExactly(2, 3, 5, 6);
    }

    @Test
    void classLabelsBecomeOneHotRows() throws Exception {
        Dataset d = CsvDatasets.read(file("a,b,label\n0.1,0.2,2\n0.3,0.4,0\n0.5,0.6,1.0\n"), Targets.CLASSES);
        assertThat(d.outputDimension()).isEqualTo(3);
        assertThat(d.y().data).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
        assertThat(d.x().data).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
    }

    @Test
    void raggedRowsNameTheLine() throws IOException {
        assertRejected("x,y\n1,2\n3,4,5\n", Targets.REGRESSION, ", line 3: has 3 columns, expected 2 as on line 1");
    }

    @Test
    void nonNumericAndNonFiniteCellsNameLineAndColumn() throws IOException {
        assertRejected("1,2\n3,abc\n", Targets.REGRESSION, ", line 2, column 2: 'abc' is not a number");
        assertRejected("1,2\nNaN,4\n", Targets.REGRESSION, ", line 2, column 1: 'NaN' is not a finite number");
        assertRejected("1,2\n3,-Infinity\n", Targets.REGRESSION, ", line 2, column 2: '-Infinity' is not a finite number");
        assertRejected("1,2\n3,1e999\n", Targets.REGRESSION, ", line 2, column 2: '1e999' is too large for a double");
        assertRejected("1,2\n3,\n", Targets.REGRESSION, ", line 2, column 2: empty cell");
        assertRejected("1,2\n0x10,4\n", Targets.REGRESSION, ", line 2, column 1: '0x10' is not a number");
    }

    @Test
    void aFirstLineMixingWordsAndNumbersIsATypoNotAHeader() throws IOException {
        assertRejected("1,2.o,3\n4,5,6\n", Targets.REGRESSION, ", line 1, column 2: '2.o' is not a number");
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() throws IOException {
        assertRejected("", Targets.REGRESSION, ": the file is empty");
        assertRejected("\n  \n", Targets.REGRESSION, ": the file is empty");
        assertRejected("x,y\n", Targets.REGRESSION, ": has a header but no data rows");
    }

    @Test
    void oneColumnAndTooManyInputsAreRefused() throws IOException {
        assertRejected("1\n2\n", Targets.REGRESSION, ": needs at least 2 columns (inputs, then the target), found 1");
        Path p = file("1,2\n3,4\n");
        assertThatThrownBy(() -> CsvDatasets.read(p, Targets.REGRESSION, 2))
                .hasMessage(p + ": 2 input columns asked for, but rows have only 2 columns and at least one"
                        + " target column is needed");
        Path q = file("1,2,3\n3,4,5\n");
        assertThatThrownBy(() -> CsvDatasets.read(q, Targets.CLASSES, 1))
                .hasMessage(q + ": classes need exactly one label column after the 1 input columns, found 2");
    }

    @Test
    void badLabelsAreRefused() throws IOException {
        assertRejected("1,0\n2,1.5\n", Targets.CLASSES,
                ", line 2, column 2: class label must be a non-negative integer, got 1.5");
        assertRejected("x,c\n1,0\n2,-1\n", Targets.CLASSES,
                ", line 3, column 2: class label must be a non-negative integer, got -1.0");
        assertRejected("1,0\n2,5000\n", Targets.CLASSES,
                ", line 2, column 2: class label 5000 is too large (labels are 0..999)");
        assertRejected("1,0\n2,0\n", Targets.CLASSES,
                ": every label is 0; classification needs at least 2 classes");
    }

    @Test
    void missingFileIsADataFormatException() {
        Path p = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvDatasets.read(p, Targets.REGRESSION))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(p + ": no such file");
    }

    @Test
    void messagesAreOneLine() throws IOException {
        Path p = file("1,2\n3,x\n");
        assertThatThrownBy(() -> CsvDatasets.read(p, Targets.REGRESSION))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
