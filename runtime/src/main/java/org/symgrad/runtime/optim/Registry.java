package org.symgrad.runtime.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Things known by PyTorch's class name, found in any case: the one lookup of {@link Optimizers}
 * and {@link Schedulers}. An unknown name is refused with the known ones listed and, when one
 * known name alone is nearest to it (one or two letters off), a "did you mean".
 *
 * <p>Also the extension point for names that live elsewhere: second-order optimizers, which
 * minimise a different objective and so are not {@link Optimizer}s, make a registry of their
 * own and a caller that takes either kind looks a name up in {@link #plus} of both, so that
 * suggestions and the list of known names cover all of them.
 *
 * @param <E> what a name stands for
 */
public final class Registry<E> {
  private final String kind;
  private final List<E> entries;
  private final Function<E, String> name;

  private Registry(String kind, List<E> entries, Function<E, String> name) {
    this.kind = kind;
    this.entries = List.copyOf(entries);
    this.name = name;
  }

  /**
   * @param kind what the entries are, for messages: {@code "optimizer"}
   * @param name an entry's name as PyTorch spells it
   */
  public static <E> Registry<E> of(String kind, List<E> entries, Function<E, String> name) {
    return new Registry<>(kind, entries, name);
  }

  /** The names, as PyTorch spells them, in the registry's order. */
  public List<String> names() {
    return entries.stream().map(name).toList();
  }

  /** PyTorch's spelling of a name given in any case: {@code "adamw"} → AdamW. */
  public String canonicalName(String wanted) {
    return name.apply(get(wanted));
  }

  /** The entry called {@code wanted} in any case, with spaces around it ignored. */
  public Optional<E> find(String wanted) {
    String key = wanted.strip().toLowerCase(Locale.ROOT);
    return entries.stream().filter(e -> name.apply(e).toLowerCase(Locale.ROOT).equals(key))
        .findFirst();
  }

  /**
   * The entry called {@code wanted} in any case.
   *
   * @throws IllegalArgumentException naming the known entries: {@code Unknown optimizer 'adma'
   *     (did you mean Adam?); known optimizers are SGD, Adam, …}
   */
  public E get(String wanted) {
    return find(wanted).orElseThrow(() -> new IllegalArgumentException(unknown(wanted)));
  }

  /** The message for an unknown name, with a suggestion when one name alone is near it. */
  public String unknown(String wanted) {
    String suggestion = suggest(wanted).map(s -> " (did you mean " + s + "?)").orElse("");
    return "Unknown " + kind + " '" + wanted + "'" + suggestion + "; known " + kind + "s are "
        + String.join(", ", names());
  }

  /**
   * The one known name nearest to {@code wanted} in any case, when it is at most two edits
   * away (an adjacent swap counts as one) and shorter than the name itself; none when two
   * names are as near, since a guess between them would mislead.
   */
  public Optional<String> suggest(String wanted) {
    String key = wanted.strip().toLowerCase(Locale.ROOT);
    List<String> nearest = new ArrayList<>();
    int best = Math.min(2, key.length() - 1);
    for (String known : names()) {
      int distance = distance(key, known.toLowerCase(Locale.ROOT));
      if (distance < best || (distance == best && nearest.isEmpty())) {
        nearest.clear();
        best = distance;
        nearest.add(known);
      } else if (distance == best) {
        nearest.add(known);
      }
    }
    return nearest.size() == 1 ? Optional.of(nearest.get(0)) : Optional.empty();
  }

  /** Both registries' entries, this one's first: one lookup over names of two kinds. */
  public <F> Registry<Object> plus(Registry<F> other) {
    List<Object> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new Registry<>(kind, all, entry -> entries.contains(entry)
        ? name.apply(cast(entry)) : other.name.apply(other.cast(entry)));
  }

  @SuppressWarnings("unchecked")
  private E cast(Object entry) {
    return (E) entry;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
