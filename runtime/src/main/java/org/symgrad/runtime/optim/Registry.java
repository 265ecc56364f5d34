package org.symgrad.runtime.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

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
  private final List<String> names;
  private final IntFunction<E> entry;

  // entry: the entry at an index of names, made when it is looked up.
  private Registry(String kind, List<String> names, IntFunction<E> entry) {
    this.kind = kind;
    this.names = List.copyOf(names);
    this.entry = entry;
  }

  /**
   * @param kind what the entries are, for messages: {@code "optimizer"}
   * @param name an entry's name as PyTorch spells it
   */
  public static <E> Registry<E> of(String kind, List<E> entries, Function<E, String> name) {
    List<E> all = List.copyOf(entries);
    List<String> names = new ArrayList<>();
    for (E e : all) {
      names.add(name.apply(e));
    }
    return new Registry<>(kind, names, all::get);
  }

  /**
   * Entries known by name before any is made: {@code entry} makes the one a name stands for
   * when it is looked up, and must give the same one each time. So a command that uses one
   * optimizer initialises that one's class, not every optimizer's.
   *
   * @param kind what the entries are, for messages: {@code "optimizer"}
   * @param names the entries' names as PyTorch spells them
   */
  public static <E> Registry<E> ofNames(String kind, List<String> names,
      Function<String, E> entry) {
    List<String> all = List.copyOf(names);
    return new Registry<>(kind, all, i -> entry.apply(all.get(i)));
  }

  /** The names, as PyTorch spells them, in the registry's order. */
  public List<String> names() {
    return names;
  }

  /** PyTorch's spelling of a name given in any case: {@code "adamw"} → AdamW. */
  public String canonicalName(String wanted) {
    return names.get(indexOf(wanted));
  }

  /** The entry called {@code wanted} in any case, with spaces around it ignored. */
  public Optional<E> find(String wanted) {
    int index = position(wanted.strip().toLowerCase(Locale.ROOT));
    return index < 0 ? Optional.empty() : Optional.of(entry.apply(index));
  }

  /**
   * The entry called {@code wanted} in any case.
   *
   * @throws IllegalArgumentException naming the known entries: {@code Unknown optimizer 'adma'
   *     (did you mean Adam?); known optimizers are SGD, Adam, …}
   */
  public E get(String wanted) {
    return entry.apply(indexOf(wanted));
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
    List<String> all = new ArrayList<>(names);
    all.addAll(other.names);
    int own = names.size();
    return new Registry<>(kind, all,
        i -> i < own ? entry.apply(i) : other.entry.apply(i - own));
  }

  // The index of the name wanted in any case, or an exception naming the known ones.
  private int indexOf(String wanted) {
    int index = position(wanted.strip().toLowerCase(Locale.ROOT));
    if (index < 0) {
      throw new IllegalArgumentException(unknown(wanted));
    }
    return index;
  }

  private int position(String key) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).toLowerCase(Locale.ROOT).equals(key)) {
        return i;
      }
    }
    return -1;
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
