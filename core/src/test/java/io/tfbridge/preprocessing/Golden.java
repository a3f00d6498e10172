package io.tfbridge.preprocessing;

import io.tfbridge.data.MiniJson;
import java.util.Map;

/** golden.json, written by models/python/make_preprocessing_golden.py from Keras and sklearn. */
final class Golden {
  static final Map<String, Object> ALL =
      MiniJson.obj(MiniJson.resource(Golden.class, "/io/tfbridge/preprocessing/golden.json"));

  private Golden() {}

  static Object get(String key) {
    return ALL.get(key);
  }
}
