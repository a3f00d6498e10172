package io.tfbridge.interop.savedmodel;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.tensorflow.SavedModelBundle;

/**
 * A loaded bundle shared by the predictors of its signatures: each predictor {@link #acquire}s it
 * and {@link #release}s it once, and the last release closes the bundle. Runs hold a read lock and
 * closing takes the write lock, so a close waits for running predictions instead of freeing the
 * session under them.
 */
final class SharedBundle {
  private final SavedModelBundle bundle;
  private final Path dir;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private int users;
  private volatile boolean closed;

  SharedBundle(SavedModelBundle bundle, Path dir) {
    this.bundle = bundle;
    this.dir = dir;
  }

  /** The directory the bundle was loaded from. */
  Path dir() {
    return dir;
  }

  /** Counts one more user; fails if the bundle is already closed. */
  synchronized SharedBundle acquire() {
    if (closed) {
      throw new IllegalStateException("SavedModel " + dir + " is closed");
    }
    users++;
    return this;
  }

  /** Counts one user less, closing the bundle when none is left. */
  void release() {
    synchronized (this) {
      if (closed || --users > 0) {
        return;
      }
      closed = true;
    }
    lock.writeLock().lock();
    try {
      bundle.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs {@code work} on the bundle (its graph and session), which stays open until it returns. */
  <T> T withBundle(Function<SavedModelBundle, T> work) {
    lock.readLock().lock();
    try {
      if (closed) { // set before the write lock is taken: read under the read lock, it is current
        throw new IllegalStateException("SavedModel " + dir + " is closed");
      }
      return work.apply(bundle);
    } finally {
      lock.readLock().unlock();
    }
  }
}
