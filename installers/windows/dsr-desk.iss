; Inno Setup 6 script for DSR Desk on Windows 10 and 11 (x64).
; Built by installers/build.py on Windows after PyInstaller, or by hand:
;   iscc /DAppVersion=0.1.0 /DRoot=C:\path\to\checkout installers\windows\dsr-desk.iss
; Signed (optional): define the sign tool "dsrsign" and DSR_DESK_SIGN, see installers/README.md:
;   iscc /DSign "/Sdsrsign=signtool.exe sign /fd sha256 /td sha256 /tr TIMESTAMP_URL /sha1 CERT_THUMBPRINT $f" ...
;
; Per user: no administrator rights, installed in %LOCALAPPDATA%\Programs\DSR Desk, a Start-menu entry.
; The uninstaller removes only what this setup installed. The workspace (the cases, in
; %LOCALAPPDATA%\DSR Desk) and the log are never touched: there is deliberately no [UninstallDelete].

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (installers/build.py does)
#endif
#ifndef Root
  #define Root "..\.."
#endif
#define AppName "DSR Desk"
#define Bundle Root + "\dist\dsr-desk"

[Setup]
; One fixed AppId for every version, so an update replaces the previous installation.
AppId={{6B8E2F4C-3D71-4C2A-9E5B-1F0A7D3C9B12}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=DSR-Desk-{#AppVersion}-setup
SetupIconFile={#Root}\build\installer\icons\dsr-desk.ico
UninstallDisplayIcon={app}\{#AppName}.exe
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
CloseApplications=yes
#ifdef Sign
SignTool=dsrsign
SignedUninstaller=yes
#endif

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.WorkspaceKept=DSR Desk is verwijderd. Uw dossiers (de werkmap in %1) zijn bewaard; verwijder die map zelf als u ze echt niet meer nodig hebt.
en.WorkspaceKept=DSR Desk has been removed. Your cases (the workspace in %1) are kept; delete that folder yourself if you truly no longer need them.
nl.DesktopIcon=Snelkoppeling op het bureaublad
en.DesktopIcon=Desktop shortcut

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The two executables first, so that a signed build signs them (once) before they are packed.
#ifdef Sign
Source: "{#Bundle}\{#AppName}.exe"; DestDir: "{app}"; Flags: ignoreversion signonce
Source: "{#Bundle}\dsr-desk.exe"; DestDir: "{app}"; Flags: ignoreversion signonce
#else
Source: "{#Bundle}\{#AppName}.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\dsr-desk.exe"; DestDir: "{app}"; Flags: ignoreversion
#endif
Source: "{#Bundle}\*"; Excludes: "\{#AppName}.exe,\dsr-desk.exe"; DestDir: "{app}"; \
  Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\build\installer\THIRD_PARTY_NOTICES.txt"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppName}.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppName}.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('WorkspaceKept'), [ExpandConstant('{localappdata}\{#AppName}')]),
      mbInformation, MB_OK);
end;
