<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/ui/application.py" line="182"/>
        <source>Head-office console: open %1 in a browser, user %2, password %3</source>
        <translation>总部控制台：在浏览器中打开 %1，用户名 %2，密码 %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="75"/>
        <source>Yima Scan is already running for this data folder:</source>
        <translation>一码扫已经在使用这个数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="79"/>
        <source>Switch to the window that is already open (look in the taskbar). Only one Yima Scan may use a data folder at a time.</source>
        <translation>请切换到已经打开的窗口（看一下任务栏）。同一个数据文件夹同时只能由一个一码扫使用。</translation>
    </message>
    <message>
        <source>The station database is damaged, so Yima Scan did not open it.</source>
        <translation type="vanished">本机数据库已损坏，一码扫没有打开它。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="113"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="115"/>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>The file has been left exactly as it was; nothing was deleted. Do not delete or move it. Ask IT to restore the latest backup or to recover it (the events it holds may not have reached the server yet).</source>
        <translation type="vanished">文件保持原样，没有删除任何内容。请不要删除或移动它。请联系 IT 恢复最近的备份或修复该文件（其中的记录可能还没有上传到服务器）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="111"/>
        <source>Yima Scan could not open the station database.</source>
        <translation>一码扫无法打开本机数据库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="117"/>
        <source>Check that the disk is not full and that you may write to this folder, then start Yima Scan again.</source>
        <translation>请确认磁盘没有满、并且有权限写入这个文件夹，然后重新启动一码扫。</translation>
    </message>
    <message>
        <source>Scanner %1 did not start: %2</source>
        <translation type="vanished">扫码枪 %1 没有启动：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="152"/>
        <source>%1 did not start: %2</source>
        <translation>%1 没有启动：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="173"/>
        <source>Demo station with sample data. Operators and PINs: %1</source>
        <translation>演示工作站（示例数据）。操作员及密码：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="243"/>
        <source>Yima Scan is already running</source>
        <translation>一码扫已在运行</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="267"/>
        <source>Station database damaged</source>
        <translation>本机数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="273"/>
        <source>Station database not available</source>
        <translation>无法打开本机数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="93"/>
        <source>The station database %1 is damaged, so Yima Scan did not open it and left it as it is; there is no backup of it in this folder, so call IT and do not delete the file.</source>
        <translation>本机数据库 %1 已损坏，一码扫没有打开它，也没有改动它；这个文件夹里没有它的备份，请联系 IT，不要删除这个文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="99"/>
        <source>The station database %1 is damaged, so Yima Scan did not open it and left it as it is: restore the latest backup with the command below (Yima Scan closed), or call IT.</source>
        <translation>本机数据库 %1 已损坏，一码扫没有打开它，也没有改动它：请关闭一码扫后用下面的命令恢复最近的备份，或联系 IT。</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../app/ui/camera_preview.py" line="67"/>
        <source>Waiting for the camera…</source>
        <translation>正在等待摄像头画面…</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../app/ui/scan_gate.py" line="29"/>
        <source>Nothing was recorded: a dialog is open. Close the dialog first, then scan again.</source>
        <translation>没有记录：有对话框打开着。请先关闭对话框，再重新扫码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="456"/>
        <source>Nothing was recorded: this page does not take scans. Switch to a work page first.</source>
        <translation>没有记录：当前页面不接收扫码。请先切换到作业页面。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="471"/>
        <source>This scan could not be processed and nothing was recorded. Scan it again; if this keeps happening, tell IT.</source>
        <translation>这次扫码没有处理成功，也没有记录。请再扫一次；如果一直这样，请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../app/domain/store/errors.py" line="27"/>
        <location filename="../../app/ui/scan_page.py" line="39"/>
        <source>This scan could not be saved, so nothing was recorded. Scan it again; if this keeps happening, tell IT.</source>
        <translation>这次扫码没能保存，什么都没有记录。请再扫一次；如果一直这样，请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../app/domain/store/errors.py" line="42"/>
        <source>The station database is busy: another program has it open, so nothing was recorded. Close that program (a database viewer, a copy or backup tool) and scan again.</source>
        <translation>本机数据库正被另一个程序占用，所以这次扫码没有记录。请关闭那个程序（数据库查看工具、复制或备份工具），然后重新扫码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/store/errors.py" line="53"/>
        <source>The disk is full ({free} free), so nothing was recorded. Delete files you do not need or empty the recycle bin on the drive of {folder}, then scan again.</source>
        <translation>磁盘已满（剩余 {free}），所以这次扫码没有记录。请删除不需要的文件或清空 {folder} 所在磁盘的回收站，然后重新扫码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/store/errors.py" line="73"/>
        <source>The disk could not write the station database, so nothing was recorded. Scan again; if this keeps happening, stop scanning and call IT.</source>
        <translation>磁盘无法写入本机数据库，所以这次扫码没有记录。请重新扫码；如果一直这样，请停止扫码并联系 IT。</translation>
    </message>
    <message>
        <location filename="../../app/ui/store_watch.py" line="41"/>
        <source>The disk is full ({free} free): scanning has stopped and nothing is recorded until there is room. Delete files you do not need or empty the recycle bin on the drive of {folder}; scanning starts again by itself.</source>
        <translation>磁盘已满（剩余 {free}）：扫码已暂停，腾出空间之前不会记录任何内容。请删除不需要的文件或清空 {folder} 所在磁盘的回收站；有空间后会自动恢复扫码。</translation>
    </message>
