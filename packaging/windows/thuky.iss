; Inno Setup script of the Windows installer of Thư Ký: it installs the PyInstaller bundle dist\ThuKy
; (built from the spec the Linux bundle is built and tested with, packaging\thuky.spec), a Start-menu
; entry, and "Open with → Thư Ký" for .json files. Windows associates files by their last extension
; only, so a ".minutes.json" cannot have an association of its own without taking every .json: the
; installer offers Thư Ký in "Open with" and, as a task the user may tick, as the default for .json.
; Built by .github/workflows/windows-bundle.yml: ISCC /DVersion=0.1.0 packaging\windows\thuky.iss
; (saved as UTF-8 with a byte-order mark, which Inno Setup needs for the Vietnamese letters).

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{9D3F6C2A-4B7E-4E1A-9C55-2F8A7D1B6E40}
AppName=Thư Ký
AppVersion={#Version}
AppPublisher=Thư Ký developers
AppComments=Biên bản, bài tin và thông báo kết luận cuộc họp
DefaultDirName={autopf}\ThuKy
DefaultGroupName=Thư Ký
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights; an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64
ArchitecturesInstallIn64BitMode=x64
OutputDir=..\..\dist
OutputBaseFilename=ThuKy-{#Version}-setup
SetupIconFile=..\..\resources\icons\thuky.ico
UninstallDisplayIcon={app}\ThuKy.exe
UninstallDisplayName=Thư Ký
ChangesAssociations=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "jsondefault"; Description: "Open every .json file in Thư Ký by default"; Flags: unchecked

[Files]
Source: "..\..\dist\ThuKy\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Thư Ký"; Filename: "{app}\ThuKy.exe"; Comment: "Biên bản, bài tin, thông báo kết luận"
Name: "{autodesktop}\Thư Ký"; Filename: "{app}\ThuKy.exe"; Tasks: desktopicon

[Registry]
; The kind of file, its icon and how to open it.
Root: HKA; Subkey: "Software\Classes\ThuKy.Meeting"; ValueType: string; ValueName: ""; ValueData: "Thư Ký meeting"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ThuKy.Meeting\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ThuKy.exe,0"
Root: HKA; Subkey: "Software\Classes\ThuKy.Meeting\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ThuKy.exe"" ""%1"""
; "Open with → Thư Ký" on .json files (a meeting is NAME.minutes.json).
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "ThuKy.Meeting"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\ThuKy.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Thư Ký"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\ThuKy.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\ThuKy.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ThuKy.exe"" ""%1"""
; Only when the user ticks it: Thư Ký as the default program for .json.
Root: HKA; Subkey: "Software\Classes\.json"; ValueType: string; ValueName: ""; ValueData: "ThuKy.Meeting"; Flags: uninsdeletevalue; Tasks: jsondefault

[Run]
Filename: "{app}\ThuKy.exe"; Description: "{cm:LaunchProgram,Thư Ký}"; Flags: nowait postinstall skipifsilent
