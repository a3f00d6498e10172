package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Reading wrk's printed report (as wrk 4.1 prints it with --latency). */
class WrkRunTest {
  private static final String REPORT = """
      Running 10s test @ http://127.0.0.1:8501/v1/models/iris:predict
        2 threads and 16 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     1.22ms    1.27ms  23.15ms   91.13%
          Req/Sec     7.68k     2.35k   12.14k    58.00%
        Latency Distribution
           50%  870.00us
           75%    1.30ms
           90%    2.29ms
           99%    1.02s
        152934 requests in 10.01s, 21.15MB read
        Socket errors: connect 0, read 2, write 0, timeout 5
        Non-2xx or 3xx responses: 12
      Requests/sec:  15274.91
      Transfer/sec:      2.11MB
      """;

  @Test
  void readsTheFiguresInTheirUnits() throws IOException {
    WrkRun run = WrkRun.parse(REPORT);
    assertEquals(152934, run.requests());
    assertEquals(15274.91, run.perSecond(), 1e-9);
    assertEquals(0.87, run.p50Ms(), 1e-9);
    assertEquals(1020.0, run.p99Ms(), 1e-9);
    assertEquals(19, run.errors(), "non-2xx answers and socket errors");
  }

  @Test
  void aReportWithoutFiguresIsAnError() {
    IOException e = assertThrows(IOException.class, () -> WrkRun.parse("unable to connect"));
    assertEquals(true, e.getMessage().contains("unable to connect"), e.getMessage());
  }
}
