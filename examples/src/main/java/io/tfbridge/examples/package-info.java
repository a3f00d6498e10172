/**
 * The programs of lesson 7 ("Advanced Topics in Machine Learning") translated line for line from
 * Keras, and the {@code tfbridge} command line that runs them.
 *
 * <ul>
 *   <li>{@link IrisLesson}: the basic neural network on iris (section 1.1);</li>
 *   <li>{@link CnnLesson}: the CNN on MNIST digits (section 2.1);</li>
 *   <li>{@link RnnLesson}: the SimpleRNN on padded sequences (section 2.2);</li>
 *   <li>{@link IrisMedian}: the iris lesson over several seeds, for acceptance;</li>
 *   <li>{@link io.tfbridge.examples.Cli}: {@code tfbridge lesson iris|cnn|rnn|iris-median}.</li>
 * </ul>
 *
 * <p>Each lesson prints what the Python program prints, through a
 * {@link io.tfbridge.examples.LessonConsole}, with Python's and numpy's number formatting
 * ({@link io.tfbridge.utils.PyFormat}).
 */
package io.tfbridge.examples;
