<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="151"/>
        <source>Syncing with the brand&apos;s server now.</source>
        <translation>正在与品牌方服务器同步。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="338"/>
        <location filename="../../app/domain/workflows/inspector/session.py" line="126"/>
        <source>Scan the product first, then file the case.</source>
        <translation>请先扫产品，再提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="343"/>
        <source>No case for this product: it is authorised here or the data is too old to judge.</source>
        <translation>该产品无需立案：它在本地区授权销售，或数据过旧无法判定。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="354"/>
        <source>A case was already filed for this check.</source>
        <translation>本次稽查已提交过案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="434"/>
        <source>CASE FILED ({case}). It goes to the brand at the next sync; its status shows under My cases.</source>
        <translation>案件已提交（{case}）。下次同步时发给品牌方，处理状态见“我的案件”。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="85"/>
        <source>Pick the store or region you are in first; then scan the products.</source>
        <translation>请先选择所在门店或地区，再扫产品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="97"/>
        <source>{code} names a product, not one item. Scan the item&apos;s own QR or DataMatrix code.</source>
        <translation>{code} 是商品条码，不是单品码。请扫单品自己的二维码或 DataMatrix 码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="139"/>
        <source>No case for the last product; its check stays on record. Scan the next one.</source>
        <translation>上一件产品不立案，稽查记录已保存。请扫下一件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="160"/>
        <source>Inspection does not use this command. CONFIRM files a case; CANCEL skips it.</source>
        <translation>稽查不使用这个指令。扫“确认”提交案件，扫“取消”跳过。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="53"/>
        <source>AUTHORISED HERE: shipped to {dealer} on {date}; {here} is in their sales regions.</source>
        <translation>本地授权：{date} 发往 {dealer}，{here} 在其授权销售区域内。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="57"/>
        <source>DIVERTED (窜货): shipped to {dealer} (may sell in {regions}) on {date}, order {order}; found in {here}. Take photos and file a case.</source>
        <translation>窜货：{date} 发往 {dealer}（授权区域：{regions}），订单 {order}；却出现在 {here}。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="80"/>
        <source>DIVERTED (窜货): shipped to a dealer of another region; found in {here}. Take photos and file a case.</source>
        <translation>窜货：已发往其他区域的经销商，却出现在 {here}。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="62"/>
        <source>NOT SHIPPED YET: the brand never shipped {code} to a dealer, yet it is on a shelf in {here}. Take photos and file a case.</source>
        <translation>尚未出库：品牌方从未把 {code} 发给任何经销商，它却出现在 {here} 的货架上。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="67"/>
        <source>UNKNOWN TO THE BRAND: {code} was never issued. Suspected counterfeit: take photos and file a case.</source>
        <translation>品牌方无此码：{code} 从未发出。疑似假冒：请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="72"/>
        <source>DATA TOO OLD TO JUDGE: the downloaded data is {hours} hours old (the brand allows {limit}). Download fresh data, then scan again.</source>
        <translation>数据过旧，无法判定：已下载的数据是 {hours} 小时前的（品牌方允许 {limit} 小时）。请下载最新数据后再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="86"/>
        <source>NO DATA: this station has not downloaded the shipment data yet. Download it on the Prepare tab before you inspect.</source>
        <translation>没有数据：本机还没有下载发货数据。请先在“出发准备”页下载，再开始稽查。</translation>
    </message>
    <message>
        <source>This scan could not be saved, so nothing was recorded. Scan it again; if this keeps happening, tell IT.</source>
        <translation type="vanished">这次扫码未能保存，未记录任何内容。请再扫一次；如果反复出现，请联系 IT。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="86"/>
        <source>waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="87"/>
        <source>received by the brand</source>
        <translation>品牌方已接收</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="88"/>
        <source>refused by the brand</source>
        <translation>品牌方不受理</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="89"/>
        <source>open</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="90"/>
        <source>investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="91"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="92"/>
        <source>dismissed</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="96"/>
        <location filename="../../app/ui/inspector/page.py" line="80"/>
        <location filename="../../app/ui/inspector/page.py" line="86"/>
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="97"/>
        <location filename="../../app/ui/inspector/page.py" line="80"/>
        <source>Shipped to</source>
        <translation>发往经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="98"/>
        <source>Dealer&apos;s regions</source>
        <translation>授权区域</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="99"/>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="100"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="101"/>
        <location filename="../../app/ui/inspector/page.py" line="85"/>
        <source>Found in</source>
        <translation>发现地点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="102"/>
        <source>Data age (hours)</source>
        <translation>数据时效（小时）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="38"/>
        <source>AUTHORISED HERE</source>
        <translation>本地授权</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="39"/>
        <source>DIVERTED</source>
        <translation>窜货</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="40"/>
        <source>NOT SHIPPED YET</source>
        <translation>尚未出库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="41"/>
        <source>UNKNOWN TO THE BRAND</source>
        <translation>品牌方无此码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="42"/>
        <source>DATA TOO OLD</source>
        <translation>数据过旧</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="47"/>
        <source>✔ CASE FILED</source>
        <translation>✔ 案件已提交</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="48"/>
        <source>⚠ WHERE ARE YOU?</source>
        <translation>⚠ 请先选择地点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="49"/>
        <source>NO DATA</source>
        <translation>没有数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="72"/>
        <source>Sending this station&apos;s work…</source>
        <translation>正在上传本机记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="73"/>
        <source>Fetching stores, dealers and regions…</source>
        <translation>正在获取门店、经销商和地区…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="74"/>
        <source>Downloading shipment data…</source>
        <translation>正在下载发货数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="75"/>
        <source>Loading shipment data…</source>
        <translation>正在导入发货数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="76"/>
        <source>Bringing the data up to date…</source>
        <translation>正在更新到最新…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="96"/>
        <source>No shipment data on this station yet.</source>
        <translation>本机还没有发货数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="101"/>
        <source>Data from {when} (less than an hour old).</source>
        <translation>数据更新于 {when}（不到 1 小时前）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="103"/>
        <source>Data from {when} ({hours} hours old).</source>
        <translation>数据更新于 {when}（{hours} 小时前）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="79"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="79"/>
        <location filename="../../app/ui/inspector/page.py" line="84"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="83"/>
        <source>Filed</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="83"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="84"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="85"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="86"/>
        <source>Case</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="672"/>
        <source>Inspection</source>
        <translation>稽查</translation>
    </message>
