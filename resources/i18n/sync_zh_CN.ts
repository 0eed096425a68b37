<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../sync/client/settle.py" line="27"/>
        <source>The issue is marked handled.</source>
        <translation>该问题已标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="185"/>
        <source>Syncing with the server now.</source>
        <translation>正在与服务器同步。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="208"/>
        <source>Only an administrator may enroll this station: ask IT to scan it.</source>
        <translation>只有管理员可以注册本工作站：请联系 IT 扫码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="213"/>
        <source>This enrollment code is damaged: show it again in head office&apos;s console and scan it again.</source>
        <translation>注册码已损坏：请在总部控制台重新显示后再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="223"/>
        <source>Enrolling this station with {server}…</source>
        <translation>正在向 {server} 注册本工作站…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="237"/>
        <source>The station was not enrolled: {error} Nothing was changed.</source>
        <translation>工作站未注册：{error} 没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="248"/>
        <source>Enrolled: this station is {station} at the brand&apos;s server.</source>
        <translation>注册成功：本工作站在品牌服务器上的编号为 {station}。</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="203"/>
        <source>What:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="204"/>
        <source>Codes:</source>
        <translation>码：</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="205"/>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="206"/>
        <source>Who:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="207"/>
        <source>Refused on:</source>
        <translation>被拒时间：</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="208"/>
        <source>What to do:</source>
        <translation>处理办法：</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="212"/>
        <source>What was done (e.g. goods found and taken off the shipment)</source>
        <translation>处理说明（例如：货物已找回，已从出库单中移除）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="233"/>
        <source>Close  Esc</source>
        <translation>关闭  Esc</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../app/ui/station_sync.py" line="38"/>
        <location filename="../../sync/client/transport.py" line="42"/>
        <source>Sync failed: {detail}</source>
        <translation>同步失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../sync/client/transport.py" line="51"/>
        <source>The server cannot be reached ({detail}). Work goes on offline; it will sync by itself.</source>
        <translation>无法连接服务器（{detail}）。可继续离线作业，恢复连接后会自动同步。</translation>
    </message>
    <message>
        <location filename="../../sync/client/transport.py" line="59"/>
        <source>The server no longer accepts this station ({detail}). Ask IT for a new enrollment code and enroll the station again.</source>
        <translation>服务器不再接受本工作站（{detail}）。请向 IT 索取新的注册码，重新注册本工作站。</translation>
    </message>
    <message>
        <location filename="../../sync/client/transport.py" line="84"/>
        <source>The server refused the request ({detail}). Call IT.</source>
        <translation>服务器拒绝了请求（{detail}）。请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../sync/client/transport.py" line="71"/>
        <source>Not allowed for this station ({detail}): the brand does not share this with this station. Ask head office if it should.</source>
        <translation>本工作站无权查看（{detail}）：品牌方不向本工作站提供此信息。如确有需要，请联系总部。</translation>
    </message>
    <message>
        <location filename="../../sync/client/client.py" line="99"/>
        <source>This station is not enrolled with a server yet. Ask IT for an enrollment code.</source>
        <translation>本工作站尚未在服务器注册。请向 IT 索取注册码。</translation>
    </message>
    <message>
        <location filename="../../sync/client/client.py" line="78"/>
        <source>Sending stopped: the station&apos;s history was changed outside Yima Scan at event {detail}. Call IT; do not delete the database.</source>
        <translation>已停止上传：本机的历史记录在第 {detail} 条处被一码扫以外的程序改动过。请联系 IT；不要删除数据库。</translation>
    </message>
    <message>
        <location filename="../../sync/client/client.py" line="90"/>
        <source>Sending stopped: the station database was rolled back ({detail}). Stop scanning and call IT.</source>
        <translation>已停止上传：本机数据库被回退了（{detail}）。请停止扫码并联系 IT。</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="226"/>
        <source>Enrolling</source>
        <translation>正在注册</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="110"/>
        <source>⟳ Sync now  F5</source>
        <translation>⟳ 立即同步  F5</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="113"/>
        <source>Send waiting events and fetch the server&apos;s data now</source>
        <translation>立即发送待上传的记录并获取服务器数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="126"/>
        <source>Sync issues</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="177"/>
        <source>Syncing with the server…</source>
        <translation>正在与服务器同步…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="189"/>
        <source>⟳ Sync</source>
        <translation>⟳ 同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="260"/>
        <source>Sending events: %1 of %2</source>
        <translation>正在发送记录：第 %1 条，共 %2 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="271"/>
        <source>Sync finished.</source>
        <translation>同步完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="310"/>
        <source>⚠ 1 sync issue  F6</source>
        <translation>⚠ 1 个同步问题  F6</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_controls.py" line="310"/>
        <source>⚠ %1 sync issues  F6</source>
        <translation>⚠ %1 个同步问题  F6</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <location filename="../../sync/client/settle.py" line="23"/>
        <source>Take the code out of the shipment</source>
        <translation>把该码从发货中取出</translation>
    </message>
    <message>
        <location filename="../../sync/client/settle.py" line="24"/>
        <source>Take the shipment back and reopen the order</source>
        <translation>撤回这次发货并重新打开订单</translation>
    </message>
    <message>
        <location filename="../../sync/client/settle.py" line="25"/>
        <source>Mark handled</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="70"/>
        <source>Shipment</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="71"/>
        <source>Receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="72"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="73"/>
        <location filename="../../sync/client/issues.py" line="83"/>
        <source>Packing</source>
        <translation>装箱</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="74"/>
        <source>Unpacking</source>
        <translation>拆箱</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="75"/>
        <source>Relabel</source>
        <translation>换码</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="76"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="77"/>
        <source>Check</source>
        <translation>查验</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="78"/>
        <location filename="../../sync/client/issues.py" line="80"/>
        <source>Voucher redemption</source>
        <translation>奖券核销</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="79"/>
        <location filename="../../sync/client/issues.py" line="81"/>
        <source>Installer rebate claim</source>
        <translation>小工返利登记</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="82"/>
        <source>Diversion case</source>
        <translation>窜货案件</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="84"/>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="88"/>
        <source>Station records</source>
        <translation>本机记录</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="89"/>
        <source>Other work</source>
        <translation>其他作业</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="93"/>
        <source> and %1 more</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="98"/>
        <source>Voucher %1</source>
        <translation>奖券 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="99"/>
        <source>Installer card %1</source>
        <translation>小工卡 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="100"/>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="120"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="121"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="122"/>
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="123"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="vanished">问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="124"/>
        <source>Who</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="vanished">处理办法</translation>
    </message>
    <message>
        <source>event {seq}</source>
        <translation type="vanished">事件 {seq}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="109"/>
        <source>Resolved by {who} on {when}</source>
        <translation>已由 {who} 于 {when} 处理</translation>
    </message>
