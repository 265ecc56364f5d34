@echo off
rem The symgrad command, from the unpacked distribution: bin\ beside lib\.
rem JAVA_HOME picks the Java (17 or later); SYMGRAD_JAVA_OPTS adds JVM options.
rem The first command makes a class-data archive in %LOCALAPPDATA%\symgrad (a few seconds, once
rem per installation and jar); every later one starts from it, faster.
setlocal
for %%I in ("%~dp0..") do set "SYMGRAD_HOME=%%~fI"
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
set "VECTOR_OPTS="
if /i "%SYMGRAD_VECTOR%"=="auto" if /i "%~1"=="fit" set "VECTOR_OPTS=--add-modules jdk.incubator.vector"
if /i "%SYMGRAD_VECTOR%"=="auto" if /i "%~1"=="bench" set "VECTOR_OPTS=--add-modules jdk.incubator.vector"
if /i "%SYMGRAD_VECTOR%"=="off" set "VECTOR_OPTS=-Dsymgrad.vector=off"
if /i "%SYMGRAD_VECTOR%"=="on" set "VECTOR_OPTS=--add-modules jdk.incubator.vector -Dsymgrad.vector=on"
rem grad, check and emit run no loop over data: the client compiler alone starts them sooner.
set "COMPILER_OPTS="
if /i "%~1"=="grad" set "COMPILER_OPTS=-XX:TieredStopAtLevel=1"
if /i "%~1"=="check" set "COMPILER_OPTS=-XX:TieredStopAtLevel=1"
if /i "%~1"=="emit" set "COMPILER_OPTS=-XX:TieredStopAtLevel=1"

rem Class-data sharing, as bin/symgrad does: a static archive of the classes of a short fit and a
rem grad (ArchiveTrainingRun), named for the installation's folder and the size of the command's
rem jar; made under a temporary name and moved, so a half archive is never used. A Java that
rem cannot make one leaves a mark and runs without; delete the folder to make it again.
set "CDS_OPTS="
if not defined LOCALAPPDATA goto run
set "CDS_KEY=%SYMGRAD_HOME%"
set "CDS_KEY=%CDS_KEY::=%"
set "CDS_KEY=%CDS_KEY:\=_%"
set "CDS_KEY=%CDS_KEY: =_%"
for %%J in ("%SYMGRAD_HOME%\lib\symgrad-cli-*.jar") do set "CDS_KEY=%CDS_KEY%-%%~zJ"
set "CDS_DIR=%LOCALAPPDATA%\symgrad"
set "CDS=%CDS_DIR%\symgrad-%CDS_KEY%.jsa"
if exist "%CDS%" goto shared
if exist "%CDS%.none" goto run
if not exist "%CDS_DIR%" mkdir "%CDS_DIR%" >nul 2>&1
if not exist "%CDS_DIR%" goto run
set "CDS_TMP=%CDS_DIR%\tmp-%RANDOM%-%RANDOM%"
"%JAVA_EXE%" "-XX:DumpLoadedClassList=%CDS_TMP%.classes" -cp "%SYMGRAD_HOME%\lib\*" org.symgrad.cli.ArchiveTrainingRun "%SYMGRAD_HOME%\samples\thermometer\thermometer.sg" >nul 2>&1 || goto nocds
"%JAVA_EXE%" -Xshare:dump "-XX:SharedClassListFile=%CDS_TMP%.classes" "-XX:SharedArchiveFile=%CDS_TMP%.archive" -cp "%SYMGRAD_HOME%\lib\*" >nul 2>&1 || goto nocds
move /y "%CDS_TMP%.archive" "%CDS%" >nul 2>&1 || goto nocds
del /q "%CDS_TMP%.*" >nul 2>&1
goto shared
:nocds
del /q "%CDS_TMP%.*" >nul 2>&1
type nul > "%CDS%.none" 2>nul
goto run
:shared
rem JVM warnings go to standard error only, so that standard output keeps only the result.
set CDS_OPTS="-XX:SharedArchiveFile=%CDS%" -Xlog:disable -Xlog:all=warning:stderr
:run
"%JAVA_EXE%" %CDS_OPTS% %COMPILER_OPTS% %VECTOR_OPTS% %SYMGRAD_JAVA_OPTS% -cp "%SYMGRAD_HOME%\lib\*" org.symgrad.cli.Main %*
exit /b %ERRORLEVEL%
