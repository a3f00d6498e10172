package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * Reads TensorFlow event files for tests: TFRecord framing (length, its CRC, the {@code Event}
 * proto, its CRC; the CRCs are not checked) of the one {@code events.out.tfevents.*} file a run
 * directory must hold.
 */
final class EventFiles {
  private EventFiles() {}

  /** One summary value: its step, tag, plugin and float values (a scalar, or histogram rows). */
  record Value(long step, String tag, String plugin, List<Double> values) {}

  /** The events of the one event file in {@code runDir}. */
  static List<Event> events(Path runDir) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(runDir)) {
      files = listed.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
          .toList();
    }
    assertEquals(1, files.size(), () -> "event files in " + runDir + ": " + files);
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(files.get(0)))
        .order(ByteOrder.LITTLE_ENDIAN);
    List<Event> events = new ArrayList<>();
    while (in.remaining() > 0) {
      int length = (int) in.getLong();
      in.getInt();
      byte[] data = new byte[length];
      in.get(data);
      in.getInt();
      events.add(Event.parseFrom(data));
    }
    return events;
  }

  /** The summary values of {@code runDir} by tag, in file order. */
  static Map<String, List<Value>> values(Path runDir) throws IOException {
    Map<String, List<Value>> byTag = new LinkedHashMap<>();
    for (Event e : events(runDir)) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        List<Double> numbers = new ArrayList<>();
        v.getTensor().getFloatValList().forEach(f -> numbers.add((double) f));
        numbers.addAll(v.getTensor().getDoubleValList());
        if (numbers.isEmpty()) {
          numbers.addAll(numbers(v.getTensor().getTensorContent().toByteArray(),
              v.getTensor().getDtypeValue()));
        }
        byTag.computeIfAbsent(v.getTag(), t -> new ArrayList<>()).add(new Value(e.getStep(),
            v.getTag(), v.getMetadata().getPluginData().getPluginName(), numbers));
      }
    }
    return byTag;
  }

  /** A tensor's packed content: float32 (DT_FLOAT = 1) or float64 (DT_DOUBLE = 2). */
  private static List<Double> numbers(byte[] content, int dtype) {
    ByteBuffer b = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
    List<Double> numbers = new ArrayList<>();
    while (b.remaining() > 0) {
      numbers.add(dtype == 1 ? b.getFloat() : b.getDouble());
    }
    return numbers;
  }
}
