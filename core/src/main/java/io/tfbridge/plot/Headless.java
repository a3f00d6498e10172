package io.tfbridge.plot;

/**
 * Keeps plotting off any display: sets {@code java.awt.headless=true} unless the application
 * chose a value itself, before this package first touches AWT. An application that already runs
 * a window system keeps it (the property is read once, at AWT's start); drawing on images works
 * either way.
 */
final class Headless {
  private static final String PROPERTY = "java.awt.headless";

  private Headless() {}

  static void ensure() {
    try {
      if (System.getProperty(PROPERTY) == null) {
        System.setProperty(PROPERTY, "true");
      }
    } catch (SecurityException e) {
      // a security manager forbids it: AWT decides by itself, images are drawn all the same
    }
  }
}
