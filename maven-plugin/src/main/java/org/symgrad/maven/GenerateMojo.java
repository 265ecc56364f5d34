package org.symgrad.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.symgrad.compiler.Symgrad;

/**
 * Generates the Java source of every {@code .sg} model under {@code src/main/symgrad} into
 * {@code target/generated-sources/symgrad}, and adds that folder to the sources javac
 * compiles. A model error fails the build, reported at its {@code file:line:column}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  /** The models: every {@code .sg} file below it, its folders naming the package. */
  @Parameter(property = "symgrad.modelDirectory",
      defaultValue = "${project.basedir}/src/main/symgrad")
  private File modelDirectory;

  /** Where the generated sources go; files there that symgrad did not generate are left alone,
   * so it may be a folder of hand-written sources too. */
  @Parameter(property = "symgrad.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/symgrad")
  private File outputDirectory;

  /** The package of models directly in {@code modelDirectory}, as {@code symgrad emit}'s. */
  @Parameter(property = "symgrad.packageName", defaultValue = Symgrad.GENERATED_PACKAGE)
  private String packageName;

  /** Whether the folders below {@code modelDirectory} name the package (else all go to
   * {@code packageName}). */
  @Parameter(property = "symgrad.foldersArePackages", defaultValue = "true")
  private boolean foldersArePackages;

  /** Folder names whose models are left out, at any depth (as {@code target}). */
  @Parameter
  private List<String> skippedFolders = List.of();

  /** Skips the goal. */
  @Parameter(property = "symgrad.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("symgrad: skipped");
      return;
    }
    ModelSources.Result result;
    try {
      result = new ModelSources(modelDirectory.toPath(), outputDirectory.toPath(), packageName,
          foldersArePackages, Set.copyOf(skippedFolders)).generate();
    } catch (IOException e) {
      throw new MojoExecutionException("symgrad: cannot write " + outputDirectory + ": "
          + IoReason.of(e), e);
    }
    result.warnings().forEach(warning -> getLog().warn("symgrad: " + warning));
    if (result.errors().size() > 1) { // one error is printed once, by the failure itself
      result.errors().forEach(getLog()::error);
    }
    if (!result.errors().isEmpty()) {
      throw new MojoFailureException(result.errors().size() == 1
          ? result.errors().get(0)
          : result.errors().size() + " model errors, the first: " + result.errors().get(0));
    }
    getLog().info("symgrad: " + result.written().size() + " generated, "
        + result.unchanged().size() + " unchanged, " + result.deleted().size() + " deleted, in "
        + outputDirectory);
    project.addCompileSourceRoot(outputDirectory.getPath());
  }
}
