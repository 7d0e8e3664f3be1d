package lab.sharpminima.engine.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import lab.sharpminima.engine.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a data set from a CSV file (UTF-8, comma-separated, one sample per line).
 *
 * <ul>
 *   <li>The first non-blank line is a header when none of its cells is a number, and is skipped; a
 *       first line mixing numbers and words is an error (a typo is not guessed to be a header).</li>
 *   <li>Blank lines are skipped; cells are trimmed and may be wrapped in double quotes.</li>
 *   <li>The first {@code inputs} columns are the inputs (default: all but the last column), the
 *       rest the targets. With {@link Targets#CLASSES} there must be exactly one target column of
 *       integer labels 0 … k−1 (k = largest label + 1, at least 2), turned into one-hot rows.</li>
 *   <li>Every cell is a finite decimal number ({@code 1}, {@code -0.5}, {@code 2.5e-3}); every row has
 *       as many cells as the first.</li>
 * </ul>
 * Anything else is a {@link DataFormatException} whose one-line message names the file, the line
 * and column where it applies, and what is wrong. Nothing is silently skipped or truncated.
 */
public final class CsvDatasets {

    /** Labels must be below this, which bounds the width of the one-hot matrix. */
    public static final int MAX_CLASSES = 1000;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    private static final int DEFAULT_INPUTS = -1;

    private CsvDatasets() {
    }

    /** Reads {@code path} with all columns but the last as inputs. */
    public static Dataset read(Path path, Targets targets) throws DataFormatException {
        return parse(lines(path), path.toString(), targets, DEFAULT_INPUTS);
    }

    /** Reads {@code path} with the first {@code inputs} columns as inputs (at least 1). */
    public static Dataset read(Path path, Targets targets, int inputs) throws DataFormatException {
        if (inputs < 1) {
            throw new IllegalArgumentException("the number of input columns must be at least 1, got " + inputs);
        }
        return parse(lines(path), path.toString(), targets, inputs);
    }

    private static List<String> lines(Path path) throws DataFormatException {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(path + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new DataFormatException(path + ": not a UTF-8 text file", e);
        } catch (IOException e) {
            throw new DataFormatException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static Dataset parse(List<String> lines, String file, Targets targets, int inputs)
            throws DataFormatException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int columns = -1;
        int firstLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? stripBom(lines.get(i)) : lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = cells(line);
            if (columns < 0) {
                columns = cells.length;
                firstLine = i + 1;
                if (isHeader(cells)) {
                    continue;
                }
            } else if (cells.length != columns) {
                throw new DataFormatException(file + ", line " + (i + 1) + ": has " + cells.length
                        + " columns, expected " + columns + " as on line " + firstLine);
            }
            rows.add(numbers(cells, file, i + 1));
            lineNumbers.add(i + 1);
        }
        if (columns < 0) {
            throw new DataFormatException(file + ": the file is empty");
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file + ": has a header but no data rows");
        }
        int in = inputColumns(file, columns, inputs, targets);
        return targets == Targets.CLASSES
                ? classes(rows, lineNumbers, file, in)
                : regression(rows, in, columns - in);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int j = 0; j < cells.length; j++) {
            String c = cells[j].trim();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).trim();
            }
            cells[j] = c;
        }
        return cells;
    }

    /** A header has no cell that looks like a number, finite or not. */
    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            if (NUMBER.matcher(c).matches() || NON_FINITE.matcher(c).matches()) {
                return false;
            }
        }
        return true;
    }

    private static double[] numbers(String[] cells, String file, int line) throws DataFormatException {
        double[] row = new double[cells.length];
        for (int j = 0; j < cells.length; j++) {
            String c = cells[j];
            String where = file + ", line " + line + ", column " + (j + 1) + ": ";
            if (c.isEmpty()) {
                throw new DataFormatException(where + "empty cell");
            }
            if (NON_FINITE.matcher(c).matches()) {
                throw new DataFormatException(where + "'" + c + "' is not a finite number");
            }
            if (!NUMBER.matcher(c).matches()) {
                throw new DataFormatException(where + "'" + c + "' is not a number");
            }
            row[j] = Double.parseDouble(c);
            if (!Double.isFinite(row[j])) {
                throw new DataFormatException(where + "'" + c + "' is too large for a double");
            }
        }
        return row;
    }

    private static int inputColumns(String file, int columns, int inputs, Targets targets)
            throws DataFormatException {
        if (columns < 2) {
            throw new DataFormatException(file + ": needs at least 2 columns (inputs, then the target), found "
                    + columns);
        }
        int in = inputs == DEFAULT_INPUTS ? columns - 1 : inputs;
        if (in >= columns) {
            throw new DataFormatException(file + ": " + in + " input columns asked for, but rows have only "
                    + columns + " columns and at least one target column is needed");
        }
        if (targets == Targets.CLASSES && columns - in != 1) {
            throw new DataFormatException(file + ": classes need exactly one label column after the " + in
                    + " input columns, found " + (columns - in));
        }
        return in;
    }

    private static Dataset regression(List<double[]> rows, int in, int out) {
        DMatrixRMaj x = new DMatrixRMaj(rows.size(), in);
        DMatrixRMaj y = new DMatrixRMaj(rows.size(), out);
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x.data, i * in, in);
            System.arraycopy(rows.get(i), in, y.data, i * out, out);
        }
        return new Dataset(x, y);
    }

    private static Dataset classes(List<double[]> rows, List<Integer> lineNumbers, String file, int in)
            throws DataFormatException {
        int[] labels = new int[rows.size()];
        int k = 0;
        for (int i = 0; i < rows.size(); i++) {
            double v = rows.get(i)[in];
            String where = file + ", line " + lineNumbers.get(i) + ", column " + (in + 1) + ": ";
            if (v < 0 || v != Math.rint(v)) {
                throw new DataFormatException(where + "class label must be a non-negative integer, got " + v);
            }
            if (v >= MAX_CLASSES) {
                throw new DataFormatException(where + "class label " + (long) v + " is too large (labels are 0.."
                        + (MAX_CLASSES - 1) + ")");
            }
            labels[i] = (int) v;
            k = Math.max(k, labels[i] + 1);
        }
        if (k < 2) {
            throw new DataFormatException(file + ": every label is 0; classification needs at least 2 classes");
        }
        DMatrixRMaj x = new DMatrixRMaj(rows.size(), in);
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x.data, i * in, in);
        }
        return new Dataset(x, Labels.encode(labels, k, Targets.CLASSES));
    }
}
