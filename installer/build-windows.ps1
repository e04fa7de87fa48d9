<#
.SYNOPSIS
  Builds the Windows installer of Duban Desk (督办台): an .msi (default) or .exe, and the app-image folder.

.DESCRIPTION
  Run in PowerShell from a checkout (Windows 10/11, x64):

    powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
    powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 -Type exe -PerUser

  Results in target\installer\:
    <name>-<version>.msi (or .exe)  the installer: Start-menu entry and desktop shortcut "督办台",
                                     a console launcher duban.exe for the command line
    <name>\                          the app-image: runs in place (<name>\<name>.exe), no installation

  Needs:
    - JDK 17 or newer with jlink and jpackage (JAVA_HOME\bin or PATH). Any vendor's JDK.
    - Maven 3.8+ (mvn on PATH).
    - WiX Toolset 3.11 or 3.14 (candle.exe and light.exe on PATH; the WiX 3 installer adds them). WiX 4/5
      (wix.exe) works only with a JDK whose jpackage knows them (JDK 22 or newer).
    - The system locale for non-Unicode programs set to Chinese (Simplified, PRC), the default on a Chinese
      Windows, or "Beta: Use Unicode UTF-8 for worldwide language support" switched on: the JDK tools read
      their command line in that code page, and the name 督办台 must reach jpackage intact. The script
      checks this. Elsewhere, build with an ASCII name: -Name DubanDesk.

  This script has not been run on Windows by its author (it was written on Linux, next to build-linux.sh,
  which is run in CI); the steps are the same as there. See installer\README.md.

.PARAMETER Type
  msi (default) or exe.
.PARAMETER PerUser
  Install for the current user only (into %LOCALAPPDATA%), without administrator rights. Without it the
  installer installs for all users under Program Files and asks for administrator rights.
.PARAMETER Name
  The application name (Start menu, install folder, launcher). Default: name in installer\package.properties.
#>
param(
    [ValidateSet('msi', 'exe')]
    [string]$Type = 'msi',
    [switch]$PerUser,
    [string]$Name
)

$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$Root = (Get-Location).Path
$Out = Join-Path $Root 'target\installer'

function Fail([string]$message) {
    Write-Host "build-windows.ps1: $message" -ForegroundColor Red
    exit 1
}

function Read-Properties([string]$path) {
    # UTF-8, key=value, '#' comments; no escapes (the file is written that way on purpose).
    $map = @{}
    foreach ($line in [System.IO.File]::ReadAllLines($path, [System.Text.Encoding]::UTF8)) {
        if ($line -match '^\s*(#|$)') { continue }
        $i = $line.IndexOf('=')
        if ($i -lt 1) { continue }
        $map[$line.Substring(0, $i).Trim()] = $line.Substring($i + 1)
    }
    return $map
}

function Find-Tool([string]$tool) {
    if ($env:JAVA_HOME) {
        $candidate = Join-Path $env:JAVA_HOME "bin\$tool.exe"
        if (Test-Path $candidate) { return $candidate }
    }
    $cmd = Get-Command $tool -ErrorAction SilentlyContinue
    if (-not $cmd) { Fail "$tool is missing: install a JDK 17+ and set JAVA_HOME (see installer\README.md)" }
    return $cmd.Source
}

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { Fail "$([System.IO.Path]::GetFileName($exe)) failed (exit $LASTEXITCODE)" }
}

$props = Read-Properties (Join-Path $Root 'installer\package.properties')
if (-not $Name) { $Name = $props['name'] }

# The JDK tools decode their command line in the ANSI code page: Chinese survives in 936 (GBK) and 65001.
$codePage = [System.Text.Encoding]::Default.CodePage
$nonAscii = ($Name + $props['vendor'] + $props['description']) -match '[^\x00-\x7F]'
if ($nonAscii -and $codePage -ne 936 -and $codePage -ne 65001) {
    Fail ("the ANSI code page is $codePage, so the Chinese name would reach jpackage as '?'. Set the system " +
        "locale for non-Unicode programs to Chinese (Simplified, PRC), or run with -Name DubanDesk.")
}

$java = Find-Tool 'java'
$jlink = Find-Tool 'jlink'
$jpackage = Find-Tool 'jpackage'
$jar = Find-Tool 'jar'
if (-not (Get-Command mvn -ErrorAction SilentlyContinue)) { Fail 'mvn is missing: install Maven 3.8+ and add it to PATH' }
$wix3 = Get-Command light.exe -ErrorAction SilentlyContinue
$wix4 = Get-Command wix.exe -ErrorAction SilentlyContinue
if (-not $wix3 -and -not $wix4) { Fail 'WiX Toolset is missing: install WiX 3.14 and make sure candle.exe and light.exe are on PATH' }