</context>
<context>
    <name>DemoGun</name>
    <message>
        <location filename="../../app/ui/demo_gun.py" line="64"/>
        <source>Demo gun  Ctrl+Shift+D</source>
        <translation>演示扫码枪  Ctrl+Shift+D</translation>
    </message>
    <message>
        <location filename="../../app/ui/demo_gun.py" line="55"/>
        <source>Demo gun</source>
        <translation>演示扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/demo_gun.py" line="67"/>
        <source>Pick a code and press Enter to scan it, as a gun would.</source>
        <translation>选中一个码，按回车即可像扫码枪一样扫它。</translation>
    </message>
    <message>
        <location filename="../../app/ui/demo_gun.py" line="79"/>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../app/ui/demo_gun.py" line="82"/>
        <source>or type any code, then Enter</source>
        <translation>或输入任意码，按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/demo_gun.py" line="132"/>
        <source>The demo gun was removed in Settings → Scanners; add “sim” to use it.</source>
        <translation>演示扫码枪已在“设置 → 扫码枪”中移除；添加“sim”即可重新使用。</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../app/ui/feedback_panel.py" line="78"/>
        <source>Ready to scan</source>
        <translation>请扫码</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback_panel.py" line="79"/>
        <source>✔ OK</source>
        <translation>✔ 成功</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback_panel.py" line="80"/>
        <source>⚠ Check</source>
        <translation>⚠ 请核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback_panel.py" line="81"/>
        <source>✖ Refused</source>
        <translation>✖ 拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback_panel.py" line="82"/>
        <source>✔✔ Done</source>
        <translation>✔✔ 完成</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="57"/>
        <source>Same as the computer</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="62"/>
        <source>A new language shows the next time Yima Scan starts.</source>
        <translation>新的语言在下次启动一码扫时生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="68"/>
        <source>e.g. Warehouse 2, gate B</source>
        <translation>例如：二号仓库 B 门</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="71"/>
        <source>Strict mode: refuse codes this station cannot verify</source>
        <translation>严格模式：本机无法核实的码直接拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="77"/>
        <source>Off: an unknown code is accepted with a warning and checked by the server later. On: it is refused at once.</source>
        <translation>关闭：未知的码会带警告接收，稍后由服务器核实。开启：立即拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="85"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="87"/>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/ui/login.py" line="281"/>
        <source>Nothing was recorded: log in first, then scan.</source>
        <translation>没有记录：请先登录，再扫码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="205"/>
        <source>Who is working? (↑ ↓ to choose)</source>
        <translation>谁在操作？（用 ↑ ↓ 选择）</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="206"/>
        <source>PIN, then Enter</source>
        <translation>输入密码，按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="207"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="208"/>
        <location filename="../../app/ui/login.py" line="239"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="211"/>
        <source>This station has no operators yet. Create the administrator: the administrator adds the other operators later in Settings.</source>
        <translation>这台工作站还没有操作员。请先创建管理员，其他操作员由管理员稍后在“设置”中添加。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="216"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="217"/>
        <source>PIN (4–12 digits)</source>
        <translation>密码（4–12 位数字）</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="218"/>
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="219"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="226"/>
        <source>Yima Scan</source>
        <translation>一码扫</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="235"/>
        <source>Set up this station</source>
        <translation>设置这台工作站</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="266"/>
        <source>Type your PIN, then press Enter.</source>
        <translation>请输入密码，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="307"/>
        <source>Wrong PIN. Attempts left: %1</source>
        <translation>密码错误。还可以尝试 %1 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="326"/>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>密码错误次数过多。请 %1 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="343"/>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>两次输入的密码不一致。请输入相同的密码两次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="375"/>
        <source>The station database cannot be read right now. Wait a moment and try again; if it keeps happening, restart Yima Scan.</source>
        <translation>现在无法读取本机数据库。请稍等后重试；如果一直这样，请重新启动一码扫。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="146"/>
        <source>Yima Scan</source>
        <translation>一码扫</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>Settings  Ctrl+,</source>
        <translation>设置  Ctrl+,</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <source>Log out  Ctrl+L</source>
        <translation>退出登录  Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="192"/>
        <source>Station settings (Ctrl+,)</source>
        <translation>工作站设置（Ctrl+,）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="193"/>
        <source>Log out (Ctrl+L)</source>
        <translation>退出登录（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="251"/>
        <source>This work is not installed on this station.</source>
        <translation>这台工作站没有安装这项作业。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="254"/>
        <location filename="../../app/ui/main_window.py" line="255"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260"/>
        <location filename="../../app/ui/main_window.py" line="261"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="266"/>
        <location filename="../../app/ui/main_window.py" line="267"/>
        <source>Inspector</source>
        <translation>稽查</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="348"/>
        <source>No scanning on this page</source>
        <translation>此页面不用扫码</translation>
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <location filename="../../app/ui/manual_entry.py" line="84"/>
        <source>Label damaged? Type the code here, then Enter (marked as typed)</source>
        <translation>标签损坏？在此手工输入编码，按回车（记为手工输入）</translation>
    </message>
    <message>
        <location filename="../../app/ui/manual_entry.py" line="86"/>
        <source>Enter code</source>
        <translation>输入编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/manual_entry.py" line="87"/>
        <source>Keypad</source>
        <translation>数字键盘</translation>
    </message>
    <message>
        <location filename="../../app/ui/manual_entry.py" line="88"/>
        <source>Digits on screen, for a handheld without keys</source>
        <translation>屏幕数字键盘，供没有键盘的手持终端使用</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <location filename="../../app/domain/operators.py" line="92"/>
        <source>A PIN is digits only.</source>
        <translation>密码只能是数字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="97"/>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>密码为 4 到 12 位数字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="105"/>
        <source>Type the operator&apos;s name.</source>
        <translation>请输入操作员姓名。</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="110"/>
        <source>A name has at most 40 characters.</source>
        <translation>姓名最多 40 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="119"/>
        <source>There is already an operator with this name.</source>
        <translation>已经有同名的操作员。</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="175"/>
        <source>This operator no longer exists.</source>
        <translation>该操作员已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="186"/>
        <location filename="../../app/domain/operators.py" line="209"/>
        <source>The station needs at least one administrator.</source>
        <translation>工作站至少需要一名管理员。</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="205"/>
        <source>Print login badge</source>
        <translation>打印登录工牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="207"/>
        <source>Type the operator&apos;s PIN first: the badge carries it, so keep it like a key</source>
        <translation>请先输入该操作员的密码：工牌上带有密码，请像钥匙一样保管</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="311"/>
        <source>Type the operator&apos;s PIN, then print the badge.</source>
        <translation>请输入该操作员的密码，再打印工牌。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="321"/>
        <source>That is not this operator&apos;s PIN: no badge was printed.</source>
        <translation>这不是该操作员的密码：没有打印工牌。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="327"/>
        <source>Yima Scan · login badge</source>
        <translation>一码扫 · 登录工牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="345"/>
        <source>Badge saved: %1</source>
        <translation>工牌已保存：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="196"/>
        <source>required for a new operator; empty keeps the PIN</source>
        <translation>新操作员必填；修改时留空则不变</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="197"/>
        <source>New operator</source>
        <translation>新建操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="199"/>
        <source>Add as new operator</source>
        <translation>添加为新操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="200"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="201"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="214"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="215"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="216"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="221"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="280"/>
        <source>%1 was added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="291"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="302"/>
        <source>%1 can no longer log in.</source>
        <translation>%1 已不能再登录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="362"/>
        <source>The change was not saved: the station database did not accept it.</source>
        <translation>修改没有保存：本机数据库未能写入。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../app/ui/translations.py" line="30"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/translations.py" line="31"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/domain/operators.py" line="43"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="44"/>
        <source>Warehouse</source>
        <translation>仓管</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="45"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="46"/>
        <source>Inspector</source>
        <translation>稽查员</translation>
    </message>
    <message>
        <location filename="../../app/domain/operators.py" line="47"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
