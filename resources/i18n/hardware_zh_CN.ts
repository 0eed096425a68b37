<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScannerNames</name>
    <message>
        <location filename="../../app/ui/scanner_names.py" line="17"/>
        <source>Keyboard-wedge gun</source>
        <translation>键盘式扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_names.py" line="18"/>
        <source>Demo gun</source>
        <translation>模拟扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_names.py" line="19"/>
        <source>Serial gun %1</source>
        <translation>串口扫码枪 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_names.py" line="20"/>
        <source>Network scanner %1</source>
        <translation>网络扫码器 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_names.py" line="21"/>
        <source>Camera %1</source>
        <translation>摄像头 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_names.py" line="22"/>
        <source>Video file %1</source>
        <translation>视频文件 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_names.py" line="23"/>
        <source>Image file %1</source>
        <translation>图片文件 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_names.py" line="25"/>
        <source>Scanner %1</source>
        <translation>扫码器 %1</translation>
    </message>
</context>
<context>
    <name>ScannerSelfTest</name>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="44"/>
        <source>1. Upper and lower case</source>
        <translation>1. 大小写</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="51"/>
        <source>2. Keyboard layout</source>
        <translation>2. 键盘布局</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="58"/>
        <source>3. GS1 DataMatrix with separators</source>
        <translation>3. 带分隔符的 GS1 DataMatrix</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="66"/>
        <source>4. GS1-128 with separators</source>
        <translation>4. 带分隔符的 GS1-128</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="74"/>
        <source>5. Chinese text</source>
        <translation>5. 中文</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="81"/>
        <source>6. Long web address</source>
        <translation>6. 长网址</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="313"/>
        <source>A read matched no code on the test sheet: {text}</source>
        <translation>读到的内容与测试页上的任何条码都不符：{text}</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="316"/>
        <source>Scan only the codes on the test sheet, one after another.</source>
        <translation>请只扫测试页上的条码，按顺序逐个扫。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="327"/>
        <source>The scanner is set up correctly: every test code arrived exactly as printed.</source>
        <translation>扫码枪设置正确：每个测试码都与打印内容完全一致。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="354"/>
        <source>Stop correcting letters for Caps Lock (this gun follows it)</source>
        <translation>不再按大写锁定纠正字母（这把扫码枪会自行处理）</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="358"/>
        <source>Correct letters inverted by Caps Lock</source>
        <translation>纠正被大写锁定颠倒的字母大小写</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="364"/>
        <source>Upper and lower case arrive swapped (AbC becomes aBc): Caps Lock is on and the gun does not follow it.</source>
        <translation>大小写被颠倒了（AbC 变成 aBc）：大写锁定（Caps Lock）已打开，而扫码枪没有跟随它。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="368"/>
        <source>Turn Caps Lock off. If the gun&apos;s manual has a &quot;Caps Lock auto-detect&quot; or &quot;ignore Caps Lock&quot; setting, scan it.</source>
        <translation>请关闭大写锁定。如果扫码枪说明书里有“自动识别大写锁定”或“忽略大写锁定”的设置码，请扫描该设置码。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="379"/>
        <source>Every letter arrives in upper case: the gun converts case.</source>
        <translation>所有字母都变成了大写：扫码枪开启了大小写转换。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="385"/>
        <source>Every letter arrives in lower case: the gun converts case.</source>
        <translation>所有字母都变成了小写：扫码枪开启了大小写转换。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="397"/>
        <source>Scan the &quot;no case conversion&quot; setting code in the gun&apos;s manual; codes are case-sensitive.</source>
        <translation>请扫描扫码枪说明书中的“不转换大小写”设置码；条码区分大小写。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="418"/>
        <source>Characters arrive changed (y and z, a and q, digits): the gun types for a US keyboard but Windows uses {layout}.</source>
        <translation>字符被改变了（y 与 z、a 与 q、数字）：扫码枪按美式键盘输出，而 Windows 使用的是{layout}键盘。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="422"/>
        <source>Scan the &quot;keyboard country: {layout}&quot; code in the gun&apos;s manual, or switch Windows to the English (US) keyboard while scanning.</source>
        <translation>请扫描扫码枪说明书中的“键盘国家：{layout}”设置码，或在扫码时把 Windows 键盘切换为英语（美国）。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="430"/>
        <source>Map {layout} keys back to what the gun sent</source>
        <translation>把{layout}键盘的按键还原为扫码枪发送的字符</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="446"/>
        <source>Some characters (such as = in web addresses) are lost on the {layout} keyboard and cannot be put back by the station.</source>
        <translation>部分字符（例如网址中的 =）在{layout}键盘上会丢失，本机无法还原。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="450"/>
        <source>Fix the keyboard country on the gun; mapping keys back is only a stopgap.</source>
        <translation>请在扫码枪上设置正确的键盘国家；按键还原只是临时办法。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="464"/>
        <source>The station maps {layout} keys back, but this gun already types correctly.</source>
        <translation>本机正在还原{layout}键盘的按键，但这把扫码枪本来就输出正确。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="473"/>
        <source>Stop mapping keyboard layouts</source>
        <translation>停止键盘布局还原</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="489"/>
        <source>The GS separator of GS1 codes is lost, so batch and serial run together (10AB1221…).</source>
        <translation>GS1 条码中的 GS 分隔符丢失了，批号和序列号连在了一起（10AB1221…）。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="493"/>
        <source>Turn on &quot;transmit FNC1 / GS&quot; in the gun (as Ctrl+] for a keyboard gun). If the gun can only replace it, choose a character such as ~ and run this test again: the station will turn it back into GS.</source>
        <translation>请在扫码枪中开启“发送 FNC1 / GS”（键盘式扫码枪用 Ctrl+] 发送）。如果扫码枪只能用其他字符代替，请选择 ~ 之类的字符后重新测试：本机会把它还原为 GS。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="509"/>
        <source>The gun sends &quot;{substitute}&quot; where GS1 codes hold the GS separator.</source>
        <translation>扫码枪在 GS1 条码的 GS 分隔符位置发送的是“{substitute}”。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="513"/>
        <source>Either let the station turn &quot;{substitute}&quot; back into GS, or set the gun to send GS (Ctrl+]).</source>
        <translation>可以让本机把“{substitute}”还原为 GS，或把扫码枪设置为发送 GS（Ctrl+]）。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="521"/>
        <source>Read &quot;{substitute}&quot; as GS</source>
        <translation>把“{substitute}”当作 GS</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="545"/>
        <source>The gun puts the symbology identifier in front of each code ({prefix}). The station reads it; nothing to do.</source>
        <translation>扫码枪在每个条码前加了码制标识符（{prefix}）。本机能识别它，无需处理。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="554"/>
        <source>Refuse a read without its symbology identifier: it is a piece of a code</source>
        <translation>拒收没有码制标识符的读取：那只是一个码的一部分</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="570"/>
        <source>The gun adds &quot;{prefix}&quot; in front of every code.</source>
        <translation>扫码枪在每个条码前加了“{prefix}”。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="573"/>
        <source>Clear the prefix in the gun&apos;s settings, or let the station remove it.</source>
        <translation>请在扫码枪设置中清除前缀，或让本机去掉它。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="581"/>
        <source>Remove the prefix &quot;{prefix}&quot;</source>
        <translation>去掉前缀“{prefix}”</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="596"/>
        <source>The gun adds &quot;{suffix}&quot; after every code.</source>
        <translation>扫码枪在每个条码后加了“{suffix}”。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="597"/>
        <source>Set the gun&apos;s suffix to Enter (CR) only, or let the station remove it.</source>
        <translation>请把扫码枪的后缀只设为回车（CR），或让本机去掉它。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="605"/>
        <source>Remove the suffix &quot;{suffix}&quot;</source>
        <translation>去掉后缀“{suffix}”</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="638"/>
        <source>Chinese text arrives garbled: the gun sends {sent} but the station reads {read}.</source>
        <translation>中文成了乱码：扫码枪发送的是 {sent}，本机按 {read} 读取。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="642"/>
        <location filename="../../hardware/selftest_sheet.py" line="681"/>
        <source>Set the port&apos;s encoding to {sent}, or set the gun to send {read}.</source>
        <translation>请把端口编码设为 {sent}，或把扫码枪设置为发送 {read}。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="652"/>
        <location filename="../../hardware/selftest_sheet.py" line="689"/>
        <source>Read the port as {sent}</source>
        <translation>按 {sent} 读取此端口</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="677"/>
        <source>Chinese text was refused: the gun sends {sent} but the station reads {read}.</source>
        <translation>中文内容被拒收：扫码枪发送的是 {sent}，本机按 {read} 读取。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="702"/>
        <source>Chinese text did not arrive: this gun cannot type Chinese as a keyboard in its current mode.</source>
        <translation>中文没有收到：这把扫码枪在当前模式下无法以键盘方式输入中文。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="706"/>
        <source>If codes with Chinese matter, set the gun to its Unicode (&quot;Alt+keypad&quot;) keyboard mode, or switch it to USB virtual COM and add it as a serial scanner.</source>
        <translation>如果需要扫带中文的条码，请把扫码枪设为 Unicode（“Alt+小键盘”）键盘模式，或切换为 USB 虚拟串口并作为串口扫码枪添加。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="724"/>
        <source>Long codes arrive cut short.</source>
        <translation>长条码被截短了。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="725"/>
        <source>Raise the gun&apos;s maximum code length, and check that the keyboard-wedge delay between keys is not set to drop characters.</source>
        <translation>请调大扫码枪的最大条码长度，并检查键盘输出的按键间隔设置是否导致丢字符。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="773"/>
        <source>The gun ends every code with {terminator}, but the station is set to wait for the pause after a code, which is slower.</source>
        <translation>扫码枪在每个条码后都发送 {terminator}，但本机设置为等待扫描后的停顿，速度较慢。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="782"/>
        <source>End a code at its {terminator}</source>
        <translation>以 {terminator} 作为条码结束</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="793"/>
        <source>The gun stopped in the middle of {count} code(s): they arrived without their end and were not read.</source>
        <translation>扫码枪在 {count} 个条码的中途停了下来：这些条码没有完整到达，未被读入。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="797"/>
        <source>Hold the gun still until it beeps, then run this test again. If it keeps happening, plug the gun straight into the PC (not through a hub) or try another cable.</source>
        <translation>请保持扫码枪稳定直到它发出提示音，然后重新测试。如果仍然发生，请把扫码枪直接插在电脑上（不要经过集线器），或换一根线。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="809"/>
        <source>The gun sends nothing after a code (no Enter / CR): the station has to wait for a pause, which is slower and can join two quick scans.</source>
        <translation>扫码枪在条码后没有发送任何结束符（没有回车 / CR）：本机只能等停顿来判断结束，速度较慢，快速连扫时可能把两次扫描连在一起。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="813"/>
        <source>Set the gun&apos;s suffix to CR (Enter).</source>
        <translation>请把扫码枪的后缀设为 CR（回车）。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="818"/>
        <source>End a read at the pause after it</source>
        <translation>以扫描后的停顿作为结束</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="840"/>
        <location filename="../../hardware/selftest_sheet.py" line="850"/>
        <source>Hold every code until its {terminator}: a pause inside a code can no longer split it</source>
        <translation>每个条码都等到 {terminator} 才结束：条码中途的停顿不会再把它拆开</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="862"/>
        <source>The gun ends every code with {terminator}, so the station can tell a whole code from a piece of one.</source>
        <translation>扫码枪在每个条码后都发送 {terminator}，本机据此可以区分完整的条码和条码的片段。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="890"/>
        <source>Test code &quot;{label}&quot; did not arrive.</source>
        <translation>测试码“{label}”没有收到。</translation>
    </message>
    <message>
        <location filename="../../hardware/selftest_sheet.py" line="891"/>
        <source>Make sure {symbology} is enabled in the gun (many guns ship with it off), then scan it again.</source>
        <translation>请确认扫码枪已启用 {symbology}（很多扫码枪出厂时是关闭的），然后再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_sheet.py" line="83"/>
        <location filename="../../app/ui/scanner_sheet.py" line="135"/>
        <source>Yima Scan scanner test sheet</source>
        <translation>一码扫 扫码枪测试页</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_sheet.py" line="89"/>
        <source>Open Scanner self-test in Yima Scan&apos;s settings, then scan the codes below in order with the gun you are testing. The station tells you what is wrong and how to fix it. Print at 100% (no fit to page).</source>
        <translation>在一码扫的设置中打开“扫码枪自检”，然后用要检测的扫码枪按顺序扫描下面的条码。本机会告诉您哪里设置不对、如何改正。请按 100% 比例打印（不要缩放到页面）。</translation>
    </message>
