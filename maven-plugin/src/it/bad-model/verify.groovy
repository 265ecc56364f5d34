// The build failed at the model's line and column, with the code and the caret.
def log = new File(basedir, 'build.log').text
def model = new File(basedir, 'src/main/symgrad/thermo.sg').canonicalFile
assert log.contains("on project bad-model: ${model}:5:8: error [SG103] unknown function 'sinh2'")
assert log.contains('  model  sinh2(w * t_u) + b')
assert log.contains('         ^^^^^')
assert !new File(basedir, 'target/classes').exists()