</context>
<context>
    <name>ScanLogModel</name>
    <message>
        <location filename="../../app/ui/scan_log.py" line="79"/>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_log.py" line="80"/>
        <source>Check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_log.py" line="81"/>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_log.py" line="82"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_log.py" line="113"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_log.py" line="114"/>
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_log.py" line="115"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_log.py" line="116"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ScanWords</name>
    <message>
        <location filename="../../app/ui/scan_words.py" line="25"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="26"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="27"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="28"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="29"/>
        <source>Switch</source>
        <translation>切换</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="30"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="31"/>
        <source>Move here</source>
        <translation>移入这里</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="32"/>
        <location filename="../../app/ui/scan_words.py" line="42"/>
        <source>Unpack</source>
        <translation>拆箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="33"/>
        <location filename="../../app/ui/scan_words.py" line="43"/>
        <source>Relabel</source>
        <translation>换码</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="34"/>
        <source>Type a code</source>
        <translation>手工输入</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="35"/>
        <source>Print the label again</source>
        <translation>重新打印标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="39"/>
        <source>Receive</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="40"/>
        <source>Ship</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="41"/>
        <source>Pack</source>
        <translation>装箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="44"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="45"/>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="46"/>
        <source>Redeem voucher</source>
        <translation>核销奖券</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="47"/>
        <source>Verify product</source>
        <translation>查真伪</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="48"/>
        <source>Installer rebate</source>
        <translation>小工返利</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="50"/>
        <source>Switch: %1</source>
        <translation>切换：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="52"/>
        <source>Voucher %1</source>
        <translation>奖券 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="53"/>
        <source>Installer card %1</source>
        <translation>小工卡 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="56"/>
        <source>Voucher (damaged)</source>
        <translation>奖券（已损坏）</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan_words.py" line="57"/>
        <source>Installer card (damaged)</source>
        <translation>小工卡（已损坏）</translation>
    </message>
