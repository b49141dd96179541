package org.edward4j.core;

import java.util.HashMap;
import java.util.Map;
import org.edward4j.core.naming.GraphScope;
import org.tensorflow.op.Ops;

/**
 * A context's op-name prefixes: the {@link Ops} of each exact prefix, made once and cached, and
 * fresh prefixes for new scope entries ({@code Disc}, then {@code Disc_1}), as TF1 name scopes do.
 */
final class OpScopes {

  private final Ops root;
  private final Map<String, Ops> byPrefix = new HashMap<>();

  OpScopes(Ops root) {
    this.root = root;
  }

  /** The ops placing new operations under exactly {@code prefix/}; the root for {@code ""}. */
  synchronized Ops at(String prefix) {
    if (prefix.isEmpty()) {
      return root;
    }
    // An exact path, not made unique again: the variable scopes own their prefixes' uniqueness.
    return byPrefix.computeIfAbsent(prefix, p -> GraphScope.at(root, p));
  }

  /** {@code prefix} the first time, then {@code prefix_1}, {@code prefix_2}, ... */
  synchronized String unique(String prefix) {
    int slash = prefix.lastIndexOf('/');
    String parent = slash < 0 ? "" : prefix.substring(0, slash);
    String unique = at(parent).scope().makeUnique(prefix.substring(slash + 1));
    return parent.isEmpty() ? unique : parent + "/" + unique;
  }
}
