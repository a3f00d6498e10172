package io.tfbridge.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --batching_parameters_file}: TF Serving's text format, defaults, refusals. */
class BatchingParametersTest {
  @TempDir
  Path dir;

  private Path file(String text) throws Exception {
    return Files.writeString(dir.resolve("batching.config"), text);
  }

  private String refused(String text) throws Exception {
    Path file = file(text);
    return assertThrows(IllegalArgumentException.class, () -> BatchingParameters.read(file))
        .getMessage();
  }

  @Test
  void readsTfServingsFormatAndKeepsItsDefaultsForTheRest() throws Exception {
    BatchingParameters read = BatchingParameters.read(file("""
        max_batch_size { value: 32 }
        batch_timeout_micros { value: 2000 }
        num_batch_threads { value: 3 }
        allowed_batch_sizes: 8
        allowed_batch_sizes: 32
        pad_variable_length_inputs: false
        """));
    assertEquals(new BatchingParameters(32, 2000, 10, 3, "batch_threads", List.of(8L, 32L)),
        read);
    BatchingParameters empty = BatchingParameters.read(file(""));
    assertEquals(1000, empty.maxBatchSize());
    assertEquals(0, empty.batchTimeoutMicros());
    assertEquals(Runtime.getRuntime().availableProcessors(), empty.numBatchThreads());
  }

  @Test
  void badFilesAreRefusedNamingWhatIsWrong() throws Exception {
    assertTrue(refused("max_batch_size { value: 8 }\nmax_batch_sise { value: 9 }\n").endsWith(
        "line 2, column 1: Message type \"tensorflow.serving.BatchingParameters\" has no field "
        + "named \"max_batch_sise\"; its fields are [max_batch_size, batch_timeout_micros, "
        + "max_enqueued_batches, num_batch_threads, thread_pool_name, allowed_batch_sizes, "
        + "pad_variable_length_inputs, enable_large_batch_splitting, max_execution_batch_size]"));
    assertTrue(refused("max_batch_size: 8\n").contains("line 1"));
    assertTrue(refused("max_batch_size { value: 8 }\nmax_batch_size { value: 9 }\n")
        .contains("line 2"));
    assertTrue(refused("max_batch_size { value: 8 }\nallowed_batch_sizes: 4\n").endsWith(
        "Last entry in allowed_batch_sizes must match max_batch_size; last entry was 4; expected "
        + "8"));
    assertTrue(refused("max_batch_size { value: 8 }\nallowed_batch_sizes: 4\n"
        + "allowed_batch_sizes: 2\nallowed_batch_sizes: 8\n").contains("monotonically"));
    assertTrue(refused("max_batch_size { value: 0 }").endsWith("max_batch_size must be positive; "
        + "was 0"));
    assertTrue(refused("pad_variable_length_inputs: true").contains("pad_variable_length_inputs "
        + "is not supported by this server"));
    assertTrue(refused("enable_large_batch_splitting { value: true }").contains(
        "enable_large_batch_splitting is not supported"));
    assertTrue(refused("max_execution_batch_size { value: 8 }").contains(
        "max_execution_batch_size is not supported"));
    assertTrue(refused("max_batch_size { value: 0 }").startsWith("In batching parameters file '"));
    Path missing = dir.resolve("missing.config");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchingParameters.read(
        missing)).getMessage().startsWith("Cannot read the batching parameters file '" + missing));
  }
}
