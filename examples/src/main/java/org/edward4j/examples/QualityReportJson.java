package org.edward4j.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back what {@code QualityReport.toJson()} writes: {@code {"example": ..., "settings":
 * {...}, "metrics": {"name": {"value": v, "note": "..."}}}}. A small JSON reader (objects,
 * strings, numbers, booleans, null) so the results page needs no JSON library.
 *
 * @param example the example's name
 * @param settings the run's settings: numbers as {@code Double}, text as {@code String}
 * @param metrics each metric's value ({@code NaN} where the report wrote {@code null})
 * @param notes each metric's note
 */
record QualityReportJson(String example, Map<String, Object> settings, Map<String, Double> metrics,
    Map<String, String> notes) {

  /**
   * Parses a report.
   *
   * @param json the report's text
   * @return the report
   * @throws IllegalArgumentException naming the offset of malformed JSON or a missing field
   */
  static QualityReportJson parse(String json) {
    Reader r = new Reader(json);
    Object root = r.value();
    r.skipSpace();
    if (r.at < json.length()) {
      throw new IllegalArgumentException("report JSON has text after the object at offset " + r.at);
    }
    Map<String, Object> top = object(root, "report");
    Object example = top.get("example");
    if (!(example instanceof String name)) {
      throw new IllegalArgumentException("report JSON must have a string `example`, got " + example);
    }
    Map<String, Object> settings = top.containsKey("settings") ? object(top.get("settings"), "settings") : Map.of();
    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    object(top.getOrDefault("metrics", Map.of()), "metrics").forEach((k, v) -> {
      Map<String, Object> row = object(v, "metric " + k);
      Object value = row.get("value");
      metrics.put(k, value instanceof Double d ? d : Double.NaN);
      notes.put(k, row.get("note") instanceof String s ? s : "");
    });
    return new QualityReportJson(name, settings, metrics, notes);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o, String what) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("report JSON: `" + what + "` must be an object, got " + o);
    }
    return (Map<String, Object>) m;
  }

  /** A recursive-descent reader over the text. */
  private static final class Reader {
    private final String s;
    private int at;

    Reader(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
        at++;
      }
    }

    Object value() {
      skipSpace();
      if (at >= s.length()) {
        throw error("a value");
      }
      char c = s.charAt(at);
      if (c == '{') {
        return objectValue();
      }
      if (c == '[') {
        return arrayValue();
      }
      if (c == '"') {
        return string();
      }
      for (String word : new String[] {"null", "true", "false"}) {
        if (s.startsWith(word, at)) {
          at += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word);
        }
      }
      int start = at;
      while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
        at++;
      }
      try {
        return Double.valueOf(s.substring(start, at));
      } catch (NumberFormatException e) {
        at = start;
        throw error("a value");
      }
    }

    private Map<String, Object> objectValue() {
      Map<String, Object> m = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (peek('}')) {
        at++;
        return m;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        m.put(key, value());
        skipSpace();
        if (peek(',')) {
          at++;
        } else {
          expect('}');
          return m;
        }
      }
    }

    private List<Object> arrayValue() {
      List<Object> list = new ArrayList<>();
      at++;
      skipSpace();
      if (peek(']')) {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek(',')) {
          at++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (at < s.length() && s.charAt(at) != '"') {
        char c = s.charAt(at++);
        if (c == '\\' && at < s.length()) {
          char e = s.charAt(at++);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
              at += 4;
            }
            default -> sb.append(e);
          }
        } else {
          sb.append(c);
        }
      }
      expect('"');
      return sb.toString();
    }

    private boolean peek(char c) {
      return at < s.length() && s.charAt(at) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("`" + c + "`");
      }
      at++;
    }

    private IllegalArgumentException error(String wanted) {
      return new IllegalArgumentException("report JSON: expected " + wanted + " at offset " + at);
    }
  }
}