Write-Host "`n== Building the jar and collecting the libraries (mvn -Pinstaller package)"
if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
& mvn -B -q -Pinstaller -DskipTests clean package
if ($LASTEXITCODE -ne 0) { Fail "mvn failed (exit $LASTEXITCODE)" }
$versionLine = Get-Content (Join-Path $Root 'target\classes\org\duban\version.properties') |
    Where-Object { $_ -like 'version=*' } | Select-Object -First 1
if (-not $versionLine) { Fail 'no version in target\classes\org\duban\version.properties' }
$Version = $versionLine.Substring('version='.Length)
$package = $props['package']
# The shade plugin keeps the program's own jar (without dependencies) as original-duban-desk.jar.
Copy-Item (Join-Path $Root 'target\original-duban-desk.jar') (Join-Path $Out "input\$package.jar")

# The JavaFX jars with a platform classifier (javafx-graphics-21-win.jar) are the modules; the jars without
# one are empty stand-ins.
$fxJars = Get-ChildItem (Join-Path $Out 'javafx') -Filter '*.jar' |
    Where-Object { $_.Name -notmatch '^javafx-[a-z]+-[0-9.]+\.jar$' } | ForEach-Object { $_.FullName }
if (-not $fxJars) { Fail "no JavaFX platform jars in $Out\javafx" }

Write-Host "`n== Linking the runtime (jlink)"
$runtime = Join-Path $Out 'runtime'
Invoke-Checked $jlink @('--module-path', ($fxJars -join ';'), '--add-modules', $props['modules'],
    '--exclude-resources', 'glob:/javafx.graphics/*.dll',
    '--strip-debug', '--no-header-files', '--no-man-pages', '--strip-native-commands',
    '--include-locales=en,zh', '--compress=2', '--output', $runtime)
# JavaFX's native libraries next to the JDK's own (runtime\bin): JavaFX loads them from there, so nothing
# is unpacked into the user's profile at start (where software-restriction policies may forbid running it).
$natives = Join-Path $Out 'natives'
New-Item -ItemType Directory -Force $natives | Out-Null
Push-Location $natives
try {
    foreach ($fx in $fxJars) {
        $dlls = & $jar tf $fx | Where-Object { $_ -like '*.dll' }
        if ($dlls) { Invoke-Checked $jar (@('xf', $fx) + $dlls) }
    }
} finally {
    Pop-Location
}
Copy-Item (Join-Path $natives '*.dll') (Join-Path $runtime 'bin')

$common = @('--name', $Name, '--app-version', $Version, '--vendor', $props['vendor'],
    '--description', $props['description'], '--copyright', $props['copyright'],
    '--icon', (Join-Path $Root 'assets\icons\duban.ico'), '--dest', $Out)
# jpackage picks the installer's language (and with it the MSI code page, 936 for Chinese) from its own
# locale: Chinese, so that the name 督办台 fits the code page and the installer speaks Chinese.
$zh = @('-J-Duser.language=zh', '-J-Duser.country=CN')

Write-Host "`n== Making the app-image (jpackage --type app-image)"
# A second launcher, duban.exe, with a console: for the command line (duban --version, duban stats ...).
$cliLauncher = Join-Path $Out 'duban-cli.properties'
[System.IO.File]::WriteAllLines($cliLauncher, @('win-console=true', 'win-shortcut=false', 'win-menu=false'))
# The JVM options of every launcher (duban.exe inherits them): package.properties, java.options
$javaOptions = @()
foreach ($o in ($props['java.options'] -split ' ' | Where-Object { $_ })) { $javaOptions += @('--java-options', $o) }
Invoke-Checked $jpackage ($zh + @('--type', 'app-image') + $common + $javaOptions + @(
    '--input', (Join-Path $Out 'input'), '--main-jar', "$package.jar", '--main-class', $props['main.class'],
    '--runtime-image', $runtime, '--add-launcher', "duban=$cliLauncher"))

Write-Host "`n== Making the installer (jpackage --type $Type)"
$installerArgs = @('--type', $Type, '--app-image', (Join-Path $Out $Name),
    '--win-menu', '--win-menu-group', $props['name'], '--win-shortcut', '--win-shortcut-prompt',
    '--win-dir-chooser', '--win-upgrade-uuid', $props['win.upgrade.uuid'])
if ($PerUser) { $installerArgs += '--win-per-user-install' }
Invoke-Checked $jpackage ($zh + $installerArgs + $common)

Remove-Item -Recurse -Force $natives
Write-Host "`n== Done"
Get-ChildItem $Out -Filter "*.$Type" | Format-Table Name, Length