</context>
<context>
    <name>ScannerControls</name>
    <message>
        <location filename="../../app/ui/scanner_controls.py" line="54"/>
        <source>Scanners</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_controls.py" line="99"/>
        <source>The gun typed into the Chinese input method, so this scan was not read. Switch the input method to English (中文输入法 → 英文, usually the Shift key or Ctrl+Space), then scan again.</source>
        <translation>扫码枪的输入进了中文输入法，这次扫码没有读到。请把输入法切换成英文（中文输入法 → 英文，通常按 Shift 键或 Ctrl+空格），然后重新扫码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_controls.py" line="107"/>
        <source>⚠ Switch to English</source>
        <translation>⚠ 请切换到英文输入</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_controls.py" line="118"/>
        <source>⚠ Scan not read</source>
        <translation>⚠ 未读到扫码</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_controls.py" line="135"/>
        <source>%1 is disconnected: check its cable or power. It is found again by itself once it is back.</source>
        <translation>%1 已断开：请检查数据线或电源。重新接好后会自动恢复连接。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_controls.py" line="144"/>
        <source>⚠ Scanner disconnected</source>
        <translation>⚠ 扫码枪已断开</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_controls.py" line="153"/>
        <source>%1 is connected again.</source>
        <translation>%1 已重新连接。</translation>
    </message>
    <message>
        <location filename="../../app/ui/scanner_controls.py" line="205"/>
        <source>%1  Ctrl+Shift+C</source>
        <translation>%1  Ctrl+Shift+C</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="373"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="393"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="394"/>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="395"/>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
