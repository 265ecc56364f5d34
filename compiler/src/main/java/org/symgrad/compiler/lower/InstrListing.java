package org.symgrad.compiler.lower;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The listing line of each instruction, {@code t3 = param 0}, which is its {@code toString()}:
 * one place for the listing, so that an instruction record holds only its data and its
 * dispatch. A loop lists its body indented under it.
 */
final class InstrListing implements InstrFunction<String> {
  private static final InstrListing LISTING = new InstrListing();

  private InstrListing() {}

  /** {@code instr}'s listing line. */
  static String of(Instr instr) {
    return instr.apply(LISTING);
  }

  @Override
  public String on(Instr.LoadParam instr) {
    return instr.to() + " = param " + instr.index();
  }

  @Override
  public String on(Instr.LoadColumn instr) {
    return instr.to() + " = column " + instr.column();
  }

  @Override
  public String on(Instr.LoadRowCount instr) {
    return instr.to() + " = rows";
  }

  @Override
  public String on(Instr.LoadSum instr) {
    return instr.to() + " = " + instr.sum();
  }

  @Override
  public String on(Instr.Compute instr) {
    return instr.to() + " = " + instr.operation().mnemonic() + " "
        + instr.args().stream().map(Value::toString).collect(Collectors.joining(" "));
  }

  @Override
  public String on(Instr.Accumulate instr) {
    return instr.sum() + " += " + instr.value();
  }

  @Override
  public String on(Instr.StoreGradient instr) {
    return "grad " + instr.index() + " = " + instr.value();
  }

  @Override
  public String on(Instr.StoreSum instr) {
    return "sums " + instr.index() + " = " + instr.value();
  }

  @Override
  public String on(Instr.StoreOutput instr) {
    return "out " + instr.output() + " = " + instr.value();
  }

  @Override
  public String on(Instr.Call instr) {
    return "call part " + instr.helper();
  }

  @Override
  public String on(Instr.Spill instr) {
    return "scratch " + instr.slot() + " = " + instr.value();
  }

  @Override
  public String on(Instr.Reload instr) {
    return instr.to() + " = scratch " + instr.slot();
  }

  @Override
  public String on(Instr.Return instr) {
    return "return " + instr.value();
  }

  @Override
  public String on(Instr.Loop instr) {
    return block((instr.to() == null ? "" : instr.to() + " = ") + "loop j < " + instr.count()
        + ":", instr.body(), instr.to(), instr.added());
  }

  @Override
  public String on(Instr.LoadParamAt instr) {
    return instr.to() + " = param " + instr.index();
  }

  @Override
  public String on(Instr.LoadColumnAt instr) {
    return instr.to() + " = column " + instr.column();
  }

  @Override
  public String on(Instr.LoadSumAt instr) {
    return instr.to() + " = " + instr.first() + " + " + new Instr.Index(0, instr.stride());
  }

  @Override
  public String on(Instr.AccumulateAt instr) {
    return instr.first() + " + " + new Instr.Index(0, instr.stride()) + " += " + instr.value();
  }

  @Override
  public String on(Instr.StoreGradientAt instr) {
    return "grad " + instr.index() + " = " + instr.value();
  }

  @Override
  public String on(Instr.StoreSumAt instr) {
    return "sums " + instr.index() + " = " + instr.value();
  }

  @Override
  public String on(Instr.RowLoop instr) {
    return block("for each row of the block" + (instr.to() == null ? ":" : ", into " + instr.to()
        + ":"), instr.body(), instr.to(), instr.added());
  }

  @Override
  public String on(Instr.SetSumAt instr) {
    return instr.first() + " + " + new Instr.Index(0, instr.stride()) + " = " + instr.value();
  }

  @Override
  public String on(Instr.LoadRowSlot instr) {
    return instr.to() + " = row slot " + instr.slot();
  }

  @Override
  public String on(Instr.StoreRowSlot instr) {
    return "row slot " + instr.slot() + " = " + instr.value();
  }

  @Override
  public String on(Instr.AccumulateRowSlot instr) {
    return "row slot " + instr.slot() + " += " + instr.value();
  }

  // "header:", then each instruction of the body and the sum's addition, indented.
  private static String block(String header, List<Instr> body, Value.@Nullable Temp to,
      @Nullable Value added) {
    StringBuilder text = new StringBuilder(header);
    body.forEach(i -> text.append("\n  ").append(of(i).replace("\n", "\n  ")));
    if (to != null) {
      text.append("\n  ").append(to).append(" += ").append(added);
    }
    return text.toString();
  }
}