</context>
<context>
    <name>SyncIssuesWidget</name>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="268"/>
        <source>Show resolved</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="270"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="273"/>
        <source>Open  Enter</source>
        <translation>打开  Enter</translation>
    </message>
    <message>
        <source>What was done (e.g. goods found and taken off the shipment)</source>
        <translation type="vanished">处理说明（例如：货物已找回，已从出库单中移除）</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation type="vanished">标记为已处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="296"/>
        <source>No sync issues. Everything the server judged was accepted.</source>
        <translation>没有同步问题。服务器已确认的记录全部通过。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="298"/>
        <source>Choose an issue and press Enter to see what to do.</source>
        <translation>选中一条问题，按 Enter 查看处理办法。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_issues.py" line="344"/>
        <source>Sync issues: %1 open</source>
        <translation>同步问题：%1 条待处理</translation>
    </message>
</context>
<context>
    <name>SyncReasons</name>
    <message>
        <location filename="../../sync/protocol.py" line="93"/>
        <source>The brand does not know code {code}.</source>
        <translation>品牌方没有码 {code} 的记录。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="94"/>
        <source>Set the item aside and check its label; it may be a copy.</source>
        <translation>请将该商品单独存放并检查标签，可能是仿冒品。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="99"/>
        <source>Code {code} was already shipped to {dealer} by station {station} on {at}.</source>
        <translation>码 {code} 已于 {at} 由工作站 {station} 出库给 {dealer}。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="103"/>
        <source>Find the goods: if they are still here, take the code out of the shipment.</source>
        <translation>请查找货物：如果货物仍在本仓，请将该码从出库单中移除。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="109"/>
        <source>Code {code} was never shipped, so it cannot be returned.</source>
        <translation>码 {code} 从未出库，无法办理退货。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="112"/>
        <source>Check the code and receive it as stock instead.</source>
        <translation>请核对该码，改为入库处理。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="115"/>
        <source>Code {code} was replaced or destroyed.</source>
        <translation>码 {code} 已被换码或作废。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="116"/>
        <source>Use the new label&apos;s code.</source>
        <translation>请使用新标签上的码。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="119"/>
        <source>The brand does not know dealer {dealer}.</source>
        <translation>品牌方没有经销商 {dealer} 的记录。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="120"/>
        <source>Sync to get the current dealer list, then ship again.</source>
        <translation>请先同步获取最新经销商列表，再重新出库。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="123"/>
        <source>Dealer {dealer} may not sell in region {region}.</source>
        <translation>经销商 {dealer} 未获授权在区域 {region} 销售。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="124"/>
        <source>Ask the sales office which region this order is for.</source>
        <translation>请向销售部门确认该订单的销售区域。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="127"/>
        <source>The brand does not know order {order}.</source>
        <translation>品牌方没有订单 {order} 的记录。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="128"/>
        <source>Ask the sales office to create the order, then sync.</source>
        <translation>请销售部门创建该订单后再同步。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="131"/>
        <source>Order {order} belongs to another dealer.</source>
        <translation>订单 {order} 属于其他经销商。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="132"/>
        <source>Ship against the right order.</source>
        <translation>请按正确的订单出库。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="135"/>
        <source>Order {order} is closed.</source>
        <translation>订单 {order} 已关闭。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="136"/>
        <source>Ask the sales office to reopen it or create a new order.</source>
        <translation>请销售部门重新打开该订单或新建订单。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="141"/>
        <source>Code {code} cannot go into {parent}: the levels do not fit.</source>
        <translation>码 {code} 不能装入 {parent}：包装层级不符。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="144"/>
        <source>Unpack and pack again into the right case or pallet.</source>
        <translation>请拆箱后重新装入正确的箱或托盘。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="147"/>
        <source>Code {code} is already packed in {other}.</source>
        <translation>码 {code} 已装在 {other} 中。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="148"/>
        <source>Unpack it from {other} first, or move it deliberately.</source>
        <translation>请先从 {other} 中拆出，或确认后移箱。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="151"/>
        <source>{parent} was already shipped; nothing can be packed into it.</source>
        <translation>{parent} 已出库，不能再往里装货。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="154"/>
        <source>Pack into another case or pallet.</source>
        <translation>请装入其他箱或托盘。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="157"/>
        <source>Code {code} is not packed in {parent}.</source>
        <translation>码 {code} 不在 {parent} 中。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="158"/>
        <source>Check which case or pallet it is in.</source>
        <translation>请核查它所在的箱或托盘。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="161"/>
        <source>The voucher&apos;s signature is not the brand&apos;s.</source>
        <translation>该奖券的签名不是品牌方的。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="162"/>
        <source>Do not hand out the prize; keep the customer&apos;s details.</source>
        <translation>请勿发放奖品，并登记顾客信息。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="165"/>
        <source>Voucher {voucher} expired on {expires}.</source>
        <translation>奖券 {voucher} 已于 {expires} 过期。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="166"/>
        <source>Tell the customer it has expired.</source>
        <translation>请告知顾客奖券已过期。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="169"/>
        <source>Voucher {voucher} was cancelled by the brand.</source>
        <translation>奖券 {voucher} 已被品牌方作废。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="170"/>
        <source>Do not hand out the prize; call the brand&apos;s hotline.</source>
        <translation>请勿发放奖品，请致电品牌方热线。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="173"/>
        <source>Voucher {voucher} is for another dealer.</source>
        <translation>奖券 {voucher} 只能在其他经销商处核销。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="174"/>
        <source>Send the customer to the dealer named on the voucher.</source>
        <translation>请引导顾客前往奖券上指定的经销商。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="177"/>
        <source>Voucher {voucher} was already redeemed at station {station} on {at}.</source>
        <translation>奖券 {voucher} 已于 {at} 在工作站 {station} 核销。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="180"/>
        <source>The other counter was first. Settle the prize you handed out with the brand.</source>
        <translation>另一柜台先核销了该奖券。已发出的奖品请与品牌方结算。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="186"/>
        <source>Voucher {voucher} was not redeemed at this counter.</source>
        <translation>奖券 {voucher} 不是在本柜台核销的。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="187"/>
        <source>Only the counter that redeemed it can undo it.</source>
        <translation>只有核销该奖券的柜台才能撤销。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="190"/>
        <source>The installer card&apos;s signature is not the brand&apos;s.</source>
        <translation>该安装师傅卡的签名不是品牌方的。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="191"/>
        <location filename="../../sync/protocol.py" line="199"/>
        <source>Do not pay a rebate on this card; call the brand.</source>
        <translation>请勿按此卡发放返利，请联系品牌方。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="194"/>
        <source>Installer card {card} expired on {expires}.</source>
        <translation>安装师傅卡 {card} 已于 {expires} 过期。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="195"/>
        <source>Ask the installer to renew the card.</source>
        <translation>请安装师傅办理续卡。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="198"/>
        <source>Installer card {card} was blocked by the brand.</source>
        <translation>安装师傅卡 {card} 已被品牌方停用。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="202"/>
        <source>Code {code} was already claimed on {at} (claim {claim}).</source>
        <translation>码 {code} 已于 {at} 登记过返利（登记单 {claim}）。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="205"/>
        <source>Each product earns a rebate once; take it off the claim.</source>
        <translation>每件商品只能返利一次，请从登记中移除。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="210"/>
        <source>Code {code} appears twice in the claim.</source>
        <translation>码 {code} 在本次登记中重复出现。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="211"/>
        <source>Register the claim again with each code once.</source>
        <translation>请重新登记，每个码只扫一次。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="214"/>
        <source>Code {code} was never shipped to a dealer.</source>
        <translation>码 {code} 从未出库给经销商。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="215"/>
        <source>Only products sold through a dealer earn a rebate.</source>
        <translation>只有经经销商售出的商品才能返利。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="218"/>
        <source>Code {code} was sold into this region by {dealer}; no case opened.</source>
        <translation>码 {code} 是由 {dealer} 在本区域正常销售的，不立案。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="221"/>
        <source>Download a fresh snapshot before the next inspection.</source>
        <translation>下次稽查前请下载最新数据包。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="224"/>
        <source>Claim number {claim} is already used by another claim.</source>
        <translation>申领单号 {claim} 已被另一笔申领使用。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="225"/>
        <source>Register the products again as a new claim (it gets a new number); the refused one earned nothing.</source>
        <translation>请把这些产品重新登记为一笔新申领（会分配新单号）；被拒的这笔没有计入返利。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="232"/>
        <source>Diversion case {case} is already open for another event.</source>
        <translation>窜货案件 {case} 已由另一条记录立案。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="235"/>
        <source>Call IT: two inspections were given the same case number.</source>
        <translation>请联系 IT：两次稽查用了同一个案件编号。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="240"/>
        <source>This event was recorded by another station.</source>
        <translation>该事件由其他工作站记录。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="241"/>
        <source>Call IT: the station&apos;s database may have been copied.</source>
        <translation>请联系 IT：本工作站的数据库可能被复制过。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="244"/>
        <source>This station may not do this.</source>
        <translation>本工作站无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="245"/>
        <source>Call IT to check the station&apos;s enrollment.</source>
        <translation>请联系 IT 检查本工作站的注册信息。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="248"/>
        <source>The server already holds a different event with this id.</source>
        <translation>服务器上已有同一编号的不同事件。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="251"/>
        <source>Call IT: the station&apos;s database may have been restored or copied.</source>
        <translation>请联系 IT：本工作站的数据库可能被恢复或复制过。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="256"/>
        <source>The server could not read this event: {error}.</source>
        <translation>服务器无法读取该事件：{error}。</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="67"/>
        <location filename="../../sync/protocol.py" line="257"/>
        <location filename="../../sync/protocol.py" line="261"/>
        <source>Call IT and give them the event number.</source>
        <translation>请联系 IT 并提供事件编号。</translation>
    </message>
    <message>
        <location filename="../../sync/protocol.py" line="260"/>
        <source>The server failed while handling this event.</source>
        <translation>服务器处理该事件时出错。</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="66"/>
        <source>The server refused this event ({reason}).</source>
        <translation>服务器拒绝了该事件（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="28"/>
        <source>Event {seq} in the station database is damaged and cannot be read, so it was set aside and not sent. The other events are sent as usual.</source>
        <translation>本机数据库中的第 {seq} 条记录已损坏、无法读取，已被单独隔离，没有上传。其他记录照常上传。</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="33"/>
        <source>Call IT with the event number. Do not delete the database: IT restores the event from the latest backup or records the work again.</source>
        <translation>请把记录编号告诉 IT。不要删除数据库：IT 会从最近的备份恢复这条记录，或重新登记这项工作。</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="40"/>
        <source>The station&apos;s history was changed outside Yima Scan at event {seq}, so nothing from there on is sent to the server.</source>
        <translation>本机的历史记录在第 {seq} 条处被一码扫以外的程序改动过，因此从这一条起都不再上传到服务器。</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="45"/>
        <source>Call IT now and do not delete or copy over the database: head office must check the changed events before sending resumes.</source>
        <translation>请立即联系 IT，不要删除或覆盖数据库：总部核查被改动的记录后才会恢复上传。</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="52"/>
        <source>The station database was rolled back: the server already holds events up to number {server_seq}, but this station only has events up to {seq}. Work recorded after that is missing here.</source>
        <translation>本机数据库被回退了：服务器已经有到第 {server_seq} 条的记录，而本机只有到第 {seq} 条。之后登记的工作在本机上已丢失。</translation>
    </message>
    <message>
        <location filename="../../sync/client/issues.py" line="58"/>
        <source>Stop scanning and call IT: restore the latest backup; do not record work again until IT says so.</source>
        <translation>请停止扫码并联系 IT：恢复最近的备份；在 IT 确认之前不要重新登记工作。</translation>
    </message>
</context>
</TS>