</context>
<context>
    <name>ScannerSettings</name>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="70"/>
        <source>Scanner</source>
        <translation>扫码设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="71"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="72"/>
        <source>Last scan</source>
        <translation>最近一次扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="73"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="74"/>
        <source>Scans</source>
        <translation>扫描次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="75"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsPage</name>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="197"/>
        <source>wedge, serial:COM3?baud=9600, serial:usb:VID:PID, tcp:HOST:PORT, camera:0, file:VIDEO, image:PICTURE</source>
        <translation>wedge（键盘式）、serial:COM3?baud=9600、serial:usb:VID:PID、tcp:主机:端口、camera:0、file:视频、image:图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="201"/>
        <source>Add scanner</source>
        <translation>添加扫码设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="203"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="208"/>
        <source>Scanner self-test…</source>
        <translation>扫码枪自检…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="254"/>
        <source>This scanner could not be started: %1</source>
        <translation>无法启动此扫码设备：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="277"/>
        <source>Keyboard-wedge (USB) guns</source>
        <translation>键盘式（USB）扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="284"/>
        <source>Keys closer together than this are a gun; a person types slower.</source>
        <translation>按键间隔小于此值视为扫码枪输入；人打字比这慢。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="290"/>
        <source>Enter or Tab</source>
        <translation>回车或 Tab</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="291"/>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="292"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="293"/>
        <source>None: the pause after the code</source>
        <translation>无：以扫描后的停顿为准</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="299"/>
        <source>e.g. ~ when the gun cannot type Ctrl+]</source>
        <translation>例如 ~（扫码枪无法输出 Ctrl+] 时）</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="300"/>
        <source>Correct letters inverted by Caps Lock</source>
        <translation>纠正被大写锁定颠倒的字母大小写</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="302"/>
        <source>No (the gun matches the PC keyboard)</source>
        <translation>不需要（扫码枪与电脑键盘一致）</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="305"/>
        <source>Keep the input method out of the gun&apos;s way</source>
        <translation>扫码时避开输入法</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="307"/>
        <source>Every code ends with it: hold a code until it comes</source>
        <translation>每个条码都以它结束：一直等到它出现才算扫完</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="311"/>
        <source>Set by the self-test when the gun sent its Enter after every code. A pause inside a code then cannot split it, and a code that never gets its end is refused.</source>
        <translation>自检发现扫码枪在每个条码后都发送回车时会勾选此项。这样条码中途的停顿不会把它拆开，没有结束符的条码会被拒收。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="316"/>
        <source>Every code starts with its symbology identifier (]d2, ]Q1…)</source>
        <translation>每个条码都以码制标识符开头（]d2、]Q1…）</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="319"/>
        <source>A read without one is a piece of a code and is refused: scan it again.</source>
        <translation>没有标识符的读取只是条码的一部分，会被拒收：请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="321"/>
        <source>Longest gap between a gun&apos;s keys</source>
        <translation>扫码枪按键的最大间隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="322"/>
        <source>Shortest code</source>
        <translation>最短条码长度</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="323"/>
        <source>End of a code</source>
        <translation>条码结束符</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="326"/>
        <source>Prefix to remove</source>
        <translation>要去掉的前缀</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="327"/>
        <source>Suffix to remove</source>
        <translation>要去掉的后缀</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="328"/>
        <source>GS sent as</source>
        <translation>GS 的替代字符</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_settings.py" line="329"/>
        <source>US gun on a keyboard layout</source>
        <translation>美式扫码枪用于以下键盘布局</translation>
    </message>
