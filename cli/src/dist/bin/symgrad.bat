@echo off
rem The symgrad command, from the unpacked distribution: bin\ beside lib\.
rem JAVA_HOME picks the Java (17 or later); SYMGRAD_JAVA_OPTS adds JVM options.
setlocal
set "SYMGRAD_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
set "VECTOR_OPTS="
if /i "%SYMGRAD_VECTOR%"=="auto" if /i "%~1"=="fit" set "VECTOR_OPTS=--add-modules jdk.incubator.vector"
if /i "%SYMGRAD_VECTOR%"=="auto" if /i "%~1"=="bench" set "VECTOR_OPTS=--add-modules jdk.incubator.vector"
if /i "%SYMGRAD_VECTOR%"=="off" set "VECTOR_OPTS=-Dsymgrad.vector=off"
if /i "%SYMGRAD_VECTOR%"=="on" set "VECTOR_OPTS=--add-modules jdk.incubator.vector -Dsymgrad.vector=on"
"%JAVA_EXE%" %VECTOR_OPTS% %SYMGRAD_JAVA_OPTS% -cp "%SYMGRAD_HOME%\lib\*" org.symgrad.cli.Main %*
exit /b %ERRORLEVEL%
