package org.symgrad.compiler.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.OptimizerSpec;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/**
 * Writes the typed front of an annotated model: a small mutable holder of the parameters
 * around the stateless {@code CompiledModel}, with an accessor and a setter per parameter
 * ({@code w()}, {@code setW(double)}), {@code predict} with one argument per input column,
 * {@code loss} and {@code fit} over a {@code Dataset}.
 *
 * <p>The only names in scope that come from the model are the accessors' and {@code
 * predict}'s parameters; bodies that need locals live in methods whose parameters are the
 * facade's own, so nothing a model calls its values can clash.
 */
final class FacadeEmitter {
  private static final String INDENT = "  ";
  private static final String PARAMS = "params";
  private static final String MODEL = "MODEL";
  private static final TypeName SPEC =
      ParameterizedTypeName.get(ClassName.get(OptimizerSpec.class), WildcardTypeName.subtypeOf(
          Object.class));

  private final ModelInfo info;
  private final String typeName;
  private final ClassName facade;
  private final ClassName model;
  private final MemberNames members = MemberNames.methods();
  private final List<String> accessors = new ArrayList<>();

  /**
   * @param info the model
   * @param typeName the annotated type's name as the user writes it ({@code Thermometer})
   * @param facade the class to write
   * @param model the generated {@code CompiledModel} class
   */
  private FacadeEmitter(ModelInfo info, String typeName, ClassName facade, ClassName model) {
    this.info = info;
    this.typeName = typeName;
    this.facade = facade;
    this.model = model;
  }

  /** The facade's source file. */
  static JavaFile emit(ModelInfo info, String typeName, ClassName facade, ClassName model) {
    return new FacadeEmitter(info, typeName, facade, model).file();
  }