</context>
<context>
    <name>SoundPage</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="118"/>
        <source>Mute all sounds</source>
        <translation>全部静音</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="121"/>
        <source>Flash the result panel on every scan</source>
        <translation>每次扫码时结果区闪烁</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="130"/>
        <source>Play OK</source>
        <translation>试听：成功</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="131"/>
        <source>Play warning</source>
        <translation>试听：警告</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="132"/>
        <source>Play error</source>
        <translation>试听：错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="133"/>
        <source>Play done</source>
        <translation>试听：完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="146"/>
        <source>No speaker or headset was found on this computer, so the station is silent. Colours and the flash still show every result.</source>
        <translation>这台电脑上没有找到扬声器或耳机，所以不会发出提示音。颜色和闪烁仍会显示每次的结果。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="151"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="153"/>
        <source>Test</source>
        <translation>试听</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <location filename="../../app/ui/status_bar.py" line="290"/>
        <source>Operator: %1</source>
        <translation>操作员：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="290"/>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="320"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="351"/>
        <source>%1 scanners</source>
        <translation>%1 个扫码设备</translation>
    </message>
    <message>
        <source>USB gun</source>
        <translation type="vanished">USB 扫码枪</translation>
    </message>
    <message>
        <source>Demo gun</source>
        <translation type="vanished">演示扫码枪</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation type="vanished">摄像头 %1</translation>
    </message>
    <message>
        <source>Video %1</source>
        <translation type="vanished">视频 %1</translation>
    </message>
    <message>
        <source>Scanner %1</source>
        <translation type="vanished">扫码枪 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="417"/>
        <source>Waiting to send: unknown</source>
        <translation>待上传：未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="422"/>
        <source>Station: %1</source>
        <translation>工作站：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="425"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="428"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="434"/>
        <source>● No server set up</source>
        <translation>● 未设置服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="437"/>
        <source>Scans are saved on this computer and sent when the server can be reached.</source>
        <translation>扫码记录保存在本机，连上服务器后自动上传。</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="440"/>
        <source>Waiting to send: …</source>
        <translation>待上传：…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="443"/>
        <source>Waiting to send: %1</source>
        <translation>待上传：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="448"/>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="452"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="404"/>
        <source>Disk: %1 free</source>
        <translation>磁盘剩余：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="410"/>
        <source>The disk that holds the station database is nearly full. Delete files you do not need or empty the recycle bin; below %1 free, scanning stops until there is room.</source>
        <translation>存放本机数据库的磁盘快满了。请删除不需要的文件或清空回收站；剩余空间低于 %1 时，扫码会暂停，直到腾出空间。</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="431"/>
        <source>● Connecting…</source>
        <translation>● 正在连接…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="385"/>
        <source>⚠ Clock %1 ahead of the server</source>
        <translation>⚠ 本机时钟比服务器快 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="387"/>
        <source>⚠ Clock %1 behind the server</source>
        <translation>⚠ 本机时钟比服务器慢 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="393"/>
        <source>This computer&apos;s date and time are wrong, so the times it records are wrong too. Set the computer&apos;s date and time (or ask IT). Expiry dates and offline limits use the server&apos;s time meanwhile.</source>
        <translation>这台电脑的日期和时间不对，所以它记录的时间也不对。请设置电脑的日期和时间（或联系 IT）。在此之前，有效期和离线限额按服务器时间计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="106"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="110"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="113"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>StoreWatch</name>
    <message>
        <location filename="../../app/ui/store_watch.py" line="201"/>
        <source>There is no backup in the data folder.</source>
        <translation>数据文件夹里没有备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/store_watch.py" line="204"/>
        <source>Station database damaged: call IT</source>
        <translation>本机数据库已损坏：请联系 IT</translation>
    </message>
    <message>
        <location filename="../../app/ui/store_watch.py" line="205"/>
        <source>SQLite&apos;s full check found damage in %1. Keep scanning only if IT says so; IT restores the latest backup with Yima Scan closed:</source>
        <translation>SQLite 完整检查发现 %1 有损坏。只有 IT 同意时才能继续扫码；IT 会在关闭一码扫后恢复最近的备份：</translation>
    </message>
    <message>
        <location filename="../../app/ui/store_watch.py" line="218"/>
        <source>History changed at event %1: call IT</source>
        <translation>第 %1 条记录被改动：请联系 IT</translation>
    </message>
    <message>
        <location filename="../../app/ui/store_watch.py" line="221"/>
        <source>The station&apos;s history was changed outside Yima Scan at event %1; nothing from there on is sent to the server. Do not delete the database.</source>
        <translation>本机的历史记录在第 %1 条处被一码扫以外的程序改动过；从这一条起都不会上传到服务器。不要删除数据库。</translation>
    </message>
</context>
</TS>