</context>
<context>
    <name>ScannerWizard</name>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="95"/>
        <source>Scanner self-test</source>
        <translation>扫码枪自检</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="117"/>
        <source>Most false errors come from a gun set up wrongly: keyboard layout, Caps Lock, a lost GS separator, an extra prefix, the wrong text encoding. Print the test sheet, then scan its six codes in order with the gun you want to check.</source>
        <translation>大多数误报都来自扫码枪设置不当：键盘布局、大写锁定、GS 分隔符丢失、多余的前缀、文字编码错误。请打印测试页，然后用要检测的扫码枪按顺序扫描其中的六个条码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="128"/>
        <source>Save the test sheet as PDF…</source>
        <translation>将测试页保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="130"/>
        <source>Start scanning</source>
        <translation>开始扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="135"/>
        <source>Scanner to test:</source>
        <translation>要检测的扫码设备：</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="154"/>
        <source>Show the results</source>
        <translation>查看结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="169"/>
        <source>Apply the ticked fixes</source>
        <translation>应用勾选的修正</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="171"/>
        <source>Test again</source>
        <translation>重新测试</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="173"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="176"/>
        <source>What the test found:</source>
        <translation>检测结果：</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="198"/>
        <source>Save the test sheet</source>
        <translation>保存测试页</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="200"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF（*.pdf）</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="209"/>
        <source>Test sheet not saved</source>
        <translation>测试页未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="210"/>
        <source>The test sheet could not be saved to %1 (%2). Choose another folder.</source>
        <translation>测试页无法保存到 %1（%2）。请换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="245"/>
        <source>Scan the test sheet&apos;s codes in order. Read so far: %1 of %2.</source>
        <translation>请按顺序扫描测试页上的条码。已读取：%1 / %2。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="272"/>
        <source>case swapped (Caps Lock)</source>
        <translation>大小写颠倒（大写锁定）</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="273"/>
        <source>case changed by the gun</source>
        <translation>大小写被扫码枪转换</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="274"/>
        <source>characters changed by the keyboard layout</source>
        <translation>字符被键盘布局改变</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="275"/>
        <source>GS separator lost</source>
        <translation>GS 分隔符丢失</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="276"/>
        <source>GS sent as another character</source>
        <translation>GS 被替换为其他字符</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="277"/>
        <source>extra characters in front</source>
        <translation>前面多了字符</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="278"/>
        <source>extra characters after it</source>
        <translation>后面多了字符</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="279"/>
        <source>Chinese garbled</source>
        <translation>中文乱码</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="280"/>
        <source>cut short</source>
        <translation>被截短</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="281"/>
        <source>no Enter after it</source>
        <translation>后面没有回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_wizard.py" line="303"/>
        <source>Let Yima Scan compensate: %1</source>
        <translation>由一码扫自动修正：%1</translation>
    </message>