  private JavaFile file() {
    TypeSpec.Builder type = TypeSpec.classBuilder(facade)
        .addJavadoc("The model declared on {@code $L}, with its parameters:\na typed front "
            + "for {@link $T}.\n\n", typeName, model)
        .addJavadoc("<p>Not thread-safe: each instance holds one set of parameters, which "
            + "{@code fit}\nand the setters change. The compiled model it wraps is stateless "
            + "and can be\nshared: {@link #compiledModel()}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(FieldSpec.builder(int.class, "PARAMETER_COUNT", Modifier.PUBLIC,
                Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The length of {@link #parameters()}: what an optimizer is sized for.\n")
            .initializer("$L", info.parameterCount()).build())
        .addField(FieldSpec.builder(CompiledModel.class, MODEL, Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL).initializer("new $T()", model).build())
        .addField(double[].class, PARAMS, Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("The model at its initial parameters, drawn with seed 0 where random.\n")
            .addStatement("this(0L)").build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("The model at its initial parameters, drawn with {@code seed} where "
                + "random.\n")
            .addParameter(long.class, "seed")
            .addStatement("this.$L = $L.info().initialParameters(seed)", PARAMS, MODEL).build())
        .addMethod(MethodSpec.methodBuilder("compiledModel")
            .addJavadoc("The compiled model, stateless and thread-safe, for the runtime's own "
                + "API.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(CompiledModel.class)
            .addStatement("return $L", MODEL).build());
    for (ParameterInfo parameter : info.parameters()) {
      addAccessors(type, parameter);
    }
    type.addMethod(parameters()).addMethod(setParameters()).addMethod(copyIn());
    type.addMethod(predictOneRow()).addMethod(predictRow()).addMethod(predictData());
    type.addMethod(loss()).addMethod(fit()).addMethod(fitWithDefaults())
        .addMethod(fitWithSpec()).addMethod(fitWithSpecAndDefaults());
    type.addMethod(toStringMethod());
    return JavaFile.builder(facade.packageName(), type.build())
        .addFileComment("Generated by symgrad $L from $L — do not edit.\n", Symgrad.VERSION,
            typeName)
        .addFileComment("model: $L    loss: $L", info.modelText(), info.lossText())
        .skipJavaLangImports(true)
        .indent(INDENT)
        .build();
  }

  // w() and setW(double) for a scalar; copies in and out for an array.
  private void addAccessors(TypeSpec.Builder type, ParameterInfo p) {
    String getter = members.allocate(p.name());
    String setter = members.allocate(MemberNames.setter(p.name()));
    accessors.add(getter);
    String what = p.isScalar() ? "Parameter {@code " + p.name() + "}"
        : "Parameter {@code " + p.name() + p.shape() + "}, row-major";
    MethodSpec.Builder get = MethodSpec.methodBuilder(getter).addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L, initially $L.\n", what, p.initializer());
    MethodSpec.Builder set = MethodSpec.methodBuilder(setter).addModifiers(Modifier.PUBLIC)
        .addJavadoc("Sets {@link #$L()}.\n", getter);
    if (p.isScalar()) {
      get.returns(double.class).addStatement("return $L[$L]", PARAMS, p.offset());
      set.addParameter(double.class, "value")
          .addStatement("$L[$L] = value", PARAMS, p.offset());
    } else {
      get.returns(double[].class).addStatement("return $T.copyOfRange($L, $L, $L)",
          Arrays.class, PARAMS, p.offset(), p.offset() + p.size());
      set.addParameter(double[].class, "values").varargs(true)
          .addStatement("copyIn(values, $L, $L)", p.offset(), p.size());
    }
    type.addMethod(get.build()).addMethod(set.build());
  }

  private MethodSpec parameters() {
    return MethodSpec.methodBuilder("parameters").addModifiers(Modifier.PUBLIC)
        .addJavadoc("A copy of every parameter, laid out as {@code compiledModel().info()} "
            + "says.\n")
        .returns(double[].class)
        .addStatement("return $L.clone()", PARAMS).build();
  }

  private MethodSpec setParameters() {
    return MethodSpec.methodBuilder("setParameters").addModifiers(Modifier.PUBLIC)
        .addJavadoc("Sets every parameter, laid out as {@link #parameters()} returns them.\n")
        .addParameter(double[].class, "values").varargs(true)
        .addStatement("copyIn(values, 0, $L.length)", PARAMS).build();
  }

  private MethodSpec copyIn() {
    return MethodSpec.methodBuilder("copyIn").addModifiers(Modifier.PRIVATE)
        .addParameter(double[].class, "values")
        .addParameter(int.class, "offset")
        .addParameter(int.class, "size")
        .beginControlFlow("if (values.length != size)")
        .addStatement("throw new $T($S + size + $S + values.length)",
            IllegalArgumentException.class, "expected ", " values, got ")
        .endControlFlow()
        .addStatement("$T.arraycopy(values, 0, $L, offset, size)", System.class, PARAMS)
        .build();
  }

  // predict(double t_u): the model's own names, and nothing else, in scope.
  private MethodSpec predictOneRow() {
    MemberNames names = MemberNames.parameters();
    MethodSpec.Builder method = MethodSpec.methodBuilder("predict").addModifiers(Modifier.PUBLIC)
        .addJavadoc("The prediction for one row, at the current parameters.\n")
        .returns(scalarOutput() ? TypeName.DOUBLE : TypeName.get(double[].class));
    List<CodeBlock> columns = new ArrayList<>();
    for (String input : info.inputColumns()) {
      String name = names.allocate(input);
      method.addParameter(double.class, name);
      columns.add(CodeBlock.of("{$L}", name));
    }
    return method.addStatement("return predictRow(new double[][] {$L})$L",
        CodeBlock.join(columns, ", "), scalarOutput() ? "[0]" : "").build();
  }

  private MethodSpec predictRow() {
    return MethodSpec.methodBuilder("predictRow").addModifiers(Modifier.PRIVATE)
        .returns(double[].class)
        .addParameter(double[][].class, "columns")
        .addStatement("double[] out = new double[$L]", info.outputs())
        .addStatement("$L.predict(this.$L, $T.of(columns, 1), out)", MODEL, PARAMS, Batch.class)
        .addStatement("return out").build();
  }

  private MethodSpec predictData() {
    return MethodSpec.methodBuilder("predict").addModifiers(Modifier.PUBLIC)
        .addJavadoc("The prediction for every row of {@code data}$L, at the current "
            + "parameters.\n", scalarOutput() ? "" : ", row after row")
        .returns(double[].class)
        .addParameter(Dataset.class, "data")
        .addStatement("double[] out = new double[data.rows()$L]",
            scalarOutput() ? "" : " * " + info.outputs())
        .addStatement("$L.predict($L, data.batchFor($L.info(), false), out)", MODEL, PARAMS,
            MODEL)
        .addStatement("return out").build();
  }

  private MethodSpec loss() {
    return MethodSpec.methodBuilder("loss").addModifiers(Modifier.PUBLIC)
        .addJavadoc("The loss over every row of {@code data} plus the penalty, at the current "
            + "parameters,\nwithout a gradient.\n")
        .returns(double.class)
        .addParameter(Dataset.class, "data")
        .addStatement("return $L.loss($L, data.batchFor($L.info(), true))", MODEL, PARAMS,
            MODEL).build();
  }

  private MethodSpec fit() {
    return MethodSpec.methodBuilder("fit").addModifiers(Modifier.PUBLIC)
        .addJavadoc("Fits the parameters to {@code data} from their current values, and keeps "
            + "the result's.\n\n@param optimizer a fresh optimizer over {@link "
            + "#PARAMETER_COUNT} parameters\n")
        .returns(TrainingResult.class)
        .addParameter(Dataset.class, "data")
        .addParameter(Optimizer.class, "optimizer")
        .addParameter(TrainerOptions.class, "options")
        .addStatement("$T result = new $T(options).fit($L, data, $L, optimizer)",
            TrainingResult.class, Trainer.class, MODEL, PARAMS)
        .addStatement("$T.arraycopy(result.params(), 0, $L, 0, $L.length)", System.class,
            PARAMS, PARAMS)
        .addStatement("return result").build();
  }

  private MethodSpec fitWithDefaults() {
    return MethodSpec.methodBuilder("fit").addModifiers(Modifier.PUBLIC)
        .addJavadoc("Fits with {@link TrainerOptions#defaults()}.\n")
        .returns(TrainingResult.class)
        .addParameter(Dataset.class, "data")
        .addParameter(Optimizer.class, "optimizer")
        .addStatement("return fit(data, optimizer, $T.defaults())", TrainerOptions.class)
        .build();
  }

  // The typed front: model.fit(data, Optim.adam().lr(1e-2)), sized here, not by the caller.
  private MethodSpec fitWithSpec() {
    return MethodSpec.methodBuilder("fit").addModifiers(Modifier.PUBLIC)
        .addJavadoc("Fits with a fresh optimizer of {@code optimizer}, sized for {@link "
            + "#PARAMETER_COUNT} parameters,\nsuch as {@code Optim.adam().lr(1e-2)}.\n")
        .returns(TrainingResult.class)
        .addParameter(Dataset.class, "data")
        .addParameter(SPEC, "optimizer")
        .addParameter(TrainerOptions.class, "options")
        .addStatement("return fit(data, optimizer.create(PARAMETER_COUNT), options)").build();
  }

  private MethodSpec fitWithSpecAndDefaults() {
    return MethodSpec.methodBuilder("fit").addModifiers(Modifier.PUBLIC)
        .addJavadoc("Fits with a fresh optimizer of {@code optimizer} and {@link "
            + "TrainerOptions#defaults()}.\n")
        .returns(TrainingResult.class)
        .addParameter(Dataset.class, "data")
        .addParameter(SPEC, "optimizer")
        .addStatement("return fit(data, optimizer, $T.defaults())", TrainerOptions.class)
        .build();
  }

  // Thermometer[w=5.367089798058013, b=-17.301222521007173]
  private MethodSpec toStringMethod() {
    CodeBlock.Builder text = CodeBlock.builder();
    List<ParameterInfo> parameters = info.parameters();
    if (parameters.isEmpty()) {
      text.add("$S", typeName + "[");
    }
    for (int i = 0; i < parameters.size(); i++) {
      ParameterInfo p = parameters.get(i);
      String label = (i == 0 ? typeName + "[" : ", ") + p.name() + "=";
      text.add(i == 0 ? "$S + " : " + $S + ", label);
      text.add(p.isScalar() ? CodeBlock.of("$L[$L]", PARAMS, p.offset())
          : CodeBlock.of("$T.toString($L())", Arrays.class, accessors.get(i)));
    }
    return MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class)
        .addStatement("return $L + $S", text.build(), "]").build();
  }

  private boolean scalarOutput() {
    return info.outputs() == 1;
  }
}
