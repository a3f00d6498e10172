package io.tfbridge.distribute;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetTarget;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;

/**
 * Opens a {@link Session} on a remote TensorFlow master, {@code grpc://host:port}, such as a
 * {@link WorkerServer}'s {@link WorkerServer#target() target}.
 *
 * <p><b>Why this class reaches past the public API.</b> In TensorFlow Java 1.1.0 every public
 * {@code Session} constructor passes a null target to the C API, so a Session always runs in-process.
 * This class is the only place in tfbridge that works around that, and it does exactly what
 * {@code Session}'s own private {@code allocate} does, plus {@code TF_SetTarget}:
 * <ol>
 *   <li>{@code Graph.ref()} (package-private) pins the graph and gives its {@code TF_Graph} handle; the
 *       reference is closed before returning, or {@code Graph.close()} would wait for it forever;</li>
 *   <li>{@code TF_NewSessionOptions}, {@code TF_SetTarget}, {@code TF_SetConfig}, {@code TF_NewSession}
 *       (public, in {@code org.tensorflow.internal.c_api}) make the native session;</li>
 *   <li>the package-private constructor {@code Session(Graph, TF_Session)} wraps it; it takes its own
 *       graph reference, released by {@link Session#close()}, which also deletes the native session.</li>
 * </ol>
 * The reflection needs {@code org.tensorflow} to be open to this code: true on the class path; on the
 * module path run with {@code --add-opens tensorflow/org.tensorflow=ALL-UNNAMED} (or this module's name).
 * Another TensorFlow Java version may change these internals: {@link #open} then fails with an
 * {@link IllegalStateException} naming version {@value #EXPECTED_TF_JAVA}.
 *
 * <p>As with any Session, close it before its Graph. Sessions made here do not run initializers
 * automatically (the constructor sets {@code autoInit} false): run the init ops yourself.
 */
public final class RemoteSession {
  /** The TensorFlow Java version whose internals this class was written against. */
  public static final String EXPECTED_TF_JAVA = "1.1.0";

  private RemoteSession() {}

  /**
   * Opens a Session over {@code graph} whose master is {@code target}.
   *
   * @param target {@code grpc://host:port}
   * @param config the session config, or null for the default
   * @throws IllegalArgumentException if the target does not start with {@code grpc://}
   * @throws IllegalStateException if TensorFlow Java's internals are not those of version 1.1.0
   */
  public static Session open(Graph graph, String target, ConfigProto config) {
    Objects.requireNonNull(graph, "graph");
    if (target == null || !target.startsWith("grpc://") || target.length() == "grpc://".length()) {
      throw new IllegalArgumentException("Expected a session target \"grpc://host:port\", found: " + target);
    }
    Internals in = Internals.get();
    Object ref = in.invoke(in.graphRef, graph);
    try {
      TF_Graph handle = (TF_Graph) in.invoke(in.refHandle, ref);
      TF_Session nativeSession = allocate(handle, target, config);
      try {
        return in.ctor.newInstance(graph, nativeSession);
      } catch (ReflectiveOperationException | RuntimeException e) {
        nativeSession.releaseReference();
        throw Internals.mismatch("Session(Graph, TF_Session)", e);
      }
    } finally {
      in.invoke(in.refClose, ref);
    }
  }

  /**
   * Session.allocate of TF Java 1.1.0 with the target set. The PointerScope frees the status and options
   * on exit; the returned session keeps one reference, released by {@link Session#close()}.
   */
  @SuppressWarnings("try") // the scope is used only for its close()
  private static TF_Session allocate(TF_Graph graph, String target, ConfigProto config) {
    if (graph == null || graph.isNull()) {
      throw new IllegalStateException("Graph has been close()d");
    }
    try (PointerScope scope = new PointerScope()) {
      TF_Status status = TF_Status.newStatus();
      TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
      TF_SetTarget(options, target);
      if (config != null) {
        BytePointer bytes = new BytePointer(config.toByteArray());
        TF_SetConfig(options, bytes, bytes.capacity(), status);
        status.throwExceptionIfNotOK();
      }
      TF_Session session = TF_Session.newSession(graph, options, status);
      status.throwExceptionIfNotOK();
      return (TF_Session) session.retainReference();
    }
  }

  /** The package-private members used, looked up once. */
  private static final class Internals {
    private static Internals instance;

    final Method graphRef;
    final Method refHandle;
    final Method refClose;
    final Constructor<Session> ctor;

    private Internals() throws ReflectiveOperationException {
      graphRef = Graph.class.getDeclaredMethod("ref");
      Class<?> reference = Class.forName("org.tensorflow.Graph$Reference");
      refHandle = reference.getDeclaredMethod("nativeHandle");
      refClose = reference.getDeclaredMethod("close");
      ctor = Session.class.getDeclaredConstructor(Graph.class, TF_Session.class);
      graphRef.setAccessible(true);
      refHandle.setAccessible(true);
      refClose.setAccessible(true);
      ctor.setAccessible(true);
    }

    static synchronized Internals get() {
      if (instance == null) {
        try {
          instance = new Internals();
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw mismatch("Graph.ref(), Graph.Reference.nativeHandle()/close(), Session(Graph, TF_Session)", e);
        }
      }
      return instance;
    }

    Object invoke(Method method, Object target) {
      try {
        return method.invoke(target);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        throw mismatch(method.toString(), e);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw mismatch(method.toString(), e);
      }
    }

    static IllegalStateException mismatch(String what, Throwable cause) {
      Throwable shown = cause instanceof InvocationTargetException ? cause.getCause() : cause;
      return new IllegalStateException("RemoteSession needs TensorFlow Java " + EXPECTED_TF_JAVA
          + "'s package-private " + what + ", found " + shown + " (TensorFlow Java on the class path: "
          + Session.class.getPackage().getImplementationVersion()
          + "; on the module path add --add-opens tensorflow/org.tensorflow=ALL-UNNAMED)", cause);
    }
  }
}
