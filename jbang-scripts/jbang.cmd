@echo off
rem jbang for Windows machines without jbang: the twin of the bash script "jbang" beside this file.
rem
rem   jbang-scripts\jbang.cmd jbang-scripts\AuthDemo.java [--live]
rem
rem If a real jbang is on the PATH, this script hands over to it. Otherwise it asks Maven for
rem jbang's jars (dev.jbang:jbang-cli, once; the list of jars is cached) and runs jbang from them,
rem the way jbang's own jbang.cmd does.
rem
rem Environment:
rem   WORKBOOK_OFFLINE=1          Maven and jbang work offline (everything must be in .m2 already)
rem   WORKBOOK_JBANG_BOOTSTRAP=1  ignore a jbang on the PATH and use the Maven-fetched one
rem   WORKBOOK_JBANG_CACHE=dir    where the jar list is cached (default %USERPROFILE%\.cache\workbook-jbang)
rem   JAVA_HOME                   the JDK to run jbang with (default: java on the PATH)
setlocal EnableExtensions DisableDelayedExpansion

rem The jbang version, in one place for this script (the root pom's jbang.version must agree; a
rem test in jbang-scripts\src\test checks it).
set "JBANG_CLI_VERSION=0.132.1"

set "WB_OFFLINE_JBANG="
if "%WORKBOOK_OFFLINE%"=="1" set "WB_OFFLINE_JBANG=--offline"

rem 1. A jbang installed on the PATH wins (but not this script, should its folder be on the PATH).
if "%WORKBOOK_JBANG_BOOTSTRAP%"=="1" goto :find_java
set "WB_INSTALLED="
for /f "delims=" %%J in ('where jbang.exe jbang.cmd jbang.bat 2^>nul') do (
  if /i not "%%~fJ"=="%~f0" if not defined WB_INSTALLED set "WB_INSTALLED=%%~fJ"
)
if not defined WB_INSTALLED goto :find_java
rem Should the other jbang be another copy of this script, it must not hand over again.
set "WORKBOOK_JBANG_BOOTSTRAP=1"
call "%WB_INSTALLED%" %WB_OFFLINE_JBANG% %*
exit /b %ERRORLEVEL%

:find_java
rem 2. Java: JAVA_HOME first, then the PATH.
set "WB_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "WB_JAVA=%JAVA_HOME%\bin\java.exe"
if not "%WB_JAVA%"=="java" goto :find_classpath
where java >nul 2>nul
if errorlevel 1 (
  echo jbang-scripts\jbang.cmd: no Java found. Install a JDK 17 or newer, and put it on the PATH or set JAVA_HOME. 1>&2
  exit /b 1
)

:find_classpath
rem 3. jbang's classpath, resolved by Maven once and cached.
if defined WORKBOOK_JBANG_CACHE (
  set "WB_CACHE=%WORKBOOK_JBANG_CACHE%\%JBANG_CLI_VERSION%"
) else (
  set "WB_CACHE=%USERPROFILE%\.cache\workbook-jbang\%JBANG_CLI_VERSION%"
)
set "WB_CPFILE=%WB_CACHE%\classpath.txt"
if exist "%WB_CPFILE%" goto :run

where mvn >nul 2>nul
if errorlevel 1 (
  echo jbang-scripts\jbang.cmd: jbang is not installed and Maven - mvn - is not on the PATH. Install jbang, or Maven 3.8+. 1>&2
  exit /b 1
)
echo Fetching jbang through Maven (first run only)... 1>&2
if not exist "%WB_CACHE%" mkdir "%WB_CACHE%"
> "%WB_CACHE%\pom.xml" (
  echo ^<project^>
  echo   ^<modelVersion^>4.0.0^</modelVersion^>
  echo   ^<groupId^>local.workbook^</groupId^>
  echo   ^<artifactId^>jbang-launcher^</artifactId^>
  echo   ^<version^>1^</version^>
  echo   ^<packaging^>pom^</packaging^>
  echo   ^<dependencies^>
  echo     ^<dependency^>
  echo       ^<groupId^>dev.jbang^</groupId^>
  echo       ^<artifactId^>jbang-cli^</artifactId^>
  echo       ^<version^>%JBANG_CLI_VERSION%^</version^>
  echo     ^</dependency^>
  echo   ^</dependencies^>
  echo ^</project^>
)
rem Maven 3.8's own default dependency plugin is too old for this, so the goal names its version.
set "WB_GOAL=org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath"
set "WB_TMP=%WB_CACHE%\classpath.%RANDOM%.tmp"
set "WB_LOG=%WB_CACHE%\maven.log"
rem Offline first: it needs no network when .m2 has the jars already. Then online, unless
rem WORKBOOK_OFFLINE=1 says there is no network to use.
call mvn -B -q -o -f "%WB_CACHE%\pom.xml" %WB_GOAL% "-Dmdep.outputFile=%WB_TMP%" -Dmdep.includeScope=runtime > "%WB_LOG%" 2>&1
if not errorlevel 1 goto :resolved
if "%WORKBOOK_OFFLINE%"=="1" goto :maven_failed
call mvn -B -q -f "%WB_CACHE%\pom.xml" %WB_GOAL% "-Dmdep.outputFile=%WB_TMP%" -Dmdep.includeScope=runtime > "%WB_LOG%" 2>&1
if not errorlevel 1 goto :resolved
:maven_failed
type "%WB_LOG%" 1>&2
if exist "%WB_TMP%" del /f /q "%WB_TMP%"
echo jbang-scripts\jbang.cmd: Maven could not resolve dev.jbang:jbang-cli:%JBANG_CLI_VERSION% - its output is above and in %WB_LOG% 1>&2
exit /b 1
:resolved
rem Written under a temporary name and renamed, so a run in parallel never reads half a file.
move /y "%WB_TMP%" "%WB_CPFILE%" >nul

:run
set "WB_CP="
for /f "usebackq delims=" %%L in ("%WB_CPFILE%") do set "WB_CP=%%L"
if defined WB_CP goto :have_classpath
echo jbang-scripts\jbang.cmd: %WB_CPFILE% is empty; delete %WB_CACHE% and retry. 1>&2
exit /b 1

:have_classpath

rem 4. Run jbang the way its own launcher does. jbang writes the command that runs the script
rem    (quoted for cmd) and exits with 255; anything else is ordinary output and an exit status.
set "JBANG_RUNTIME_SHELL=cmd"
set "JBANG_LAUNCH_CMD=%~f0"
set "JBANG_NO_VERSION_CHECK=true"
rem "timeout" fails when standard input is not a console.
2>nul >nul timeout /t 0 && (set "JBANG_STDIN_NOTTY=false") || (set "JBANG_STDIN_NOTTY=true")

set "WB_OUT=%WB_CACHE%\output.%RANDOM%.tmp"
"%WB_JAVA%" %JBANG_JAVA_OPTIONS% -classpath "%WB_CP%" dev.jbang.Main %WB_OFFLINE_JBANG% %* > "%WB_OUT%"
set "WB_STATUS=%ERRORLEVEL%"
if not "%WB_STATUS%"=="255" goto :print_output

set "WB_COMMAND="
for /f "usebackq delims=" %%C in ("%WB_OUT%") do if not defined WB_COMMAND set "WB_COMMAND=%%C"
del /f /q "%WB_OUT%"
%WB_COMMAND%
exit /b %ERRORLEVEL%

:print_output
type "%WB_OUT%"
del /f /q "%WB_OUT%"
exit /b %WB_STATUS%
