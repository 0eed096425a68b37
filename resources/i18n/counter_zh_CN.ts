<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Counter</name>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="26" />
        <source>Redeem voucher</source>
        <translation>核销奖券</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="27" />
        <source>Verify product</source>
        <translation>查真伪</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="28" />
        <source>Installer rebate</source>
        <translation>小工返利</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="271" />
        <source>provisional</source>
        <translation>临时（待确认）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="272" />
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="273" />
        <source>refused by the server</source>
        <translation>被品牌方拒绝</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="274" />
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="295" />
        <source>VALID · SCAN CONFIRM</source>
        <translation>有效 · 请扫“确认”</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="296" />
        <source>⚠ SUPERVISOR NEEDED</source>
        <translation>⚠ 需主管批准</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="297" />
        <source>✔ REDEEMED</source>
        <translation>✔ 已核销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="298" />
        <source>✔ REDEEMED (OFFLINE)</source>
        <translation>✔ 已核销（离线）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="299" />
        <source>✔ CONFIRMED BY THE BRAND</source>
        <translation>✔ 品牌方已确认</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="300" />
        <source>✖ REFUSED BY THE BRAND</source>
        <translation>✖ 品牌方拒绝</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="301" />
        <source>UNDONE</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="302" />
        <location filename="../../app/domain/workflows/counter/model.py" line="314" />
        <source>✖ FORGED OR DAMAGED</source>
        <translation>✖ 伪造或损坏</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="303" />
        <location filename="../../app/domain/workflows/counter/model.py" line="304" />
        <location filename="../../app/domain/workflows/counter/model.py" line="315" />
        <location filename="../../app/domain/workflows/counter/model.py" line="316" />
        <source>✖ FORGED</source>
        <translation>✖ 伪造</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="305" />
        <location filename="../../app/domain/workflows/counter/model.py" line="317" />
        <source>⚠ CANNOT CHECK YET</source>
        <translation>⚠ 暂时无法校验</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="306" />
        <location filename="../../app/domain/workflows/counter/model.py" line="318" />
        <source>✖ EXPIRED</source>
        <translation>✖ 已过期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="307" />
        <source>✖ CANCELLED BY THE BRAND</source>
        <translation>✖ 已被品牌方作废</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="308" />
        <location filename="../../app/domain/workflows/counter/model.py" line="320" />
        <source>✖ NOT FOR THIS DEALER</source>
        <translation>✖ 非本经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="309" />
        <location filename="../../app/domain/workflows/counter/model.py" line="310" />
        <source>✖ ALREADY REDEEMED</source>
        <translation>✖ 已被核销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="311" />
        <location filename="../../app/domain/workflows/counter/model.py" line="312" />
        <location filename="../../app/domain/workflows/counter/model.py" line="313" />
        <source>✖ OFFLINE LIMIT</source>
        <translation>✖ 超出离线限额</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="319" />
        <source>✖ BLOCKED</source>
        <translation>✖ 已停用</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="321" />
        <source>INSTALLER CARD</source>
        <translation>小工卡</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="322" />
        <source>✔ ADDED</source>
        <translation>✔ 已加入</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="323" />
        <source>✖ REPEATED</source>
        <translation>✖ 重复扫码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="324" />
        <source>✖ ALREADY CLAIMED</source>
        <translation>✖ 已申领过</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="325" />
        <source>✔ CLAIM REGISTERED</source>
        <translation>✔ 返利已登记</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="326" />
        <source>✖ CLAIM REFUSED BY THE BRAND</source>
        <translation>✖ 返利被品牌方拒绝</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="327" />
        <location filename="../../app/domain/workflows/counter/model.py" line="328" />
        <source>✔ GENUINE</source>
        <translation>✔ 正品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="329" />
        <source>✔ KNOWN TO THE BRAND</source>
        <translation>✔ 品牌方有记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="330" />
        <source>⚠ NOT KNOWN HERE</source>
        <translation>⚠ 本机无记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="331" />
        <source>✖ NEVER ISSUED</source>
        <translation>✖ 品牌从未发码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="332" />
        <source>⚠ SEEN TOO OFTEN</source>
        <translation>⚠ 扫码次数异常</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="333" />
        <source>✖ VOID</source>
        <translation>✖ 已作废</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="23" />
        <source>Day's close {day} · station {station}</source>
        <translation>日结 {day} · 站点 {station}</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="24" />
        <source>Voucher redemptions</source>
        <translation>奖券核销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="25" />
        <source>Installer rebate claims</source>
        <translation>小工返利申领</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="26" />
        <source>Installer rebates (products)</source>
        <translation>小工返利（产品件数）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="27" />
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="28" />
        <location filename="../../app/ui/counter/page.py" line="282" />
        <location filename="../../app/ui/counter/page.py" line="349" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="29" />
        <location filename="../../app/ui/counter/page.py" line="286" />
        <source>Voucher</source>
        <translation>奖券</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="30" />
        <location filename="../../app/ui/counter/page.py" line="283" />
        <source>Prize</source>
        <translation>奖品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="31" />
        <location filename="../../app/ui/counter/page.py" line="284" />
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="32" />
        <location filename="../../app/ui/counter/page.py" line="287" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="33" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="34" />
        <location filename="../../app/ui/counter/page.py" line="285" />
        <location filename="../../app/ui/counter/page.py" line="353" />
        <source>Standing</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="35" />
        <source>Server's reason</source>
        <translation>服务器原因</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="36" />
        <source>Claim</source>
        <translation>申领单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="37" />
        <location filename="../../app/ui/counter/page.py" line="350" />
        <source>Installer</source>
        <translation>小工</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="38" />
        <location filename="../../app/ui/counter/page.py" line="351" />
        <source>Products</source>
        <translation>产品数</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="39" />
        <location filename="../../app/ui/counter/page.py" line="340" />
        <location filename="../../app/ui/counter/page.py" line="352" />
        <source>Estimated rebate</source>
        <translation>预计返利</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="40" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="41" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="42" />
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="43" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="44" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="48" />
        <location filename="../../app/ui/counter/page.py" line="339" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="49" />
        <location filename="../../app/ui/counter/page.py" line="341" />
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="50" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="51" />
        <source>Production date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="52" />
        <source>Issued</source>
        <translation>发码日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="53" />
        <source>Carton / pallet</source>
        <translation>所在箱 / 垛</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="54" />
        <source>Shipped to</source>
        <translation>发往经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="55" />
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="56" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="57" />
        <source>Times scanned</source>
        <translation>被扫次数</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="58" />
        <source>Scanned at</source>
        <translation>扫码站点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="59" />
        <source>Checked at this counter</source>
        <translation>本柜台查询次数</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="60" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="61" />
        <source>Warnings from the brand</source>
        <translation>品牌方预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="787" />
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../app/ui/counter/page.py"/>
        <source>Type a code by hand</source>
        <translation>手工输入编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="198" />
        <location filename="../../app/ui/counter/page.py" line="734" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="200" />
        <source>Day's close…</source>
        <translation>日结…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="201" />
        <source>Command sheet…</source>
        <translation>指令码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="210" />
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="219" />
        <source>Confirm  Ctrl+Enter</source>
        <translation>确认  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="222" />
        <source>Cancel  Esc</source>
        <translation>取消  Esc</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="225" />
        <source>Undo  Ctrl+Z</source>
        <translation>撤销  Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="268" />
        <location filename="../../app/ui/counter/page.py" line="482" />
        <source>Voucher</source>
        <translation>奖券</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="359" />
        <source>This claim</source>
        <translation>本次申领</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="361" />
        <source>Today's claims</source>
        <translation>今日申领</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="425" />
        <source>Checking with the brand…</source>
        <translation>正在向品牌方查询…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="427" />
        <location filename="../../app/ui/counter/page.py" line="567" />
        <source>Offline: what this station knows</source>
        <translation>离线：本机已知信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="459" />
        <source>Scan the voucher on the customer's phone, then CONFIRM (or scan it again).</source>
        <translation>扫顾客手机上的奖券码，再扫“确认”（或再扫一次奖券）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="461" />
        <source>Scan the product's own code to check it is genuine.</source>
        <translation>扫产品本身的码，查验真伪。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="463" />
        <source>Scan the installer's card, then each product's code, then CONFIRM.</source>
        <translation>先扫小工卡，再逐个扫产品码，最后扫“确认”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="470" />
        <source>● Online: the brand confirms at once</source>
        <translation>● 在线：品牌方即时确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="475" />
        <source>● Offline: redemptions are provisional</source>
        <translation>● 离线：核销为临时记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="483" />
        <source>Scan a voucher</source>
        <translation>请扫奖券</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="485" />
        <source>The customer shows the voucher QR on their phone.</source>
        <translation>请顾客出示手机上的奖券二维码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="487" />
        <source>Valid voucher: scan CONFIRM to redeem</source>
        <translation>奖券有效：扫“确认”完成核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="491" />
        <source>Voucher {id}</source>
        <translation>奖券 {id}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="492" />
        <source>Valid until {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="495" />
        <source>Dealer: {dealer}</source>
        <translation>经销商：{dealer}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="495" />
        <source>any dealer</source>
        <translation>不限经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="507" />
        <source>Scan a product code</source>
        <translation>请扫产品码</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="508" />
        <source>What the brand knows about it shows here.</source>
        <translation>品牌方对该产品的记录会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="527" />
        <source>Scan an installer's card</source>
        <translation>请扫小工卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="529" />
        <source>The installer shows the card QR; then scan each product they fitted.</source>
        <translation>请小工出示小工卡二维码，然后逐个扫其安装的产品。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="537" />
        <source>Card {id} · valid until {date}</source>
        <translation>卡号 {id} · 有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="542" />
        <source>{count} products · about {total}</source>
        <translation>{count} 件产品 · 约 {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="580" />
        <source>The brand's trace</source>
        <translation>品牌方溯源记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="671" />
        <source>Today: {count} redeemed, {value} ({provisional} provisional)</source>
        <translation>今日：核销 {count} 张，共 {value}（其中临时 {provisional} 张）</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="694" />
        <source>Today: {count} claims, {units} products</source>
        <translation>今日：申领 {count} 单，{units} 件产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="729" />
        <source>Counter commands</source>
        <translation>柜台指令</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="731" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="732" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="733" />
        <source>Undo (supervisor PIN)</source>
        <translation>撤销（需主管 PIN）</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="751" />
        <source>Yima Scan · counter command sheet</source>
        <translation>一码扫 · 柜台指令码</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="82" />
        <source>Day's close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="97" />
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="98" />
        <source>Save as Excel (XLSX)…</source>
        <translation>保存为 Excel（XLSX）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="99" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="108" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="147" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="147" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="149" />
        <source>Save the day's close</source>
        <translation>保存日结报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="159" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="171" />
        <source>Could not save {path}: {error}. Choose another folder.</source>
        <translation>无法保存 {path}：{error}。请换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="181" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="59" />
        <source>FORGED OR DAMAGED: this voucher cannot be read. Do not hand out the prize; ask the customer to open the voucher again and scan it once more.</source>
        <translation>伪造或损坏：无法读取这张奖券。请勿发放奖品；请顾客重新打开奖券后再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="64" />
        <source>FORGED: voucher {voucher} does not carry the brand's signature. Do not hand out the prize; note the customer's phone number.</source>
        <translation>伪造：奖券 {voucher} 没有品牌方的签名。请勿发放奖品，并记下顾客的手机号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="69" />
        <source>Cannot check voucher {voucher}: it is signed with key {kid}, which this station does not have yet. Sync, then scan it again.</source>
        <translation>暂时无法校验奖券 {voucher}：它使用密钥 {kid} 签名，本机还没有该密钥。请先同步，再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="74" />
        <source>FORGED: voucher {voucher} is signed with key {kid}, which the brand withdrew. Do not hand out the prize; call the brand's hotline.</source>
        <translation>伪造：奖券 {voucher} 使用已被品牌方吊销的密钥 {kid} 签名。请勿发放奖品，请致电品牌方热线。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="79" />
        <source>EXPIRED: voucher {voucher} was valid until {expires}. Tell the customer it has expired.</source>
        <translation>已过期：奖券 {voucher} 的有效期到 {expires}。请告知顾客奖券已过期。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="83" />
        <source>CANCELLED: the brand cancelled voucher {voucher}. Do not hand out the prize; the customer can call the brand's hotline.</source>
        <translation>已作废：品牌方已作废奖券 {voucher}。请勿发放奖品，顾客可致电品牌方热线。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="88" />
        <source>NOT FOR THIS DEALER: voucher {voucher} is for {dealer}. Send the customer there.</source>
        <translation>非本经销商：奖券 {voucher} 只能在 {dealer} 核销。请引导顾客前往。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="92" />
        <source>ALREADY REDEEMED HERE on {at} by {operator}. Do not hand out the prize again.</source>
        <translation>本柜台已核销过：{at} 由 {operator} 核销。请勿重复发放奖品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="96" />
        <source>ALREADY REDEEMED at counter {station} on {at}. Do not hand out the prize.</source>
        <translation>已被核销：{at} 在柜台 {station} 核销。请勿发放奖品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="100" />
        <source>Offline limit reached: {count} vouchers redeemed since the last sync (the brand allows {limit}). Connect to the network and sync, then scan again.</source>
        <translation>已达离线限额：上次同步后已核销 {count} 张（品牌方允许 {limit} 张）。请联网同步后再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="105" />
        <source>Offline limit reached: this voucher would bring unsynced prizes to {value} (the brand allows {limit}). Connect to the network and sync, then scan again.</source>
        <translation>已达离线限额：核销这张后未同步奖品总值将达 {value}（品牌方允许 {limit}）。请联网同步后再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="110" />
        <source>Offline too long: the last sync was {hours} hours ago (the brand allows {limit}). Connect to the network and sync before redeeming.</source>
        <translation>离线时间过长：上次同步在 {hours} 小时前（品牌方允许 {limit} 小时）。请联网同步后再核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="115" />
        <source>This is an installer card, not a voucher. Switch to Installer rebate to register a claim.</source>
        <translation>这是小工卡，不是奖券。请切换到“小工返利”登记申领。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="119" />
        <source>FORGED OR DAMAGED: this installer card cannot be read. Ask the installer to show it again.</source>
        <translation>伪造或损坏：无法读取这张小工卡。请小工重新出示。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="124" />
        <source>FORGED: installer card {card} does not carry the brand's signature. Do not register a rebate.</source>
        <translation>伪造：小工卡 {card} 没有品牌方的签名。请勿登记返利。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="129" />
        <source>Cannot check installer card {card}: signed with key {kid}, which this station does not have yet. Sync, then scan it again.</source>
        <translation>暂时无法校验小工卡 {card}：它使用密钥 {kid} 签名，本机还没有该密钥。请先同步，再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="134" />
        <source>FORGED: installer card {card} is signed with a key the brand withdrew. Do not register a rebate.</source>
        <translation>伪造：小工卡 {card} 使用已被品牌方吊销的密钥签名。请勿登记返利。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="139" />
        <source>EXPIRED: installer card {card} was valid until {expires}. Ask the installer to renew it.</source>
        <translation>已过期：小工卡 {card} 的有效期到 {expires}。请小工续办。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="143" />
        <source>BLOCKED: the brand blocked installer card {card}. Do not register a rebate.</source>
        <translation>已停用：品牌方已停用小工卡 {card}。请勿登记返利。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="147" />
        <source>NOT FOR THIS DEALER: installer card {card} belongs to {dealer}'s installers.</source>
        <translation>非本经销商：小工卡 {card} 属于 {dealer} 的小工。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="151" />
        <source>This is a prize voucher, not an installer card. Switch to Redeem voucher to redeem it.</source>
        <translation>这是奖券，不是小工卡。请切换到“核销奖券”核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="85" />
        <source>This is not one product's own code. Scan the code printed on the product itself.</source>
        <translation>这不是单个产品自己的码。请扫印在产品本身上的码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="94" />
        <source>{code} is a carton or pallet code. A rebate is claimed per product: scan each product's own code.</source>
        <translation>{code} 是箱码或垛码。返利按单个产品申领：请逐个扫产品自己的码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="106" />
        <source>REPEATED: {code} is already in this claim. Each product counts once; scan the next product.</source>
        <translation>重复：{code} 已在本次申领中。每件产品只计一次，请扫下一件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="117" />
        <location filename="../../app/domain/workflows/counter/rebates.py" line="172" />
        <source>ALREADY CLAIMED: {code} earned a rebate on {at} (claim {claim}). Put this product aside; it cannot be claimed again.</source>
        <translation>已申领过：{code} 已于 {at} 申领返利（申领单 {claim}）。请把该产品放到一边，不能再次申领。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="162" />
        <source>The claim has no products yet. Scan the products' codes first.</source>
        <translation>本次申领还没有产品。请先扫产品码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/redeem.py" line="228" />
        <location filename="../../app/domain/workflows/counter/session.py" line="433" />
        <source>Nothing to undo: only this counter's last redemption can be undone, within {minutes} minutes of redeeming it.</source>
        <translation>没有可撤销的核销：只能撤销本柜台最近一次核销，且须在核销后 {minutes} 分钟内。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="109" />
        <source>An installer claim is still open. Scan CONFIRM to register it or CANCEL to drop it, then scan the voucher again.</source>
        <translation>还有一张小工申领未完成。请扫“确认”登记或扫“取消”放弃，然后再扫奖券。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="129" />
        <source>Valid voucher: {prize} ({value}). Scan CONFIRM (or the voucher again) to redeem it; CANCEL to stop.</source>
        <translation>奖券有效：{prize}（{value}）。扫“确认”（或再扫一次奖券）完成核销；扫“取消”则不核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="156" />
        <source>REDEEMED (offline, provisional): hand out {prize}. The brand confirms it at the next sync.</source>
        <translation>已核销（离线，临时）：请发放 {prize}。下次同步时由品牌方确认。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="168" />
        <source>REDEEMED: {prize}. Waiting for the brand's confirmation; it shows here in a moment.</source>
        <translation>已核销：{prize}。正在等待品牌方确认，稍后显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="188" />
        <source>The claim for {installer} is still open. Scan CONFIRM to register it or CANCEL to drop it before the next installer's card.</source>
        <translation>{installer} 的申领还未完成。请先扫“确认”登记或扫“取消”放弃，再扫下一位小工的卡。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="202" />
        <source>Card of {installer} is open. Scan the products' codes.</source>
        <translation>{installer} 的小工卡已打开。请扫产品码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="217" />
        <source>Installer {installer}: scan each product's code, then CONFIRM to register the claim.</source>
        <translation>小工 {installer}：请逐个扫产品码，最后扫“确认”登记申领。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="238" />
        <source>Added {product}: rebate about {amount}. {count} products, about {total} so far.</source>
        <translation>已加入 {product}：返利约 {amount}。目前共 {count} 件，约 {total}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="266" />
        <source>CLAIM REGISTERED for {installer}: {count} products, rebate about {total}. The brand confirms it at sync.</source>
        <translation>已为 {installer} 登记返利：{count} 件产品，返利约 {total}。同步时由品牌方确认。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="297" />
        <source>{code} names a product, not one item: it cannot be traced. Scan the item's own QR or DataMatrix code.</source>
        <translation>{code} 是商品条码，不是单品码，无法溯源。请扫单品自己的二维码或 DataMatrix 码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="323" />
        <source>Nothing to confirm. Scan a voucher or an installer card first.</source>
        <translation>没有需要确认的内容。请先扫奖券或小工卡。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="337" />
        <source>Cancelled. Nothing was recorded.</source>
        <translation>已取消，未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="339" />
        <source>Nothing to cancel.</source>
        <translation>没有需要取消的内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="354" />
        <source>This switch sheet is for another page ({arg}). Use the counter's sheet: redeem, verify or rebate.</source>
        <translation>这张切换码属于其他页面（{arg}）。请使用柜台的指令码：核销、查真伪或小工返利。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="367" />
        <source>Switched. Scan the next code.</source>
        <translation>已切换，请扫下一个码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="376" />
        <location filename="../../app/domain/workflows/inspector/session.py" line="114" />
        <source>Syncing with the brand's server now.</source>
        <translation>正在与品牌方服务器同步。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="385" />
        <source>The counter does not use this command. Use CONFIRM, CANCEL, UNDO or SWITCH.</source>
        <translation>柜台不使用这个指令。请使用 确认、取消、撤销 或 切换。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="400" />
        <source>Voucher put back; nothing was redeemed.</source>
        <translation>已放弃这张奖券，未核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="412" />
        <source>Claim closed; nothing was registered.</source>
        <translation>已关闭申领，未登记任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="420" />
        <source>Took {product} off the claim. {count} products left.</source>
        <translation>已从申领中移除 {product}，还剩 {count} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="445" />
        <source>Undo the redemption of {prize}? A supervisor must approve with their PIN.</source>
        <translation>要撤销 {prize} 的核销吗？须由主管输入 PIN 批准。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="473" />
        <source>UNDONE: the redemption of {prize} is cancelled (approved by {supervisor}). Take the prize back.</source>
        <translation>已撤销：{prize} 的核销已取消（{supervisor} 批准）。请收回奖品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="166" />
        <source>VOID: the label {code} was replaced or destroyed. This product should not carry it; set it aside and call the brand.</source>
        <translation>已作废：标签 {code} 已被替换或销毁，产品上不应再有它。请把产品放到一边并联系品牌方。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="178" />
        <source>SEEN TOO OFTEN: {code} was checked {count} times at this counter. A genuine label is rarely checked this often; it may be a copy.</source>
        <translation>扫码次数异常：{code} 已在本柜台查询 {count} 次。正品标签很少被这样频繁查询，可能是仿冒。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="190" />
        <source>Known to the brand: {product}. Checking the brand's trace; the details follow.</source>
        <translation>品牌方有记录：{product}。正在查询品牌方溯源，详情随后显示。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="200" />
        <source>Not known at this station: {code}. Connect to the network to check it with the brand before you vouch for it.</source>
        <translation>本机没有 {code} 的记录。请联网向品牌方查询后再为其担保。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="217" />
        <source>Known to the brand: {product}. Offline: the full trace shows when the counter is online again.</source>
        <translation>品牌方有记录：{product}。当前离线，联网后可查看完整溯源。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="272" />
        <source>NEVER ISSUED: the brand never issued {code}. Suspected copy: do not sell or vouch for this product; set it aside.</source>
        <translation>品牌从未发码：品牌方从未发出 {code}。疑似仿冒：请勿销售或为其担保，请把产品放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="283" />
        <source>VOID: the brand replaced or destroyed label {code}. Suspected copy: set it aside and call the brand.</source>
        <translation>已作废：品牌方已替换或销毁标签 {code}。疑似仿冒：请把产品放到一边并联系品牌方。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="295" />
        <source>SEEN TOO OFTEN: {code} was scanned {count} times, or in places too far apart. It may be a copy; compare it with another pack before you vouch for it.</source>
        <translation>扫码次数异常：{code} 已被扫 {count} 次，或在相距过远的地方被扫。可能是仿冒；请与另一件产品比对后再担保。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="306" />
        <source>GENUINE: {product}, shipped to {dealer} on {date}.</source>
        <translation>正品：{product}，{date} 发往 {dealer}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="312" />
        <source>GENUINE: {product}, issued by the brand and not yet shipped to a dealer.</source>
        <translation>正品：{product}，由品牌方发码，尚未发往经销商。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="335" />
        <location filename="../../app/domain/workflows/inspector/session.py" line="89" />
        <source>Scan the product first, then file the case.</source>
        <translation>请先扫产品，再提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="340" />
        <source>No case for this product: it is authorised here or the data is too old to judge.</source>
        <translation>该产品无需立案：它在本地区授权销售，或数据过旧无法判定。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="351" />
        <source>A case was already filed for this check.</source>
        <translation>本次稽查已提交过案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="431" />
        <source>CASE FILED ({case}). It goes to the brand at the next sync; its status shows under My cases.</source>
        <translation>案件已提交（{case}）。下次同步时发给品牌方，处理状态见“我的案件”。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="50" />
        <source>Pick the store or region you are in first; then scan the products.</source>
        <translation>请先选择所在门店或地区，再扫产品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="62" />
        <source>{code} names a product, not one item. Scan the item's own QR or DataMatrix code.</source>
        <translation>{code} 是商品条码，不是单品码。请扫单品自己的二维码或 DataMatrix 码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="102" />
        <source>No case for the last product; its check stays on record. Scan the next one.</source>
        <translation>上一件产品不立案，稽查记录已保存。请扫下一件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="123" />
        <source>Inspection does not use this command. CONFIRM files a case; CANCEL skips it.</source>
        <translation>稽查不使用这个指令。扫“确认”提交案件，扫“取消”跳过。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="53" />
        <source>AUTHORISED HERE: shipped to {dealer} on {date}; {here} is in their sales regions.</source>
        <translation>本地授权：{date} 发往 {dealer}，{here} 在其授权销售区域内。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="57" />
        <source>DIVERTED (窜货): shipped to {dealer} (may sell in {regions}) on {date}, order {order}; found in {here}. Take photos and file a case.</source>
        <translation>窜货：{date} 发往 {dealer}（授权区域：{regions}），订单 {order}；却出现在 {here}。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="82" />
        <source>DIVERTED (窜货): shipped to a dealer of another region; found in {here}. Take photos and file a case.</source>
        <translation>窜货：已发往其他区域的经销商，却出现在 {here}。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="62" />
        <source>NOT SHIPPED YET: the brand never shipped {code} to a dealer, yet it is on a shelf in {here}. Take photos and file a case.</source>
        <translation>尚未出库：品牌方从未把 {code} 发给任何经销商，它却出现在 {here} 的货架上。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="67" />
        <source>UNKNOWN TO THE BRAND: {code} was never issued. Suspected counterfeit: take photos and file a case.</source>
        <translation>品牌方无此码：{code} 从未发出。疑似假冒：请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="72" />
        <source>DATA TOO OLD TO JUDGE: the downloaded data is {hours} hours old (the brand allows {limit}). Download fresh data, then scan again.</source>
        <translation>数据过旧，无法判定：已下载的数据是 {hours} 小时前的（品牌方允许 {limit} 小时）。请下载最新数据后再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="79" />
        <source>NO DATA: this station has not downloaded the shipment data yet. Download it on the Prepare tab before you inspect.</source>
        <translation>没有数据：本机还没有下载发货数据。请先在“出发准备”页下载，再开始稽查。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="68" />
        <location filename="../../app/ui/inspector/page.py" line="67" />
        <source>This scan could not be saved, so nothing was recorded. Scan it again; if this keeps happening, tell IT.</source>
        <translation>这次扫码未能保存，未记录任何内容。请再扫一次；如果反复出现，请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="73" />
        <source>REFUSED BY THE BRAND: {what} {todo}</source>
        <translation>品牌方拒绝：{what}{todo}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="74" />
        <source>CONFIRMED: the brand confirmed the redemption of {prize}.</source>
        <translation>已确认：品牌方已确认 {prize} 的核销。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="85" />
        <source>waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="86" />
        <source>received by the brand</source>
        <translation>品牌方已接收</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="87" />
        <source>refused by the brand</source>
        <translation>品牌方不受理</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="88" />
        <source>open</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="89" />
        <source>investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="90" />
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="91" />
        <source>dismissed</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="95" />
        <location filename="../../app/ui/inspector/page.py" line="240" />
        <location filename="../../app/ui/inspector/page.py" line="305" />
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="96" />
        <location filename="../../app/ui/inspector/page.py" line="239" />
        <source>Shipped to</source>
        <translation>发往经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="97" />
        <source>Dealer's regions</source>
        <translation>授权区域</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="98" />
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="99" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="100" />
        <location filename="../../app/ui/inspector/page.py" line="303" />
        <source>Found in</source>
        <translation>发现地点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="101" />
        <source>Data age (hours)</source>
        <translation>数据时效（小时）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="38" />
        <source>AUTHORISED HERE</source>
        <translation>本地授权</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="39" />
        <source>DIVERTED</source>
        <translation>窜货</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="40" />
        <source>NOT SHIPPED YET</source>
        <translation>尚未出库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="41" />
        <source>UNKNOWN TO THE BRAND</source>
        <translation>品牌方无此码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="42" />
        <source>DATA TOO OLD</source>
        <translation>数据过旧</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="47" />
        <source>✔ CASE FILED</source>
        <translation>✔ 案件已提交</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="48" />
        <source>⚠ WHERE ARE YOU?</source>
        <translation>⚠ 请先选择地点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="49" />
        <source>NO DATA</source>
        <translation>没有数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="82" />
        <source>Sending this station's work…</source>
        <translation>正在上传本机记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="83" />
        <source>Fetching stores, dealers and regions…</source>
        <translation>正在获取门店、经销商和地区…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="84" />
        <source>Downloading shipment data…</source>
        <translation>正在下载发货数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="85" />
        <source>Loading shipment data…</source>
        <translation>正在导入发货数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="86" />
        <source>Bringing the data up to date…</source>
        <translation>正在更新到最新…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="96" />
        <source>No shipment data on this station yet.</source>
        <translation>本机还没有发货数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="101" />
        <source>Data from {when} (less than an hour old).</source>
        <translation>数据更新于 {when}（不到 1 小时前）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="103" />
        <source>Data from {when} ({hours} hours old).</source>
        <translation>数据更新于 {when}（{hours} 小时前）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="237" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="238" />
        <location filename="../../app/ui/inspector/page.py" line="301" />
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="299" />
        <source>Filed</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="300" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="302" />
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="304" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="306" />
        <source>Case</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="721" />
        <source>Inspection</source>
        <translation>稽查</translation>
    </message>
</context>
<context>
    <name>InspectorPage</name>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="153" />
        <source>On site</source>
        <translation>现场稽查</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="154" />
        <source>Prepare</source>
        <translation>出发准备</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="155" />
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="182" />
        <source>Type the store or region</source>
        <translation>输入门店或地区名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="188" />
        <source>Where am I:</source>
        <translation>当前位置：</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="208" />
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="209" />
        <source>Add photo file…</source>
        <translation>添加照片文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="216" />
        <source>Note: shelf, quantity, price, what the shop said…</source>
        <translation>备注：货架位置、数量、售价、店员说法…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="218" />
        <source>File a case  Ctrl+Enter</source>
        <translation>提交案件  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="260" />
        <source>Tick the regions of this trip, then download the shipment data while you still have a network. On site everything works offline. The data holds every code the brand issued, so goods from any other region are recognised too.</source>
        <translation>勾选本次稽查的地区，趁有网络时下载发货数据。到现场后全部离线可用。数据包含品牌方发出的所有码，来自其他地区的货也能识别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="272" />
        <source>Download data</source>
        <translation>下载数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="312" />
        <source>Get the latest status from the brand</source>
        <translation>从品牌方获取最新状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="359" />
        <source>{rows} codes.</source>
        <translation>共 {rows} 个码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="417" />
        <source>— choose the store or region —</source>
        <translation>— 请选择门店或地区 —</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="421" />
        <source>{region} (whole region)</source>
        <translation>{region}（整个地区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="423" />
        <source>{store} (store, {region})</source>
        <translation>{store}（门店 · {region}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="513" />
        <source>Case {case} filed.</source>
        <translation>案件 {case} 已提交。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="526" />
        <source>Pick the place, then scan a product</source>
        <translation>请先选择地点，再扫产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="529" />
        <source>The verdict shows here: authorised here, DIVERTED, not shipped yet, unknown to the brand, or data too old.</source>
        <translation>结论会显示在这里：本地授权、窜货、尚未出库、品牌方无此码，或数据过旧。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="543" />
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="566" />
        <source>Taking the photo…</source>
        <translation>正在拍照…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="573" />
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="575" />
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="614" />
        <source>{count} photos attached to this check.</source>
        <translation>本次稽查已附 {count} 张照片。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="619" />
        <source>No photo was taken: {error}. Check the camera, or add a photo file.</source>
        <translation>没有拍到照片：{error}。请检查摄像头，或添加照片文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="656" />
        <source>Connecting to the brand's server…</source>
        <translation>正在连接品牌方服务器…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="682" />
        <source>Done. The data is on this station; you can inspect offline.</source>
        <translation>完成。数据已在本机，可以离线稽查。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="687" />
        <source>The download stopped ({error}). Press Download data again when the network is back: it continues where it stopped.</source>
        <translation>下载中断（{error}）。网络恢复后再按“下载数据”，会从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="692" />
        <source>Updated from the brand.</source>
        <translation>已从品牌方更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="694" />
        <source>Offline: showing what was known at the last sync.</source>
        <translation>离线：显示上次同步时的状态。</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../app/ui/counter/supervisor.py"/>
        <source>Scan a supervisor's badge or type their PIN; CANCEL keeps the redemption.</source>
        <translation>请扫主管工牌或输入主管密码；扫“取消”则保留这次核销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="42" />
        <source>Supervisor approval</source>
        <translation>主管批准</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="46" />
        <source>Undo the redemption of {prize} ({value}), voucher {voucher}, by {operator}?</source>
        <translation>撤销 {operator} 核销的 {prize}（{value}），奖券 {voucher}？</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="64" />
        <source>Scanned by mistake</source>
        <translation>扫错了</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="65" />
        <source>Customer changed their mind</source>
        <translation>顾客不要了</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="66" />
        <source>Prize out of stock</source>
        <translation>奖品缺货</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="72" />
        <source>Supervisor's PIN</source>
        <translation>主管 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="77" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="78" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="79" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="82" />
        <source>Approve undo</source>
        <translation>批准撤销</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="85" />
        <source>Keep the redemption</source>
        <translation>保留核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="106" />
        <source>No supervisor is set up on this station. Ask the administrator.</source>
        <translation>本机还没有设置主管。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="116" />
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <translation>PIN 错误次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="125" />
        <source>Pick the supervisor and type their PIN.</source>
        <translation>请选择主管并输入其 PIN。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="128" />
        <source>Say why the redemption is undone.</source>
        <translation>请填写撤销原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="142" />
        <source>Wrong PIN. Nothing was undone.</source>
        <translation>PIN 错误，未撤销。</translation>
    </message>
</context>
</TS>