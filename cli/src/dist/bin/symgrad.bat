@echo off
rem The symgrad command, from the unpacked distribution: bin\ beside lib\.
rem JAVA_HOME picks the Java (17 or later); SYMGRAD_JAVA_OPTS adds JVM options.
rem The first command makes a class-data archive in %LOCALAPPDATA%\symgrad (a few seconds, once
rem per installation and jar); every later one starts from it, faster.
setlocal
for %%I in ("%~dp0..") do set "SYMGRAD_HOME=%%~fI"
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
rem SYMGRAD_VECTOR=auto, the default, gives bench, and fit with a --data file of 1 MiB or more,
rem the Vector API module (same bits as without it) where the Java has it; on gives it to every
rem command; off leaves it out. (bin/symgrad also reads the model file's data line.)
set "VECTOR_MODE=%SYMGRAD_VECTOR%"
if not defined VECTOR_MODE set "VECTOR_MODE=auto"
set "MODULE_OPTS="
set "VECTOR_OPTS="
if /i "%VECTOR_MODE%"=="auto" if /i "%~1"=="fit" call :large_data %*
if /i "%VECTOR_MODE%"=="auto" if /i "%~1"=="bench" set "MODULE_OPTS=--add-modules jdk.incubator.vector"
if /i "%VECTOR_MODE%"=="off" set "VECTOR_OPTS=-Dsymgrad.vector=off"
if /i "%VECTOR_MODE%"=="on" set "MODULE_OPTS=--add-modules jdk.incubator.vector"
if /i "%VECTOR_MODE%"=="on" set "VECTOR_OPTS=-Dsymgrad.vector=on"
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
rem One archive per module set, dumped with the module options the command runs with; a Java
rem without the Vector API module leaves a mark (.absent) and auto then leaves the module out.
if defined MODULE_OPTS set "CDS_KEY=%CDS_KEY%-vector"
set "CDS=%CDS_DIR%\symgrad-%CDS_KEY%.jsa"
if exist "%CDS%.absent" goto absent
if exist "%CDS%" goto shared
if exist "%CDS%.none" goto run
if not exist "%CDS_DIR%" mkdir "%CDS_DIR%" >nul 2>&1
if not exist "%CDS_DIR%" goto run
set "CDS_TMP=%CDS_DIR%\tmp-%RANDOM%-%RANDOM%"
"%JAVA_EXE%" %MODULE_OPTS% "-XX:DumpLoadedClassList=%CDS_TMP%.classes" -cp "%SYMGRAD_HOME%\lib\*" org.symgrad.cli.ArchiveTrainingRun "%SYMGRAD_HOME%\samples\thermometer\thermometer.sg" >nul 2>&1 || goto nocds
"%JAVA_EXE%" %MODULE_OPTS% -Xshare:dump "-XX:SharedClassListFile=%CDS_TMP%.classes" "-XX:SharedArchiveFile=%CDS_TMP%.archive" -cp "%SYMGRAD_HOME%\lib\*" >nul 2>&1 || goto nocds
move /y "%CDS_TMP%.archive" "%CDS%" >nul 2>&1 || goto nocds
del /q "%CDS_TMP%.*" >nul 2>&1
goto shared
:nocds
del /q "%CDS_TMP%.*" >nul 2>&1
if not defined MODULE_OPTS goto nomark
"%JAVA_EXE%" %MODULE_OPTS% -version >nul 2>&1 && goto nomark
type nul > "%CDS%.absent" 2>nul
goto absent
:nomark
type nul > "%CDS%.none" 2>nul
goto run
:absent
if /i not "%VECTOR_MODE%"=="on" goto scalar
1>&2 echo symgrad: SYMGRAD_VECTOR=on: this Java has no jdk.incubator.vector module; use SYMGRAD_VECTOR=auto or off
exit /b 2
:scalar
set "MODULE_OPTS="
set "CDS=%CDS_DIR%\symgrad-%CDS_KEY:~0,-7%.jsa"
if exist "%CDS%" goto shared
goto run
:shared
rem JVM warnings go to standard error only, so that standard output keeps only the result.
set CDS_OPTS="-XX:SharedArchiveFile=%CDS%" -Xlog:disable -Xlog:all=warning:stderr
:run
"%JAVA_EXE%" %CDS_OPTS% %COMPILER_OPTS% %MODULE_OPTS% %VECTOR_OPTS% %SYMGRAD_JAVA_OPTS% -cp "%SYMGRAD_HOME%\lib\*" org.symgrad.cli.Main %*
exit /b %ERRORLEVEL%

:large_data
rem Gives fit the module when its --data file holds 1 MiB or more: below that the module's start
rem costs more than its vectors save. One argument a line, each line read as it runs.
shift
:large_data_next
if "%~1"=="" exit /b 0
set "DATA_SIZE=0"
if /i "%~1"=="--data" if exist "%~2" set "DATA_SIZE=%~z2"
if "%DATA_SIZE%"=="" set "DATA_SIZE=0"
if %DATA_SIZE% GEQ 1048576 set "MODULE_OPTS=--add-modules jdk.incubator.vector"
shift
goto large_data_next
