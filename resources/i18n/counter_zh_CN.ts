<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Counter</name>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="28"/>
        <source>Redeem voucher</source>
        <translation>核销奖券</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="29"/>
        <source>Verify product</source>
        <translation>查真伪</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="30"/>
        <source>Installer rebate</source>
        <translation>小工返利</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="303"/>
        <source>provisional</source>
        <translation>临时（待确认）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="304"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="305"/>
        <source>refused by the server</source>
        <translation>被品牌方拒绝</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="306"/>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="326"/>
        <source>VALID · SCAN CONFIRM</source>
        <translation>有效 · 请扫“确认”</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="327"/>
        <source>⚠ SUPERVISOR NEEDED</source>
        <translation>⚠ 需主管批准</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="328"/>
        <source>✔ REDEEMED</source>
        <translation>✔ 已核销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="329"/>
        <source>✔ REDEEMED (OFFLINE)</source>
        <translation>✔ 已核销（离线）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="330"/>
        <source>✔ CONFIRMED BY THE BRAND</source>
        <translation>✔ 品牌方已确认</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="331"/>
        <source>✖ REFUSED BY THE BRAND</source>
        <translation>✖ 品牌方拒绝</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="332"/>
        <source>UNDONE</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="333"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="345"/>
        <source>✖ FORGED OR DAMAGED</source>
        <translation>✖ 伪造或损坏</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="334"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="335"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="346"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="347"/>
        <source>✖ FORGED</source>
        <translation>✖ 伪造</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="336"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="348"/>
        <source>⚠ CANNOT CHECK YET</source>
        <translation>⚠ 暂时无法校验</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="337"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="349"/>
        <source>✖ EXPIRED</source>
        <translation>✖ 已过期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="338"/>
        <source>✖ CANCELLED BY THE BRAND</source>
        <translation>✖ 已被品牌方作废</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="339"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="351"/>
        <source>✖ NOT FOR THIS DEALER</source>
        <translation>✖ 非本经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="340"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="341"/>
        <source>✖ ALREADY REDEEMED</source>
        <translation>✖ 已被核销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="342"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="343"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="344"/>
        <source>✖ OFFLINE LIMIT</source>
        <translation>✖ 超出离线限额</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="350"/>
        <source>✖ BLOCKED</source>
        <translation>✖ 已停用</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="352"/>
        <source>INSTALLER CARD</source>
        <translation>小工卡</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="353"/>
        <source>✔ ADDED</source>
        <translation>✔ 已加入</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="354"/>
        <source>⚠ ADDED, NOT CHECKED YET</source>
        <translation>⚠ 已加入，尚未核验</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="355"/>
        <source>⚠ STILL CHECKING</source>
        <translation>⚠ 仍在核验</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="356"/>
        <source>⚠ THE BRAND DECIDES AT SYNC</source>
        <translation>⚠ 同步时由品牌方判定</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="357"/>
        <source>✖ REPEATED</source>
        <translation>✖ 重复扫码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="358"/>
        <source>✖ ALREADY CLAIMED</source>
        <translation>✖ 已申领过</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="359"/>
        <source>✖ NOT SOLD</source>
        <translation>✖ 未经经销商售出</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="360"/>
        <source>✖ NOT KNOWN</source>
        <translation>✖ 无此码记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="361"/>
        <source>✖ NO REBATE</source>
        <translation>✖ 无返利</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="362"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="363"/>
        <source>✖ NOT ONE PRODUCT</source>
        <translation>✖ 不是单个产品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="364"/>
        <source>⚠ NO PRODUCTS YET</source>
        <translation>⚠ 尚无产品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="365"/>
        <source>✔ CLAIM REGISTERED</source>
        <translation>✔ 返利已登记</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="366"/>
        <source>✖ CLAIM REFUSED BY THE BRAND</source>
        <translation>✖ 返利被品牌方拒绝</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="367"/>
        <location filename="../../app/domain/workflows/counter/model.py" line="368"/>
        <source>✔ GENUINE</source>
        <translation>✔ 正品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="369"/>
        <source>✔ KNOWN TO THE BRAND</source>
        <translation>✔ 品牌方有记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="370"/>
        <source>⚠ NOT KNOWN HERE</source>
        <translation>⚠ 本机无记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="371"/>
        <source>⚠ NOT KNOWN HERE · CHECKING</source>
        <translation>⚠ 本机无记录 · 正在查询</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="372"/>
        <source>⚠ NOT SOLD BY THIS DEALER</source>
        <translation>⚠ 非本经销商售出</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="373"/>
        <source>✖ NEVER ISSUED</source>
        <translation>✖ 品牌从未发码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="374"/>
        <source>⚠ SEEN TOO OFTEN</source>
        <translation>⚠ 扫码次数异常</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="375"/>
        <source>✖ VOID</source>
        <translation>✖ 已作废</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="41"/>
        <source>Voucher redemptions</source>
        <translation>奖券核销</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="42"/>
        <source>Installer rebate claims</source>
        <translation>小工返利申领</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="43"/>
        <source>Installer rebates (products)</source>
        <translation>小工返利（产品件数）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="44"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="45"/>
        <location filename="../../app/ui/counter/page.py" line="72"/>
        <location filename="../../app/ui/counter/page.py" line="81"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="46"/>
        <location filename="../../app/ui/counter/page.py" line="74"/>
        <source>Voucher</source>
        <translation>奖券</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="47"/>
        <location filename="../../app/ui/counter/page.py" line="72"/>
        <source>Prize</source>
        <translation>奖品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="48"/>
        <location filename="../../app/ui/counter/page.py" line="73"/>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="49"/>
        <location filename="../../app/ui/counter/page.py" line="74"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="111"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="50"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="51"/>
        <location filename="../../app/ui/counter/page.py" line="73"/>
        <location filename="../../app/ui/counter/page.py" line="84"/>
        <source>Standing</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="52"/>
        <source>Server&apos;s reason</source>
        <translation>服务器原因</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="53"/>
        <location filename="../../app/ui/counter/page.py" line="81"/>
        <source>Claim</source>
        <translation>申领单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="54"/>
        <location filename="../../app/ui/counter/page.py" line="82"/>
        <source>Installer</source>
        <translation>小工</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="55"/>
        <location filename="../../app/ui/counter/page.py" line="83"/>
        <source>Products</source>
        <translation>产品数</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="56"/>
        <location filename="../../app/ui/counter/page.py" line="77"/>
        <location filename="../../app/ui/counter/page.py" line="83"/>
        <source>Estimated rebate</source>
        <translation>预计返利</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="35"/>
        <source>Day&apos;s close {day}</source>
        <translation>日结 {day}</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="36"/>
        <source>Dealer: {dealer}</source>
        <translation>经销商：{dealer}</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="37"/>
        <source>Store: {store}</source>
        <translation>门店：{store}</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="38"/>
        <source>Station: {station}</source>
        <translation>站点：{station}</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="39"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="40"/>
        <source>Total (confirmed and provisional)</source>
        <translation>合计（已确认和临时）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="57"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="58"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="59"/>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="60"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/report.py" line="61"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="81"/>
        <location filename="../../app/ui/counter/page.py" line="77"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="82"/>
        <location filename="../../app/ui/counter/page.py" line="78"/>
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="83"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="84"/>
        <source>Production date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="85"/>
        <source>Issued</source>
        <translation>发码日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="86"/>
        <source>Carton / pallet</source>
        <translation>所在箱 / 垛</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="87"/>
        <source>Shipped to</source>
        <translation>发往经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="88"/>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="89"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="90"/>
        <source>Times scanned</source>
        <translation>被扫次数</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="91"/>
        <source>Scanned at</source>
        <translation>扫码站点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="92"/>
        <source>Checked at this counter</source>
        <translation>本柜台查询次数</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="94"/>
        <source>Warnings from the brand</source>
        <translation>品牌方预警</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="99"/>
        <source>issued by the brand, not sold yet</source>
        <translation>品牌方已发码，尚未售出</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="100"/>
        <source>in the brand&apos;s registry</source>
        <translation>在品牌方码库中</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="101"/>
        <source>in stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="102"/>
        <source>held for an order</source>
        <translation>已为订单预留</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="103"/>
        <source>shipped to a dealer</source>
        <translation>已发往经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="104"/>
        <source>received by a dealer</source>
        <translation>经销商已收货</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="105"/>
        <source>returned to the brand</source>
        <translation>已退回品牌方</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="106"/>
        <source>returned damaged, held back</source>
        <translation>退回损坏，已隔离</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="107"/>
        <location filename="../../app/domain/workflows/counter/verify.py" line="108"/>
        <source>void: the label was replaced</source>
        <translation>已作废：标签已更换</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="110"/>
        <source>recorded by the brand</source>
        <translation>品牌方有记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="114"/>
        <source>scanned in places far apart</source>
        <translation>在相距很远的地方被扫</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="115"/>
        <source>scanned in a run of consecutive codes</source>
        <translation>被连号批量扫码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="116"/>
        <source>scans too close together in time</source>
        <translation>扫码间隔过短</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="117"/>
        <source>scanned but never issued</source>
        <translation>被扫的码品牌方从未发出</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="118"/>
        <source>scanned by a blocked device</source>
        <translation>被已停用的设备扫过</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="119"/>
        <source>scanned by a device with a wrong clock</source>
        <translation>被时钟错误的设备扫过</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="121"/>
        <source>another warning</source>
        <translation>其他预警</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="123"/>
        <source>{count} stations</source>
        <translation>{count} 个站点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="124"/>
        <source>1 station</source>
        <translation>1 个站点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="125"/>
        <source>this counter and {count} other stations</source>
        <translation>本柜台及另外 {count} 个站点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="126"/>
        <source>this counter and 1 other station</source>
        <translation>本柜台及另外 1 个站点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="127"/>
        <source>this counter only</source>
        <translation>仅本柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="814"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/reasons.py" line="23"/>
        <source>The brand refused it for a reason this station does not know yet.</source>
        <translation>品牌方拒绝了，原因本机暂不认识。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/reasons.py" line="26"/>
        <source>Update the station, or call the brand&apos;s hotline.</source>
        <translation>请更新本机软件，或拨打品牌方热线。</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../app/ui/counter/page.py" line="757"/>
        <source>Type a code by hand</source>
        <translation>手工输入编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="183"/>
        <location filename="../../app/ui/counter/page.py" line="756"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="185"/>
        <source>Day&apos;s close…</source>
        <translation>日结…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="186"/>
        <source>Command sheet…</source>
        <translation>指令码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="189"/>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="211"/>
        <source>Confirm  Ctrl+Enter</source>
        <translation>确认  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="214"/>
        <source>Cancel  Esc</source>
        <translation>取消  Esc</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="217"/>
        <source>Undo  Ctrl+Z</source>
        <translation>撤销  Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="269"/>
        <location filename="../../app/ui/counter/page.py" line="454"/>
        <source>Voucher</source>
        <translation>奖券</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="352"/>
        <source>This claim</source>
        <translation>本次申领</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="354"/>
        <source>Today&apos;s claims</source>
        <translation>今日申领</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="395"/>
        <source>Checking with the brand…</source>
        <translation>正在向品牌方查询…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="397"/>
        <location filename="../../app/ui/counter/page.py" line="579"/>
        <source>Offline: what this station knows</source>
        <translation>离线：本机已知信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="431"/>
        <source>Scan the voucher on the customer&apos;s phone, then CONFIRM (or scan it again).</source>
        <translation>扫顾客手机上的奖券码，再扫“确认”（或再扫一次奖券）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="433"/>
        <source>Scan the product&apos;s own code to check it is genuine.</source>
        <translation>扫产品本身的码，查验真伪。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="435"/>
        <source>Scan the installer&apos;s card, then each product&apos;s code, then CONFIRM.</source>
        <translation>先扫小工卡，再逐个扫产品码，最后扫“确认”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="443"/>
        <source>● Online: the brand confirms at once</source>
        <translation>● 在线：品牌方即时确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="443"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="446"/>
        <source>● Offline: redemptions are provisional</source>
        <translation>● 离线：核销为临时记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="446"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="455"/>
        <source>Scan a voucher</source>
        <translation>请扫奖券</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="457"/>
        <source>The customer shows the voucher QR on their phone.</source>
        <translation>请顾客出示手机上的奖券二维码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="459"/>
        <source>Valid voucher: scan CONFIRM to redeem</source>
        <translation>奖券有效：扫“确认”完成核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="463"/>
        <source>Voucher {id}</source>
        <translation>奖券 {id}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="464"/>
        <source>Valid until {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="467"/>
        <source>Dealer: {dealer}</source>
        <translation>经销商：{dealer}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="467"/>
        <source>any dealer</source>
        <translation>不限经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="481"/>
        <source>Scan a product code</source>
        <translation>请扫产品码</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="482"/>
        <source>What the brand knows about it shows here.</source>
        <translation>品牌方对该产品的记录会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="521"/>
        <source>Scan an installer&apos;s card</source>
        <translation>请扫小工卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="523"/>
        <source>The installer shows the card QR; then scan each product they fitted.</source>
        <translation>请小工出示小工卡二维码，然后逐个扫其安装的产品。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="531"/>
        <source>Card {id} · valid until {date}</source>
        <translation>卡号 {id} · 有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="536"/>
        <source>1 product · about {total}</source>
        <translation>1 件产品 · 约 {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="538"/>
        <source>{count} products · about {total}</source>
        <translation>{count} 件产品 · 约 {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="573"/>
        <source>The brand&apos;s server is busy with a sync; its trace follows when it ends.</source>
        <translation>品牌方服务器正在同步，同步结束后显示溯源。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="577"/>
        <location filename="../../app/ui/counter/page.py" line="581"/>
        <source>What this station knows</source>
        <translation>本机掌握的信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="609"/>
        <source>The brand&apos;s trace</source>
        <translation>品牌方溯源记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="690"/>
        <source>Today: {count} redeemed, {value} ({provisional} provisional)</source>
        <translation>今日：核销 {count} 张，共 {value}（其中临时 {provisional} 张）</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="715"/>
        <source>1 claim</source>
        <translation>申领 1 单</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="715"/>
        <source>{count} claims</source>
        <translation>申领 {count} 单</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="716"/>
        <source>1 product</source>
        <translation>1 件产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="716"/>
        <source>{count} products</source>
        <translation>{count} 件产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="719"/>
        <source>Today: {claims}, {products}</source>
        <translation>今日：{claims}，{products}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="751"/>
        <source>Counter commands</source>
        <translation>柜台指令</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="753"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="754"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="755"/>
        <source>Undo (supervisor PIN)</source>
        <translation>撤销（需主管 PIN）</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="774"/>
        <source>Yima Scan · counter command sheet</source>
        <translation>一码扫 · 柜台指令码</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="104"/>
        <source>Day&apos;s close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="123"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="124"/>
        <source>Save as Excel (XLSX)…</source>
        <translation>保存为 Excel（XLSX）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="125"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="134"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="189"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="189"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="191"/>
        <source>Save the day&apos;s close</source>
        <translation>保存日结报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="201"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="212"/>
        <source>Could not save {path}: {error}. Choose another folder.</source>
        <translation>无法保存 {path}：{error}。请换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/day_close.py" line="222"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="61"/>
        <source>FORGED OR DAMAGED: this voucher cannot be read. Do not hand out the prize; ask the customer to open the voucher again and scan it once more.</source>
        <translation>伪造或损坏：无法读取这张奖券。请勿发放奖品；请顾客重新打开奖券后再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="66"/>
        <source>FORGED: voucher {voucher} does not carry the brand&apos;s signature. Do not hand out the prize; note the customer&apos;s phone number.</source>
        <translation>伪造：奖券 {voucher} 没有品牌方的签名。请勿发放奖品，并记下顾客的手机号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="71"/>
        <source>Cannot check voucher {voucher}: it is signed with key {kid}, which this station does not have yet. Sync, then scan it again.</source>
        <translation>暂时无法校验奖券 {voucher}：它使用密钥 {kid} 签名，本机还没有该密钥。请先同步，再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="76"/>
        <source>FORGED: voucher {voucher} is signed with key {kid}, which the brand withdrew. Do not hand out the prize; call the brand&apos;s hotline.</source>
        <translation>伪造：奖券 {voucher} 使用已被品牌方吊销的密钥 {kid} 签名。请勿发放奖品，请致电品牌方热线。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="81"/>
        <source>EXPIRED: voucher {voucher} was valid until {expires}. Tell the customer it has expired.</source>
        <translation>已过期：奖券 {voucher} 的有效期到 {expires}。请告知顾客奖券已过期。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="85"/>
        <source>CANCELLED: the brand cancelled voucher {voucher}. Do not hand out the prize; the customer can call the brand&apos;s hotline.</source>
        <translation>已作废：品牌方已作废奖券 {voucher}。请勿发放奖品，顾客可致电品牌方热线。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="90"/>
        <source>NOT FOR THIS DEALER: voucher {voucher} is for {dealer}. Send the customer there.</source>
        <translation>非本经销商：奖券 {voucher} 只能在 {dealer} 核销。请引导顾客前往。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="94"/>
        <source>ALREADY REDEEMED HERE on {at} by {operator}. Do not hand out the prize again.</source>
        <translation>本柜台已核销过：{at} 由 {operator} 核销。请勿重复发放奖品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="98"/>
        <source>ALREADY REDEEMED at counter {station} on {at}. Do not hand out the prize.</source>
        <translation>已被核销：{at} 在柜台 {station} 核销。请勿发放奖品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="102"/>
        <source>Offline limit reached: {count} vouchers redeemed since the last sync (the brand allows {limit}). Connect to the network and sync, then scan again.</source>
        <translation>已达离线限额：上次同步后已核销 {count} 张（品牌方允许 {limit} 张）。请联网同步后再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="107"/>
        <source>Offline limit reached: this voucher would bring unsynced prizes to {value} (the brand allows {limit}). Connect to the network and sync, then scan again.</source>
        <translation>已达离线限额：核销这张后未同步奖品总值将达 {value}（品牌方允许 {limit}）。请联网同步后再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="112"/>
        <source>Offline too long: the last sync was {hours} hours ago (the brand allows {limit}). Connect to the network and sync before redeeming.</source>
        <translation>离线时间过长：上次同步在 {hours} 小时前（品牌方允许 {limit} 小时）。请联网同步后再核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="117"/>
        <source>This is an installer card, not a voucher. Switch to Installer rebate to register a claim.</source>
        <translation>这是小工卡，不是奖券。请切换到“小工返利”登记申领。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="121"/>
        <source>FORGED OR DAMAGED: this installer card cannot be read. Ask the installer to show it again.</source>
        <translation>伪造或损坏：无法读取这张小工卡。请小工重新出示。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="126"/>
        <source>FORGED: installer card {card} does not carry the brand&apos;s signature. Do not register a rebate.</source>
        <translation>伪造：小工卡 {card} 没有品牌方的签名。请勿登记返利。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="131"/>
        <source>Cannot check installer card {card}: signed with key {kid}, which this station does not have yet. Sync, then scan it again.</source>
        <translation>暂时无法校验小工卡 {card}：它使用密钥 {kid} 签名，本机还没有该密钥。请先同步，再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="136"/>
        <source>FORGED: installer card {card} is signed with a key the brand withdrew. Do not register a rebate.</source>
        <translation>伪造：小工卡 {card} 使用已被品牌方吊销的密钥签名。请勿登记返利。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="141"/>
        <source>EXPIRED: installer card {card} was valid until {expires}. Ask the installer to renew it.</source>
        <translation>已过期：小工卡 {card} 的有效期到 {expires}。请小工续办。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="145"/>
        <source>BLOCKED: the brand blocked installer card {card}. Do not register a rebate.</source>
        <translation>已停用：品牌方已停用小工卡 {card}。请勿登记返利。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="149"/>
        <source>NOT FOR THIS DEALER: installer card {card} belongs to {dealer}&apos;s installers.</source>
        <translation>非本经销商：小工卡 {card} 属于 {dealer} 的小工。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="153"/>
        <source>This is a prize voucher, not an installer card. Switch to Redeem voucher to redeem it.</source>
        <translation>这是奖券，不是小工卡。请切换到“核销奖券”核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="162"/>
        <source>Offline limit reached: 1 voucher redeemed since the last sync (the brand allows {limit}). Connect to the network and sync, then scan again.</source>
        <translation>已达离线限额：上次同步后已核销 1 张（品牌方允许 {limit} 张）。请联网同步后再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/model.py" line="170"/>
        <source>Offline too long: the last sync was 1 hour ago (the brand allows {limit}). Connect to the network and sync before redeeming.</source>
        <translation>离线时间过长：上次同步在 1 小时前（品牌方允许 {limit} 小时）。请联网同步后再核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="235"/>
        <source>This is not one product&apos;s own code. Scan the code printed on the product itself.</source>
        <translation>这不是单个产品自己的码。请扫印在产品本身上的码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="244"/>
        <source>{code} is a carton or pallet code. A rebate is claimed per product: scan each product&apos;s own code.</source>
        <translation>{code} 是箱码或垛码。返利按单个产品申领：请逐个扫产品自己的码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="60"/>
        <source>REPEATED: {code} is already in this claim. Each product counts once; scan the next product.</source>
        <translation>重复：{code} 已在本次申领中。每件产品只计一次，请扫下一件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="64"/>
        <source>ALREADY CLAIMED: {code} earned a rebate on {at} (claim {claim}). Put this product aside; it cannot be claimed again.</source>
        <translation>已申领过：{code} 已于 {at} 申领返利（申领单 {claim}）。请把该产品放到一边，不能再次申领。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="69"/>
        <source>NOT SOLD: as far as this counter&apos;s records show, {code} was never sold through a dealer, so it earns no rebate. Put the product aside; if it was delivered recently, sync and scan it again.</source>
        <translation>未经经销商售出：据本柜台的记录，{code} 从未经经销商售出，不能返利。请把产品放到一边；如果是最近到的货，请先同步再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="75"/>
        <source>VOID LABEL: {code} was replaced by a new label and earns no rebate. Scan the product&apos;s new label instead.</source>
        <translation>标签已作废：{code} 已换成新标签，不能返利。请改扫产品上的新标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="80"/>
        <source>NOT KNOWN: the brand does not know {code}, so it was taken off the claim. Put the product aside: it may be a copy.</source>
        <translation>无此码：品牌方不认识 {code}，已从申领中移除。请把产品放到一边：它可能是仿冒品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="85"/>
        <source>NOT SOLD: the brand&apos;s records show {code} as not sold through a dealer now (never shipped, returned or replaced), so it was taken off the claim. Put the product aside and scan the next one.</source>
        <translation>未经经销商售出：品牌方记录显示 {code} 目前不是经经销商售出的（未发货、已退货或已换标），已从申领中移除。请把产品放到一边，扫下一件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="91"/>
        <source>THE BRAND DECIDES AT SYNC: this counter is not shown where {code} was sold (another dealer&apos;s sales are kept from it), so it stays on the claim unchecked. Tell the installer the brand confirms it when the claim syncs.</source>
        <translation>同步时由品牌方判定：本柜台看不到 {code} 是经哪家经销商售出的（其他经销商的销售不对本柜台公开），它留在申领中，暂未核验。请告诉师傅：申领同步后由品牌方确认。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="98"/>
        <source>NO REBATE: the brand pays no installer rebate for {code} today. Put the product aside and scan the next one.</source>
        <translation>无返利：品牌方今天对 {code} 不发小工返利。请把产品放到一边，扫下一件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/rebates.py" line="292"/>
        <source>The claim has no products yet. Scan the products&apos; codes first.</source>
        <translation>本次申领还没有产品。请先扫产品码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/redeem.py" line="27"/>
        <source>Nothing to undo: only this counter&apos;s last redemption can be undone, within {minutes} minutes of redeeming it.</source>
        <translation>没有可撤销的核销：只能撤销本柜台最近一次核销，且须在核销后 {minutes} 分钟内。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/redeem.py" line="32"/>
        <source>Nothing to undo: only this counter&apos;s last redemption can be undone, within 1 minute of redeeming it.</source>
        <translation>没有可撤销的核销：只能撤销本柜台最近一次核销，且须在核销后 1 分钟内。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="64"/>
        <source>ADDED, NOT CHECKED YET: this counter cannot see whether {code} was sold; the brand checks it. {count} products, about {total}.</source>
        <translation>已加入，尚未核验：本柜台看不到 {code} 是否已售出，由品牌方核验。共 {count} 件，约 {total}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="69"/>
        <source>ADDED, NOT CHECKED YET: this counter cannot see whether {code} was sold; the brand checks it. 1 product, about {total}.</source>
        <translation>已加入，尚未核验：本柜台看不到 {code} 是否已售出，由品牌方核验。共 1 件，约 {total}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="228"/>
        <source>An installer claim is still open. Scan CONFIRM to register it or CANCEL to drop it, then scan the voucher again.</source>
        <translation>还有一张小工申领未完成。请扫“确认”登记或扫“取消”放弃，然后再扫奖券。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="248"/>
        <source>Valid voucher: {prize} ({value}). Scan CONFIRM (or the voucher again) to redeem it; CANCEL to stop.</source>
        <translation>奖券有效：{prize}（{value}）。扫“确认”（或再扫一次奖券）完成核销；扫“取消”则不核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="280"/>
        <source>REDEEMED (offline, provisional): hand out {prize}. The brand confirms it at the next sync.</source>
        <translation>已核销（离线，临时）：请发放 {prize}。下次同步时由品牌方确认。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="292"/>
        <source>REDEEMED: {prize}. Waiting for the brand&apos;s confirmation; it shows here in a moment.</source>
        <translation>已核销：{prize}。正在等待品牌方确认，稍后显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="312"/>
        <source>The claim for {installer} is still open. Scan CONFIRM to register it or CANCEL to drop it before the next installer&apos;s card.</source>
        <translation>{installer} 的申领还未完成。请先扫“确认”登记或扫“取消”放弃，再扫下一位小工的卡。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="326"/>
        <source>Card of {installer} is open. Scan the products&apos; codes.</source>
        <translation>{installer} 的小工卡已打开。请扫产品码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="341"/>
        <source>Installer {installer}: scan each product&apos;s code, then CONFIRM to register the claim.</source>
        <translation>小工 {installer}：请逐个扫产品码，最后扫“确认”登记申领。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="379"/>
        <source>Added {product}: rebate about {amount}. 1 product, about {total} so far.</source>
        <translation>已加入 {product}：返利约 {amount}。目前共 1 件，约 {total}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="384"/>
        <source>Added {product}: rebate about {amount}. {count} products, about {total} so far.</source>
        <translation>已加入 {product}：返利约 {amount}。目前共 {count} 件，约 {total}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="436"/>
        <source>Still checking 1 product with the brand. Scan CONFIRM again in a moment.</source>
        <translation>仍在向品牌方核验 1 件产品。请稍后再扫一次“确认”。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="441"/>
        <source>Still checking {count} products with the brand. Scan CONFIRM again in a moment.</source>
        <translation>仍在向品牌方核验 {count} 件产品。请稍后再扫一次“确认”。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="460"/>
        <source>CLAIM {claim} REGISTERED for {installer}: 1 product, rebate about {total}. The brand confirms it at sync.</source>
        <translation>已为 {installer} 登记返利申领 {claim}：1 件产品，返利约 {total}。同步时由品牌方确认。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="466"/>
        <source>CLAIM {claim} REGISTERED for {installer}: {count} products, rebate about {total}. The brand confirms it at sync.</source>
        <translation>已为 {installer} 登记返利申领 {claim}：{count} 件产品，返利约 {total}。同步时由品牌方确认。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="498"/>
        <source>{code} names a product, not one item: it cannot be traced. Scan the item&apos;s own QR or DataMatrix code.</source>
        <translation>{code} 是商品条码，不是单品码，无法溯源。请扫单品自己的二维码或 DataMatrix 码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="524"/>
        <source>Nothing to confirm. Scan a voucher or an installer card first.</source>
        <translation>没有需要确认的内容。请先扫奖券或小工卡。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="538"/>
        <source>Cancelled. Nothing was recorded.</source>
        <translation>已取消，未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="540"/>
        <source>Nothing to cancel.</source>
        <translation>没有需要取消的内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="555"/>
        <source>This switch sheet is for another page ({arg}). Use the counter&apos;s sheet: redeem, verify or rebate.</source>
        <translation>这张切换码属于其他页面（{arg}）。请使用柜台的指令码：核销、查真伪或小工返利。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="568"/>
        <source>Switched. Scan the next code.</source>
        <translation>已切换，请扫下一个码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="577"/>
        <source>Syncing with the brand&apos;s server now.</source>
        <translation>正在与品牌方服务器同步。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="586"/>
        <source>The counter does not use this command. Use CONFIRM, CANCEL, UNDO or SWITCH.</source>
        <translation>柜台不使用这个指令。请使用 确认、取消、撤销 或 切换。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="601"/>
        <source>Voucher put back; nothing was redeemed.</source>
        <translation>已放弃这张奖券，未核销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="613"/>
        <source>Claim closed; nothing was registered.</source>
        <translation>已关闭申领，未登记任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="621"/>
        <source>Took {product} off the claim. 1 product left.</source>
        <translation>已从申领中移除 {product}，还剩 1 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="623"/>
        <source>Took {product} off the claim. {count} products left.</source>
        <translation>已从申领中移除 {product}，还剩 {count} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="647"/>
        <source>Undo the redemption of {prize}? A supervisor must approve with their PIN.</source>
        <translation>要撤销 {prize} 的核销吗？须由主管输入 PIN 批准。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/session.py" line="676"/>
        <source>UNDONE: the redemption of {prize} is cancelled (approved by {supervisor}). Take the prize back.</source>
        <translation>已撤销：{prize} 的核销已取消（{supervisor} 批准）。请收回奖品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="247"/>
        <source>VOID: the label {code} was replaced or destroyed. This product should not carry it; set it aside and call the brand.</source>
        <translation>已作废：标签 {code} 已被替换或销毁，产品上不应再有它。请把产品放到一边并联系品牌方。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="259"/>
        <source>SEEN TOO OFTEN: {code} was checked {count} times at this counter. A genuine label is rarely checked this often; it may be a copy.</source>
        <translation>扫码次数异常：{code} 已在本柜台查询 {count} 次。正品标签很少被这样频繁查询，可能是仿冒。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="271"/>
        <source>Known to the brand: {product}. Checking the brand&apos;s trace; the details follow.</source>
        <translation>品牌方有记录：{product}。正在查询品牌方溯源，详情随后显示。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="281"/>
        <source>Not known at this station: {code}. Connect to the network to check it with the brand before you vouch for it.</source>
        <translation>本机没有 {code} 的记录。请联网向品牌方查询后再为其担保。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="297"/>
        <source>Known to the brand: {product}. Offline: the full trace shows when the counter is online again.</source>
        <translation>品牌方有记录：{product}。当前离线，联网后可查看完整溯源。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="302"/>
        <source>Known to the brand: {product}. The brand&apos;s server did not answer the check; scan it again in a minute for the full trace.</source>
        <translation>品牌方有记录：{product}。品牌方服务器没有回应这次查询；请过一分钟再扫一次查看完整溯源。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="308"/>
        <source>Not known at this station: {code}. The brand&apos;s server did not answer the check; scan it again in a minute.</source>
        <translation>本机没有 {code} 的记录。品牌方服务器没有回应这次查询；请过一分钟再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="313"/>
        <source>NOT SOLD BY THIS DEALER: the brand knows {code}, but it was not sold through this dealer, so the brand shares its trace only with the dealer it was sold to. Ask where the customer bought it.</source>
        <translation>非本经销商售出：品牌方有 {code} 的记录，但它不是经本经销商售出的，品牌方只向售出它的经销商提供溯源。请询问顾客在哪里购买。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="345"/>
        <source>Not known at this station: {code}. Checking it with the brand; the answer follows.</source>
        <translation>本机没有 {code} 的记录。正在向品牌方查询，结果随后显示。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="403"/>
        <source>NEVER ISSUED: the brand never issued {code}. Suspected copy: do not sell or vouch for this product; set it aside.</source>
        <translation>品牌从未发码：品牌方从未发出 {code}。疑似仿冒：请勿销售或为其担保，请把产品放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="414"/>
        <source>VOID: the brand replaced or destroyed label {code}. Suspected copy: set it aside and call the brand.</source>
        <translation>已作废：品牌方已替换或销毁标签 {code}。疑似仿冒：请把产品放到一边并联系品牌方。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="425"/>
        <source>SEEN TOO OFTEN: {code} was scanned {count} times, or in places too far apart. It may be a copy; compare it with another pack before you vouch for it.</source>
        <translation>扫码次数异常：{code} 已被扫 {count} 次，或在相距过远的地方被扫。可能是仿冒；请与另一件产品比对后再担保。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="436"/>
        <source>GENUINE: {product}, shipped to {dealer} on {date}.</source>
        <translation>正品：{product}，{date} 发往 {dealer}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/counter/verify.py" line="442"/>
        <source>GENUINE: {product}, issued by the brand and not yet shipped to a dealer.</source>
        <translation>正品：{product}，由品牌方发码，尚未发往经销商。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="67"/>
        <source>REFUSED BY THE BRAND: {what} {todo}</source>
        <translation>品牌方拒绝：{what}{todo}</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/page.py" line="68"/>
        <source>CONFIRMED: the brand confirmed the redemption of {prize}.</source>
        <translation>已确认：品牌方已确认 {prize} 的核销。</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="134"/>
        <source>Scan a supervisor&apos;s badge or type their PIN; CANCEL keeps the redemption.</source>
        <translation>请扫主管工牌或输入主管密码；扫“取消”则保留这次核销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="43"/>
        <source>Supervisor approval</source>
        <translation>主管批准</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="47"/>
        <source>Undo the redemption of {prize} ({value}), voucher {voucher}, by {operator}?</source>
        <translation>撤销 {operator} 核销的 {prize}（{value}），奖券 {voucher}？</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="65"/>
        <source>Scanned by mistake</source>
        <translation>扫错了</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="66"/>
        <source>Customer changed their mind</source>
        <translation>顾客不要了</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="67"/>
        <source>Prize out of stock</source>
        <translation>奖品缺货</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="73"/>
        <source>Supervisor&apos;s PIN</source>
        <translation>主管 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="78"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="79"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="80"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="83"/>
        <source>Approve undo</source>
        <translation>批准撤销</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="86"/>
        <source>Keep the redemption</source>
        <translation>保留核销</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="107"/>
        <source>No supervisor is set up on this station. Ask the administrator.</source>
        <translation>本机还没有设置主管。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="142"/>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <translation>PIN 错误次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="151"/>
        <source>Pick the supervisor and type their PIN.</source>
        <translation>请选择主管并输入其 PIN。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="154"/>
        <source>Say why the redemption is undone.</source>
        <translation>请填写撤销原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counter/supervisor.py" line="168"/>
        <source>Wrong PIN. Nothing was undone.</source>
        <translation>PIN 错误，未撤销。</translation>
    </message>
</context>
</TS>
