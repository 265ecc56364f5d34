package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.emit.BytecodeEmitter;
import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.runtime.CompiledModel;

/**
 * Compiled models are hidden classes defined in symgrad's own package lookup: no one can find
 * them by name, they are nobody's nestmate, they run no code when loaded, their only members
 * are the model's methods (a chunked model's deferred passes in a second such class), and
 * they are unloaded once no one holds them.
 */
class HiddenClassTest {

  private static CompiledModel model() {
    return Symgrad.compile(HandBuiltModels.thermometerNormalized());
  }

  @Test
  void theClassIsHiddenAndCannotBeFoundByName() {
    Class<?> type = model().getClass();
    assertThat(type.isHidden()).isTrue();
    assertThat(type.getName()).contains("/"); // a hidden class's name is not a binary name
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName(type.getName(), false, type.getClassLoader()));
    assertThrows(ClassNotFoundException.class, () -> Class.forName(
        type.getName().substring(0, type.getName().indexOf('/')), false,
        type.getClassLoader()));
  }

  @Test
  void itLivesInSymgradsPackageAndLoaderAndIsNoOnesNestmate() {
    Class<?> type = model().getClass();
    assertThat(type.getPackageName()).isEqualTo(ModelClassDefiner.class.getPackageName());
    assertThat(type.getClassLoader()).isSameInstanceAs(ModelClassDefiner.class.getClassLoader());
    assertThat(type.getModule()).isEqualTo(ModelClassDefiner.class.getModule());
    assertThat(type.getNestHost()).isSameInstanceAs(type);
    assertThat(ModelClassDefiner.class.isNestmateOf(type)).isFalse();
    assertThat(type.getProtectionDomain())
        .isSameInstanceAs(ModelClassDefiner.class.getProtectionDomain());
  }

  @Test
  void eachCompilationIsItsOwnClass() {
    assertThat(model().getClass()).isNotSameInstanceAs(model().getClass());
  }

  @Test
  void itsOnlyMembersAreTheModelsMethodsAndItsInfo() {
    Class<?> type = model().getClass();
    assertThat(Modifier.isFinal(type.getModifiers())).isTrue();
    assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName).sorted().toList())
        .containsExactly("finish", "info", "loss", "lossAndGradient", "lossSums", "predict",
            "sumCount", "sums").inOrder();
    // Its ModelInfo and the holder of the passes defined at their first call.
    Field[] fields = type.getDeclaredFields();
    assertThat(Arrays.stream(fields).map(Field::getName).sorted().toList())
        .containsExactly("info", "later").inOrder();
    for (Field field : fields) {
      assertThat(Modifier.isStatic(field.getModifiers())).isFalse();
      assertThat(Modifier.isFinal(field.getModifiers())).isTrue();
    }
    assertThat(type.getDeclaredConstructors()).hasLength(1);
    assertThat(type.getInterfaces()).asList()
        .containsExactly(CompiledModel.class, org.symgrad.runtime.parallel.ChunkedKernels.class);
  }

  @Test
  void loadingItRunsNoCode() {
    byte[] bytes = BytecodeEmitter.emit(Symgrad.lower(HandBuiltModels.thermometerNormalized()),
        EmittedClasses.BYTECODE_NAME);
    List<String> methods = new java.util.ArrayList<>();
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        methods.add(name);
        return null;
      }
    }, 0);
    assertThat(methods).doesNotContain("<clinit>");
  }

  @Test
  void anUnreferencedModelIsUnloaded() throws InterruptedException {
    WeakReference<Class<?>> type = new WeakReference<>(model().getClass());
    for (int i = 0; i < 100 && type.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(type.get()).isNull();
  }
}