</context>
<context>
    <name>Scanners</name>
    <message>
        <location filename="../../hardware/camera.py" line="165"/>
        <source>The video {path} cannot be opened or is not a video.</source>
        <translation>视频 {path} 无法打开，或不是视频文件。</translation>
    </message>
    <message>
        <location filename="../../hardware/camera.py" line="278"/>
        <source>The picture {path} cannot be opened or is not an image.</source>
        <translation>图片 {path} 无法打开，或不是图片文件。</translation>
    </message>
    <message>
        <location filename="../../hardware/layouts.py" line="33"/>
        <source>German (QWERTZ)</source>
        <translation>德语（QWERTZ）</translation>
    </message>
    <message>
        <location filename="../../hardware/layouts.py" line="34"/>
        <source>French (AZERTY)</source>
        <translation>法语（AZERTY）</translation>
    </message>
    <message>
        <location filename="../../hardware/serial_gun.py" line="154"/>
        <source>The scanner sent bytes that are not {encoding} text ({bytes}). Set the port&apos;s encoding to what the gun sends (utf-8 or gbk).</source>
        <translation>扫码枪发送的字节不是 {encoding} 文本（{bytes}）。请把端口编码设为扫码枪实际发送的编码（utf-8 或 gbk）。</translation>
    </message>
    <message>
        <location filename="../../hardware/serial_gun.py" line="168"/>
        <source>The scanner sent control characters ({bytes}) that no code contains: line noise or a wrong baud rate or parity. Check the port settings against the gun.</source>
        <translation>扫码枪发送了条码中不会出现的控制字符（{bytes}）：可能是线路干扰，或波特率、校验位设置错误。请对照扫码枪检查端口设置。</translation>
    </message>
    <message>
        <location filename="../../hardware/serial_gun.py" line="195"/>
        <source>The scanner stopped in the middle of a code (its end-of-code character never came), so it was not read. Scan it again; if this happens on every scan, set the port&apos;s terminator to the gun&apos;s suffix.</source>
        <translation>扫码枪在一个码的中途停下了（没有收到结束符），这次没有读入。请重新扫描；如果每次都这样，请把端口的结束符设成扫码枪的后缀。</translation>
    </message>
    <message>
        <location filename="../../hardware/serial_gun.py" line="310"/>
        <source>The scanner was disconnected in the middle of a code; scan that code again.</source>
        <translation>扫码枪在传输条码时断开了连接，请重新扫描这个条码。</translation>
    </message>
    <message>
        <location filename="../../hardware/serial_gun.py" line="191"/>
        <source>The scanner sent more than {limit} bytes without an end-of-code character; the read was dropped. Check the port&apos;s terminator setting against the gun&apos;s suffix.</source>
        <translation>扫码枪发送了超过 {limit} 字节却没有结束符，本次读取已丢弃。请对照扫码枪的后缀检查端口的结束符设置。</translation>
    </message>
    <message>
        <location filename="../../hardware/source.py" line="38"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../hardware/source.py" line="39"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../../hardware/source.py" line="40"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../hardware/source.py" line="41"/>
        <source>scanner disconnected</source>
        <translation>扫码枪已断开</translation>
    </message>
    <message>
        <location filename="../../hardware/source.py" line="42"/>
        <source>reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <location filename="../../hardware/source.py" line="43"/>
        <source>finished</source>
        <translation>已读完</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="140"/>
        <source>A USB port is written usb:VID:PID or usb:VID:PID:SERIAL, not {target}.</source>
        <translation>USB 端口的写法是 usb:VID:PID 或 usb:VID:PID:序列号，而不是 {target}。</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="149"/>
        <source>USB vendor and product ids are hexadecimal numbers, as in usb:0483:5740.</source>
        <translation>USB 厂商号和产品号是十六进制数，例如 usb:0483:5740。</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="170"/>
        <source>Unknown setting {name} for a {kind} scanner. Known settings: {known}.</source>
        <translation>{kind} 扫码设备没有 {name} 这项设置。可用的设置：{known}。</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="182"/>
        <source>The setting {name}={value} is not valid; use {allowed}.</source>
        <translation>设置 {name}={value} 无效；请使用{allowed}。</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="246"/>
        <location filename="../../hardware/spec.py" line="254"/>
        <source>Unknown scanner type {kind}. Use one of: {kinds}.</source>
        <translation>未知的扫码设备类型 {kind}。请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="262"/>
        <source>{kind} takes no port or address.</source>
        <translation>{kind} 不需要端口或地址。</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="268"/>
        <source>{kind} needs a port, address or file after the colon, as in {example}.</source>
        <translation>{kind} 的冒号后面需要端口、地址或文件，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="288"/>
        <source>A network scanner is written tcp:HOST:PORT, as in tcp:10.0.0.5:2001.</source>
        <translation>网络扫码枪的写法是 tcp:主机:端口，例如 tcp:10.0.0.5:2001。</translation>
    </message>
    <message>
        <location filename="../../hardware/spec.py" line="295"/>
        <source>A camera is a device number (camera:0) or a stream URL (camera:rtsp://…).</source>
        <translation>摄像头用设备编号（camera:0）或视频流地址（camera:rtsp://…）表示。</translation>
    </message>
    <message>
        <location filename="../../hardware/wedge.py" line="132"/>
        <source>The gun stopped in the middle of a code and it arrived in pieces ({text}); nothing was recorded. Scan it again.</source>
        <translation>扫码枪在一个码的中途停顿，码被分成了几段（{text}）；没有记录任何内容。请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../hardware/wedge.py" line="136"/>
        <source>The code arrived without the Enter the gun sends after every code, so it may be cut short ({text}); nothing was recorded. Scan it again.</source>
        <translation>这个码没有以扫码枪每次都会发送的回车结束，可能不完整（{text}）；没有记录任何内容。请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../hardware/wedge.py" line="140"/>
        <source>The code arrived without the mark the gun puts in front of every code, so it is a piece of a code ({text}); nothing was recorded. Scan it again.</source>
        <translation>这个码前面没有扫码枪每次都会加的标记，只是一个码的一部分（{text}）；没有记录任何内容。请重新扫描。</translation>
    </message>
</context>
</TS>
