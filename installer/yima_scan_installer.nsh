; Yima Scan installer logic, included by yima_scan.nsi (which build.py writes with the version and paths).
;
; Installer command line (all optional; /D= must come last and is never quoted):
;   /S                          silent
;   /ALLUSERS | /CURRENTUSER    per machine (the default for administrators) or for this user only
;   /SERVER=URL /ENROLL=CODE /LANG=zh_CN|en
;                               rollout settings, written to $INSTDIR\rollout.json for the app's first start
;   /D=C:\Target                install folder (default: the previous install's folder, else
;                               Program Files\Yima Scan or %LOCALAPPDATA%\Programs\Yima Scan)
; yima-rollout.ini beside the installer ([rollout] server=, enroll=, language=) gives the same rollout
; settings for a whole rollout; the command line wins over the file.
; Uninstaller (uninstall.exe in the install folder): /S, /PURGE (also delete this user's station data).
; Exit codes: 0 done, 1 cancelled, 2 failed (e.g. Yima Scan still running, bad rollout value),
;             740 /ALLUSERS without administrator rights.

Target amd64-unicode
!ifdef FAST
  SetCompress off ; build.py --fast: checks that the script packs a bundle, in seconds
!else
  SetCompressor /SOLID lzma
!endif
SetDateSave off ; the same payload gives the same installer bytes
ManifestDPIAware true
RequestExecutionLevel highest

!define PRODUCT "Yima Scan"
!define COMPANY "Yima"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\YimaScan"
!define DATA_SUBDIR "Yima\YimaScan" ; platformdirs.user_data_path("YimaScan", "Yima") below %LOCALAPPDATA%
!define MANIFEST "install-manifest.txt"
!define ROLLOUT_JSON "rollout.json"
!define ROLLOUT_INI "yima-rollout.ini"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails show
ShowUnInstDetails show

VIProductVersion "${VI_VERSION}"
VIAddVersionKey /LANG=1033 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1033 "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=1033 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "(c) ${COMPANY}"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include TextFunc.nsh
!include nsDialogs.nsh
!include "${BUILD_DIR}\files.nsh"

Var Scope    ; AllUsers | CurrentUser
Var Purge    ; 1: the uninstaller also deletes this user's station data
Var PurgeBox

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
UninstPage custom un.PurgePage un.PurgePageLeave
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString MsgRunning ${LANG_ENGLISH} "Yima Scan is running on this PC. Quit it, then run this again."
LangString MsgRunning ${LANG_SIMPCHINESE} "本机正在运行一码扫。请先退出一码扫，然后重新运行。"
LangString MsgNeedAdmin ${LANG_ENGLISH} "Installing for all users needs administrator rights. Run as administrator, or use /CURRENTUSER."
LangString MsgNeedAdmin ${LANG_SIMPCHINESE} "为所有用户安装需要管理员权限。请以管理员身份运行，或使用 /CURRENTUSER。"
LangString MsgBadValue ${LANG_ENGLISH} "A rollout setting contains a quote or backslash, which is not allowed: "
LangString MsgBadValue ${LANG_SIMPCHINESE} "部署参数中含有不允许的引号或反斜杠："
LangString PurgeTitle ${LANG_ENGLISH} "Station data"
LangString PurgeTitle ${LANG_SIMPCHINESE} "工作站数据"
LangString PurgeSubtitle ${LANG_ENGLISH} "Keep or delete this station's database"
LangString PurgeSubtitle ${LANG_SIMPCHINESE} "保留或删除本工作站的数据库"
LangString PurgeText ${LANG_ENGLISH} "The station's database, settings and logs stay on this PC, so a reinstall continues where it stopped. Scans that were not yet synced exist only there."
LangString PurgeText ${LANG_SIMPCHINESE} "本工作站的数据库、设置和日志会保留在本机，重新安装后可继续使用。尚未同步的扫码记录只保存在这里。"
LangString PurgeBoxText ${LANG_ENGLISH} "Also delete this station's data (unsynced scans are lost)"
LangString PurgeBoxText ${LANG_SIMPCHINESE} "同时删除本工作站的数据（未同步的扫码记录将丢失）"

; --- helpers shared by installer and uninstaller ------------------------------------------

!macro YIMA_SHARED_FUNCTIONS UN

; Per machine for administrators, per user otherwise; /ALLUSERS or /CURRENTUSER decides.
Function ${UN}ChooseScope
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 == "Admin"
    StrCpy $Scope "AllUsers"
  ${Else}
    StrCpy $Scope "CurrentUser"
  ${EndIf}
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/CURRENTUSER" $2
  ${IfNot} ${Errors}
    StrCpy $Scope "CurrentUser"
  ${EndIf}
  ClearErrors
  ${GetOptions} $1 "/ALLUSERS" $2
  ${IfNot} ${Errors}
    ${If} $0 != "Admin"
      MessageBox MB_OK|MB_ICONSTOP "$(MsgNeedAdmin)" /SD IDOK
      SetErrorLevel 740
      Quit
    ${EndIf}
    StrCpy $Scope "AllUsers"
  ${EndIf}
  ${If} $Scope == "AllUsers"
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

; A running app keeps its executables locked: refuse rather than leave a half-replaced folder.
Function ${UN}RefuseWhileRunning
  ${ForEach} $0 0 1 + 1
    ${If} $0 == 0
      StrCpy $1 "$INSTDIR\${APP_EXE}"
    ${Else}
      StrCpy $1 "$INSTDIR\${CLI_EXE}"
    ${EndIf}
    ${If} ${FileExists} $1
      Delete $1
      ${If} ${FileExists} $1
        MessageBox MB_OK|MB_ICONSTOP "$(MsgRunning)" /SD IDOK
        DetailPrint "$(MsgRunning)"
        SetErrorLevel 2
        Abort
      ${EndIf}
    ${EndIf}
  ${Next}
FunctionEnd

; Delete what $INSTDIR\install-manifest.txt lists: files, then folders (trailing "\", deepest
; first, removed only when empty). Nothing else in the folder is touched.
Function ${UN}RemoveListedFiles
  ClearErrors
  FileOpen $0 "$INSTDIR\${MANIFEST}" r
  ${If} ${Errors}
    Return
  ${EndIf}
  FileReadWord $0 $1
  ${If} $1 != 65279 ; no BOM: read from the start
    FileSeek $0 0 SET
  ${EndIf}
  ${Do}
    ClearErrors
    FileReadUTF16LE $0 $1
    ${If} ${Errors}
      ${Break}
    ${EndIf}
    ${TrimNewLines} $1 $1
    ${If} $1 == ""
    ${OrIf} $1 == "\"
      ${Continue}
    ${EndIf}
    StrCpy $2 $1 2
    StrCpy $3 $1 1 1
    ${If} $2 == ".."
    ${OrIf} $3 == ":"
      ${Continue} ; never outside the install folder
    ${EndIf}
    StrCpy $2 $1 1 -1
    ${If} $2 == "\"
      RMDir "$INSTDIR\$1"
    ${Else}
      Delete "$INSTDIR\$1"
    ${EndIf}
  ${Loop}
  FileClose $0
FunctionEnd

!macroend

!insertmacro YIMA_SHARED_FUNCTIONS ""
!insertmacro YIMA_SHARED_FUNCTIONS "un."

; Value of "/NAME=value" (or /NAME="value") in the parameters; "" when absent.
; Unlike GetOptions it keeps "/" inside a value, so /SERVER=https://host/path works unquoted.
; Stack in: parameters, option (top). Stack out: value.
Function ArgValue
  Exch $1
  Exch
  Exch $0
  Push $2
  Push $3
  Push $4
  Push $5
  StrLen $2 $1
  StrCpy $3 0
  ${Do}
    StrCpy $4 $0 $2 $3
    ${If} $4 == ""
      StrCpy $0 ""
      Goto done
    ${EndIf}
    ${If} $4 == $1 ; case-insensitive
      ${Break}
    ${EndIf}
    IntOp $3 $3 + 1
  ${Loop}
  IntOp $3 $3 + $2
  StrCpy $0 $0 "" $3
  StrCpy $5 " "
  StrCpy $4 $0 1
  ${If} $4 == '"'
    StrCpy $5 '"'
    StrCpy $0 $0 "" 1
  ${EndIf}
  StrCpy $3 0
  ${Do}
    StrCpy $4 $0 1 $3
    ${If} $4 == ""
    ${OrIf} $4 == $5
    ${OrIf} $4 == '"'
      ${Break}
    ${EndIf}
    IntOp $3 $3 + 1
  ${Loop}
  StrCpy $0 $0 $3
  done:
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Exch
  Pop $1
  Exch $0
FunctionEnd

!macro ARG_VALUE PARAMS OPTION RESULT
  Push `${PARAMS}`
  Push `${OPTION}`
  Call ArgValue
  Pop ${RESULT}
!macroend

; Abort when a value would break the JSON string it goes into.
Function RequireJsonSafe
  Exch $0
  Push $1
  Push $2
  StrCpy $1 0
  ${Do}
    StrCpy $2 $0 1 $1
    ${If} $2 == ""
      ${Break}
    ${EndIf}
    ${If} $2 == '"'
    ${OrIf} $2 == "\"
      MessageBox MB_OK|MB_ICONSTOP "$(MsgBadValue)$0" /SD IDOK
      DetailPrint "$(MsgBadValue)$0"
      SetErrorLevel 2
      Abort
    ${EndIf}
    IntOp $1 $1 + 1
  ${Loop}
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

; Server URL, enrollment code and language for a mass rollout, from yima-rollout.ini beside the
; installer and/or the command line, into $INSTDIR\rollout.json (UTF-16 with BOM). The app imports
; it into the station's settings on start, once per distinct content. Without any value an
; existing rollout.json is kept, so a plain upgrade does not undo a rollout.
Function WriteRollout
  ${GetParameters} $R0
  ReadINIStr $R1 "$EXEDIR\${ROLLOUT_INI}" "rollout" "server"
  ReadINIStr $R2 "$EXEDIR\${ROLLOUT_INI}" "rollout" "enroll"
  ReadINIStr $R3 "$EXEDIR\${ROLLOUT_INI}" "rollout" "language"
  !insertmacro ARG_VALUE $R0 "/SERVER=" $0
  ${If} $0 != ""
    StrCpy $R1 $0
  ${EndIf}
  !insertmacro ARG_VALUE $R0 "/ENROLL=" $0
  ${If} $0 != ""
    StrCpy $R2 $0
  ${EndIf}
  !insertmacro ARG_VALUE $R0 "/LANG=" $0
  ${If} $0 != ""
    StrCpy $R3 $0
  ${EndIf}
  ${If} "$R1$R2$R3" == ""
    Return
  ${EndIf}
  Push $R1
  Call RequireJsonSafe
  Push $R2
  Call RequireJsonSafe
  Push $R3
  Call RequireJsonSafe
  FileOpen $0 "$INSTDIR\${ROLLOUT_JSON}" w
  FileWriteWord $0 65279
  FileWriteUTF16LE $0 '{"server_url": "$R1", "enroll_code": "$R2", "language": "$R3", "written_by": "installer ${VERSION}"}$\r$\n'
  FileClose $0
  DetailPrint "Rollout settings written to $INSTDIR\${ROLLOUT_JSON} (server: $R1)"
FunctionEnd

; --- installer ----------------------------------------------------------------------------

Function .onInit
  StrCpy $R9 $INSTDIR ; only /D= sets it before .onInit (there is no InstallDir attribute)
  Call ChooseScope
  ${If} $R9 != ""
    StrCpy $INSTDIR $R9
  ${Else}
    ReadRegStr $0 SHCTX "${UNINST_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0 ; upgrade in place
    ${ElseIf} $Scope == "AllUsers"
      StrCpy $INSTDIR "$PROGRAMFILES64\${PRODUCT}"
    ${Else}
      StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${PRODUCT}"
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "Yima Scan"
  SetOutPath "$INSTDIR"
  Call RefuseWhileRunning
  ${If} ${FileExists} "$INSTDIR\${MANIFEST}"
    DetailPrint "Removing the previous version's files"
    Call RemoveListedFiles
  ${EndIf}
  !insertmacro YIMA_INSTALL_FILES
  File "/oname=${MANIFEST}" "${BUILD_DIR}\${MANIFEST}"
  Call WriteRollout
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}"

  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${COMPANY}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallScope" "$Scope"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$Scope'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S /$Scope'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; --- uninstaller --------------------------------------------------------------------------

