package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.runtime.CompiledModel;

class ExecutorModelsTest {
  @Test
  void aModelTextIsCompiledOncePerJvm() {
    String text = TestSpark.THERMOMETER + "# only in this test\n";
    long before = ExecutorModels.compilations();

    CompiledModel first = ExecutorModels.get(text, "once.sg");
    CompiledModel second = ExecutorModels.get(new String(text.toCharArray()), "once.sg");

    assertThat(second).isSameInstanceAs(first);
    assertThat(ExecutorModels.compilations() - before).isAtMost(1);
  }
}
