/**
 * Pictures of training: {@link io.tfbridge.plot.HistoryPlot} draws the {@link
 * io.tfbridge.callbacks.History} that {@code fit} returns as a PNG (JFreeChart, headless), one
 * panel per figure with training and validation side by side, as people plot
 * {@code history.history} with matplotlib after a Keras run.
 */
package io.tfbridge.plot;
