@echo off
rem The workbook command on Windows: workbook list ^| lesson ^<topic^> [--live] ^| check [^<topic^>] ^| help
rem It builds the course harness with Maven on first run (and says so), then runs it on your JDK.
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "CLASSES=%ROOT%\harness\target\classes"
set "CPFILE=%ROOT%\harness\target\harness.classpath"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
where "%JAVA%" >nul 2>nul || if not exist "%JAVA%" (
  echo workbook: no java found. Install a JDK 17 or newer ^(and Maven 3.8+^), then try again. 1>&2
  exit /b 2
)
if exist "%CPFILE%" if exist "%CLASSES%\dev\aiworkbook\harness\cli\Workbook.class" goto run
echo workbook: building the harness with Maven (first run only; the very first run downloads dependencies and can take a few minutes)... 1>&2
pushd "%ROOT%"
call mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true -Dworkbook.skipAudit %WORKBOOK_MAVEN_ARGS% -pl harness package
set "BUILD=%ERRORLEVEL%"
popd
if not "%BUILD%"=="0" (
  echo workbook: Maven could not build the harness. Check that "mvn -v" shows Maven 3.8+ running on Java 17+. 1>&2
  exit /b 2
)
:run
set /p DEPS=<"%CPFILE%"
"%JAVA%" -Dworkbook.root="%ROOT%" -cp "%CLASSES%;%DEPS%" dev.aiworkbook.harness.cli.Workbook %*
exit /b %ERRORLEVEL%
