package org.edward4j.core;

import java.util.Objects;

/**
 * A typed key for something another package keeps per {@link ModelContext} (the checkpoint
 * savers): the value lives in the context ({@link ModelContext#attachment}), is created on first
 * use, and is dropped with the context; an {@link AutoCloseable} value is closed with it. Keep the
 * key in a {@code static final} field of the package that owns the value.
 *
 * <pre>{@code
 * ContextAttachment<List<String>> notes = new ContextAttachment<>("notes");
 * List<String> mine = ctx.attachment(notes, c -> new ArrayList<>());
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class ContextAttachment<T> {

  private final String name;

  /**
   * A key.
   *
   * @param name a description, for {@code toString()}
   */
  public ContextAttachment(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return "ContextAttachment(" + name + ")";
  }
}