Function un.onInit
  StrCpy $Purge 0
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/PURGE" $2
  ${IfNot} ${Errors}
    StrCpy $Purge 1
  ${EndIf}
  Call un.ChooseScope
  ; Without a switch, the scope is where this folder was registered.
  ClearErrors
  ${GetOptions} $1 "/ALLUSERS" $2
  ${If} ${Errors}
    ClearErrors
    ${GetOptions} $1 "/CURRENTUSER" $2
    ${If} ${Errors}
      ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
      ${If} $0 == $INSTDIR
        StrCpy $Scope "AllUsers"
        SetShellVarContext all
      ${Else}
        StrCpy $Scope "CurrentUser"
        SetShellVarContext current
      ${EndIf}
    ${EndIf}
  ${EndIf}
FunctionEnd

Function un.PurgePage
  !insertmacro MUI_HEADER_TEXT "$(PurgeTitle)" "$(PurgeSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 48u "$(PurgeText)"
  Pop $0
  ${NSD_CreateCheckbox} 0 56u 100% 14u "$(PurgeBoxText)"
  Pop $PurgeBox
  ${If} $Purge == 1
    ${NSD_Check} $PurgeBox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.PurgePageLeave
  ${NSD_GetState} $PurgeBox $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $Purge 1
  ${Else}
    StrCpy $Purge 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Call un.RefuseWhileRunning
  Call un.RemoveListedFiles
  Delete "$INSTDIR\${MANIFEST}"
  Delete "$INSTDIR\${ROLLOUT_JSON}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR" ; only when empty: anything IT put there stays
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey SHCTX "${UNINST_KEY}"
  SetShellVarContext current ; station data lives in the user's %LOCALAPPDATA%
  ${If} $Purge == 1
    RMDir /r "$LOCALAPPDATA\${DATA_SUBDIR}"
    RMDir "$LOCALAPPDATA\Yima"
    DetailPrint "Deleted the station data in $LOCALAPPDATA\${DATA_SUBDIR}"
  ${Else}
    DetailPrint "Kept the station data in $LOCALAPPDATA\${DATA_SUBDIR}"
  ${EndIf}
SectionEnd
