@echo off
rem mlgates: starts the ML Gates command-line tool (docs/cli.md).
rem   JAVA_HOME     the Java (17 or newer) to run it with; without it, the java on the PATH
rem   MLGATES_OPTS  JVM options added after ours (lib\jvm.options), which they override: set MLGATES_OPTS=-Xmx8g
rem The exit code is the tool's; 2 when no Java can be found. (No class-data sharing here: see bin/mlgates.)
setlocal
set "MLGATES_LIB=%~dp0..\lib"
set "MLGATES_JAVA=java.exe"
if defined JAVA_HOME set "MLGATES_JAVA=%JAVA_HOME%\bin\java.exe"
if defined JAVA_HOME goto checkhome
where java.exe >nul 2>&1 && goto run
echo mlgates: no java on the PATH: install Java 17 or newer, or set JAVA_HOME 1>&2
exit /b 2
:checkhome
if exist "%MLGATES_JAVA%" goto run
echo mlgates: JAVA_HOME is "%JAVA_HOME%", but "%MLGATES_JAVA%" does not exist: set JAVA_HOME to a Java 17 or newer, or clear it to use the java on the PATH 1>&2
exit /b 2
:run
"%MLGATES_JAVA%" "@%MLGATES_LIB%\jvm.options" %MLGATES_OPTS% -jar "%MLGATES_LIB%\mlgates.jar" %*
exit /b %ERRORLEVEL%
