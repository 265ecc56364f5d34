// The model's source was generated where the goal promises, and compiled and tested.
def generated = new File(basedir, 'target/generated-sources/symgrad/com/example/Symgrad_Line.java')
assert generated.isFile()
assert generated.text.contains('package com.example;')
assert new File(basedir, 'target/classes/com/example/Symgrad_Line.class').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('symgrad: 1 generated, 0 unchanged')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