</context>
<context>
    <name>InspectorPage</name>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="147"/>
        <source>On site</source>
        <translation>现场稽查</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="148"/>
        <source>Prepare</source>
        <translation>出发准备</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="149"/>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="184"/>
        <source>Type the store or region</source>
        <translation>输入门店或地区名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="190"/>
        <source>Where am I:</source>
        <translation>当前位置：</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="210"/>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="211"/>
        <source>Add photo file…</source>
        <translation>添加照片文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="219"/>
        <source>Note: shelf, quantity, price, what the shop said…</source>
        <translation>备注：货架位置、数量、售价、店员说法…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="221"/>
        <source>File a case  Ctrl+Enter</source>
        <translation>提交案件  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="254"/>
        <source>Tick the regions of this trip, then download the shipment data while you still have a network. On site everything works offline. The data holds every code the brand issued, so goods from any other region are recognised too.</source>
        <translation>勾选本次稽查的地区，趁有网络时下载发货数据。到现场后全部离线可用。数据包含品牌方发出的所有码，来自其他地区的货也能识别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="266"/>
        <source>Download data</source>
        <translation>下载数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="293"/>
        <source>Get the latest status from the brand</source>
        <translation>从品牌方获取最新状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="330"/>
        <source>{rows} codes.</source>
        <translation>共 {rows} 个码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="388"/>
        <source>— choose the store or region —</source>
        <translation>— 请选择门店或地区 —</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="392"/>
        <source>{region} (whole region)</source>
        <translation>{region}（整个地区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="394"/>
        <source>{store} (store, {region})</source>
        <translation>{store}（门店 · {region}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="466"/>
        <source>Case {case} filed.</source>
        <translation>案件 {case} 已提交。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="478"/>
        <source>Pick the place, then scan a product</source>
        <translation>请先选择地点，再扫产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="481"/>
        <source>The verdict shows here: authorised here, DIVERTED, not shipped yet, unknown to the brand, or data too old.</source>
        <translation>结论会显示在这里：本地授权、窜货、尚未出库、品牌方无此码，或数据过旧。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="495"/>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="518"/>
        <source>Taking the photo…</source>
        <translation>正在拍照…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="525"/>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="527"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="566"/>
        <source>{count} photos attached to this check.</source>
        <translation>本次稽查已附 {count} 张照片。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="571"/>
        <source>No photo was taken: {error}. Check the camera, or add a photo file.</source>
        <translation>没有拍到照片：{error}。请检查摄像头，或添加照片文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="607"/>
        <source>Connecting to the brand&apos;s server…</source>
        <translation>正在连接品牌方服务器…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="634"/>
        <source>Done. The data is on this station; you can inspect offline.</source>
        <translation>完成。数据已在本机，可以离线稽查。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="639"/>
        <source>The download stopped ({error}). Press Download data again when the network is back: it continues where it stopped.</source>
        <translation>下载中断（{error}）。网络恢复后再按“下载数据”，会从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="644"/>
        <source>Updated from the brand.</source>
        <translation>已从品牌方更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="646"/>
        <source>Offline: showing what was known at the last sync.</source>
        <translation>离线：显示上次同步时的状态。</translation>
    </message>
</context>
</TS>
