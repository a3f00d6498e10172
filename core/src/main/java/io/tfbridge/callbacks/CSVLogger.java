package io.tfbridge.callbacks;

import io.tfbridge.utils.PyFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Writes each epoch's figures to a CSV file as Keras's {@code keras.callbacks.CSVLogger}, byte for
 * byte: a header {@code epoch,<figures>} (the first epoch's names sorted, with their
 * {@code val_} forms added when it has none), one row per epoch with numbers as Python prints them
 * ({@code 0.6931471824645996}), {@code NA} for a missing figure, Python's {@code csv} quoting and
 * {@code \r\n} line ends. The file is opened (created, truncated unless {@code append}) when
 * training starts, flushed after every epoch and closed when training ends or by {@link #close}.
 *
 * <pre>{@code
 * try (CSVLogger csv = CSVLogger.of(dir.resolve("training.log"))) {
 *   model.fit(x, y, FitOptions.epochs(2).verbose(0).callbacks(csv));
 * }
 * }</pre>
 */
public final class CSVLogger implements Callback, AutoCloseable {
  private final Path filename;
  private final String separator;
  private final boolean append;
  private Writer file;
  private List<String> keys;
  private boolean appendHeader = true;

  private CSVLogger(Path filename, String separator, boolean append) {
    this.filename = Objects.requireNonNull(filename, "CSVLogger: `filename` is null");
    this.separator = separator;
    this.append = append;
  }

  /** A logger writing to {@code filename} with Keras's defaults: {@code ","}, overwriting. */
  public static CSVLogger of(Path filename) {
    return new CSVLogger(filename, ",", false);
  }

  /** A logger writing to the file named {@code filename} (Keras's string form). */
  public static CSVLogger of(String filename) {
    return of(Path.of(filename));
  }

  /**
   * The character between fields (Keras's {@code separator}).
   *
   * @throws IllegalArgumentException unless it is one character, as Python's {@code csv} requires
   */
  public CSVLogger separator(String value) {
    if (value == null || value.length() != 1 || value.equals("\"") || value.equals("\r")
        || value.equals("\n")) {
      throw new IllegalArgumentException("CSVLogger: `separator` must be a 1-character string "
          + "other than a quote or a line end. Received: separator=" + value);
    }
    return new CSVLogger(filename, value, append);
  }

  /** Whether to append to an existing file (its header is kept) rather than overwrite it. */
  public CSVLogger append(boolean value) {
    return new CSVLogger(filename, separator, value);
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    try {
      if (append) {
        appendHeader = !Files.exists(filename) || Files.size(filename) == 0;
      }
      close();
      file = Files.newBufferedWriter(filename, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND
              : StandardOpenOption.TRUNCATE_EXISTING);
      keys = null;
    } catch (IOException e) {
      throw new UncheckedIOException("CSVLogger: cannot open " + filename, e);
    }
  }

  /**
   * Writes the epoch's row (and the header before the first).
   *
   * @throws IllegalStateException if the file is not open: before {@code onTrainBegin} or after
   *     {@code onTrainEnd} or {@link #close}
   */
  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (file == null) {
      throw new IllegalStateException("CSVLogger: " + filename + " is not open; onTrainBegin "
          + "opens it and onTrainEnd or close() closes it");
    }
    boolean header = keys == null && appendHeader;
    if (keys == null) {
      keys = columns(logs);
    }
    try {
      if (header) {
        writeRow(header());
      }
      writeRow(row(epoch, logs));
      file.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("CSVLogger: cannot write " + filename, e);
    }
  }

  /** The first epoch's figures sorted, with their {@code val_} forms when it has none (Keras). */
  private static List<String> columns(Map<String, Double> logs) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(logs.keySet()));
    if (sorted.stream().noneMatch(k -> k.startsWith("val_"))) {
      new ArrayList<>(sorted).forEach(k -> sorted.add("val_" + k));
    }
    return sorted;
  }

  private List<String> header() {
    List<String> fields = new ArrayList<>();
    fields.add("epoch");
    fields.addAll(keys);
    return fields;
  }

  private List<String> row(int epoch, Map<String, Double> logs) {
    List<String> fields = new ArrayList<>();
    fields.add(Integer.toString(epoch));
    for (String key : keys) {
      Double value = logs.get(key);
      fields.add(value == null ? "NA" : PyFormat.repr(value));
    }
    return fields;
  }

  private void writeRow(List<String> fields) throws IOException {
    StringJoiner line = new StringJoiner(separator, "", "\r\n");
    fields.forEach(f -> line.add(quoted(f)));
    file.write(line.toString());
  }

  /** Python's {@code csv.QUOTE_MINIMAL}: quoted if holding the separator, a quote or a line end. */
  private String quoted(String field) {
    if (!field.contains(separator) && field.indexOf('"') < 0 && field.indexOf('\r') < 0
        && field.indexOf('\n') < 0) {
      return field;
    }
    return "\"" + field.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    close();
  }

  /** Closes the file if open; a second call does nothing. */
  @Override
  public void close() {
    if (file == null) {
      return;
    }
    try (Writer closing = file) {
      file = null;
    } catch (IOException e) {
      throw new UncheckedIOException("CSVLogger: cannot close " + filename, e);
    }
  }
}
