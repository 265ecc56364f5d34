/**
 * What a compiled model needs at run time: {@code CompiledModel}, data sets, the {@code
 * torch.optim} optimizers and schedulers, and the training loop. No dependencies.
 */
module org.symgrad.runtime {
  // Nullness annotations for compilers only; missing at run time, they are ignored.
  requires static org.jspecify;

  exports org.symgrad.runtime;
  exports org.symgrad.runtime.annotation;
  exports org.symgrad.runtime.optim;
  exports org.symgrad.runtime.optim.lsq;
  exports org.symgrad.runtime.parallel;
  exports org.symgrad.runtime.train;
}
