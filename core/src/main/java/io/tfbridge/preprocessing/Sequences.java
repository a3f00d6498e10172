package io.tfbridge.preprocessing;

/**
 * Sequence preprocessing, like {@code keras.utils.pad_sequences}
 * ({@code tensorflow.keras.preprocessing.sequence.pad_sequences}).
 *
 * <pre>{@code
 * int[][] x = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
 * // Keras: pad_sequences(X, padding='post', maxlen=5)
 * int[][] padded = Sequences.padSequences(x, 5, "post", "pre", 0);
 * // {{1, 2, 3, 0, 0}, {4, 5, 6, 0, 0}, {7, 8, 9, 0, 0}}
 * }</pre>
 */
public final class Sequences {

  /** Keras's default for {@code padding} and {@code truncating}. */
  public static final String PRE = "pre";
  /** The other choice for {@code padding} and {@code truncating}. */
  public static final String POST = "post";

  private Sequences() {}

  /** {@code pad_sequences(sequences)}: pad every sequence in front to the longest length with 0. */
  public static int[][] padSequences(int[][] sequences) {
    return padSequences(sequences, null, PRE, PRE, 0);
  }

  /** {@code pad_sequences(sequences, maxlen=maxlen)}: pad and truncate in front, value 0. */
  public static int[][] padSequences(int[][] sequences, Integer maxlen) {
    return padSequences(sequences, maxlen, PRE, PRE, 0);
  }

  /**
   * Pads (and truncates) sequences to a common length, exactly as Keras's
   * {@code pad_sequences(sequences, maxlen, dtype='int32', padding, truncating, value)}.
   *
   * <p>Each row of the result has length {@code maxlen}. A sequence longer than
   * {@code maxlen} loses values at the start ({@code truncating="pre"}) or the end
   * ({@code "post"}); a shorter one gets {@code value} added at the start
   * ({@code padding="pre"}) or the end ({@code "post"}). Empty sequences become rows of
   * {@code value}. (Keras fails on {@code maxlen=0} with {@code truncating="pre"} because of
   * numpy's {@code s[-0:]}; here {@code maxlen=0} gives empty rows in both modes.)
   *
   * @param sequences  the sequences, of any lengths; not modified
   * @param maxlen     the length of every row, or {@code null} for the longest sequence's length
   * @param padding    {@code "pre"} or {@code "post"}: where to add {@code value}
   * @param truncating {@code "pre"} or {@code "post"}: where to remove values
   * @param value      the padding value
   * @return a new {@code sequences.length x maxlen} array
   * @throws IllegalArgumentException on an unknown padding or truncating mode, a negative
   *                                  {@code maxlen}, or no sequences and no {@code maxlen}
   */
  public static int[][] padSequences(
      int[][] sequences, Integer maxlen, String padding, String truncating, int value) {
    boolean padPost = isPost("padding", padding);
    boolean truncatePost = isPost("truncating", truncating);
    int length = maxlen == null ? longest(sequences) : maxlen;
    if (length < 0) {
      throw new IllegalArgumentException("maxlen must be >= 0 or null, found " + length);
    }
    int[][] out = new int[sequences.length][];
    for (int i = 0; i < sequences.length; i++) {
      out[i] = padOne(sequences[i], length, padPost, truncatePost, value);
    }
    return out;
  }

  private static int[] padOne(
      int[] s, int maxlen, boolean padPost, boolean truncatePost, int value) {
    int kept = Math.min(s.length, maxlen);
    int from = truncatePost ? 0 : s.length - kept;
    int to = padPost ? 0 : maxlen - kept;
    int[] row = new int[maxlen];
    java.util.Arrays.fill(row, value);
    System.arraycopy(s, from, row, to, kept);
    return row;
  }

  private static int longest(int[][] sequences) {
    if (sequences.length == 0) {
      throw new IllegalArgumentException("cannot infer maxlen from 0 sequences: expected at least "
          + "one sequence or a non-null maxlen");
    }
    int max = 0;
    for (int[] s : sequences) {
      max = Math.max(max, s.length);
    }
    return max;
  }

  private static boolean isPost(String name, String mode) {
    if (PRE.equals(mode)) {
      return false;
    }
    if (POST.equals(mode)) {
      return true;
    }
    String kind = name.equals("padding") ? "Padding" : "Truncating";
    throw new IllegalArgumentException(kind + " type \"" + mode + "\" not understood: "
        + name + " must be \"pre\" or \"post\"");
  }
}
