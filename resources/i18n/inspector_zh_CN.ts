<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="152"/>
        <source>Syncing with the brand&apos;s server now.</source>
        <translation>正在与品牌方服务器同步。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="409"/>
        <location filename="../../app/domain/workflows/inspector/session.py" line="127"/>
        <source>Scan the product first, then file the case.</source>
        <translation>请先扫产品，再提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="414"/>
        <source>No case for this product: it is authorised here or the data is too old to judge.</source>
        <translation>该产品无需立案：它在本地区授权销售，或数据过旧无法判定。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="425"/>
        <source>A case was already filed for this check.</source>
        <translation>本次稽查已提交过案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="517"/>
        <source>CASE FILED ({case}). It goes to the brand at the next sync; its status shows under My cases.</source>
        <translation>案件已提交（{case}）。下次同步时发给品牌方，处理状态见“我的案件”。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="86"/>
        <source>Pick the store or region you are in first; then scan the products.</source>
        <translation>请先选择所在门店或地区，再扫产品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="98"/>
        <source>{code} names a product, not one item. Scan the item&apos;s own QR or DataMatrix code.</source>
        <translation>{code} 是商品条码，不是单品码。请扫单品自己的二维码或 DataMatrix 码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="140"/>
        <source>No case for the last product; its check stays on record. Scan the next one.</source>
        <translation>上一件产品不立案，稽查记录已保存。请扫下一件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/session.py" line="161"/>
        <source>Inspection does not use this command. CONFIRM files a case; CANCEL skips it.</source>
        <translation>稽查不使用这个指令。扫“确认”提交案件，扫“取消”跳过。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="73"/>
        <source>AUTHORISED HERE: {product}, shipped to {dealer} on {date}; {here} is in their sales regions.</source>
        <translation>本地授权：{product}，{date} 发往 {dealer}，{here} 在其授权销售区域内。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="78"/>
        <source>DIVERTED (窜货): {product}, shipped to {dealer} (may sell in {regions}) on {date}, order {order}; found in {here}. Take photos and file a case.</source>
        <translation>窜货：{product}，{date} 发往 {dealer}（授权区域：{regions}），订单 {order}；却出现在 {here}。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="83"/>
        <source>NOT SHIPPED YET: the brand never shipped {product} to a dealer, yet it is on a shelf in {here}. Take photos and file a case.</source>
        <translation>尚未出库：品牌方从未把 {product} 发给任何经销商，它却出现在 {here} 的货架上。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="88"/>
        <source>UNKNOWN TO THE BRAND: {product} was never issued. Suspected counterfeit: take photos and file a case.</source>
        <translation>品牌方无此码：{product} 从未发出。疑似假冒：请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="93"/>
        <source>DATA TOO OLD TO JUDGE: the downloaded data is {hours} hours old (the brand allows {limit}). Download fresh data, then scan again.</source>
        <translation>数据过旧，无法判定：已下载的数据是 {hours} 小时前的（品牌方允许 {limit} 小时）。请下载最新数据后再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="101"/>
        <source>DIVERTED (窜货): {product}, shipped to a dealer of another region; found in {here}. Take photos and file a case.</source>
        <translation>窜货：{product}，已发往其他区域的经销商，却出现在 {here}。请拍照取证并提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="107"/>
        <source>NO DATA: this station has not downloaded the shipment data yet. Download it on the Prepare tab before you inspect.</source>
        <translation>没有数据：本机还没有下载发货数据。请先在“出发准备”页下载，再开始稽查。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="436"/>
        <source>You are in {here}. Scan the products.</source>
        <translation>当前地点：{here}。请扫描商品。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="91"/>
        <source>waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="92"/>
        <source>received by the brand</source>
        <translation>品牌方已接收</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="93"/>
        <source>refused by the brand</source>
        <translation>品牌方不受理</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="94"/>
        <source>open</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="95"/>
        <source>investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="96"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="97"/>
        <source>dismissed</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="102"/>
        <location filename="../../app/ui/inspector/page.py" line="97"/>
        <location filename="../../app/ui/inspector/page.py" line="104"/>
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="103"/>
        <location filename="../../app/ui/inspector/page.py" line="96"/>
        <source>Shipped to</source>
        <translation>发往经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="104"/>
        <source>Dealer&apos;s regions</source>
        <translation>授权区域</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="105"/>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="106"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="107"/>
        <location filename="../../app/ui/inspector/page.py" line="103"/>
        <source>Found in</source>
        <translation>发现地点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="108"/>
        <source>Data age (hours)</source>
        <translation>数据时效（小时）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="313"/>
        <source>Not added: {count} photos is the most a case carries. File it with these.</source>
        <translation>未添加：一个案件最多带 {count} 张照片。请用这些照片提交案件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="316"/>
        <source>Not added: this check&apos;s case is filed. Scan the product again for a new check.</source>
        <translation>未添加：此检查的案件已提交。请重新扫描商品，开始新的检查。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="319"/>
        <source>Not added: the picture is {size} MB, a case&apos;s photo at most {limit} MB. Save it smaller or use the camera.</source>
        <translation>未添加：图片有 {size} MB，案件照片最大 {limit} MB。请存成较小的图片，或用摄像头拍照。</translation>
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
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="55"/>
        <source>Diverted</source>
        <translation>窜货</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="56"/>
        <source>Unshipped</source>
        <translation>未出库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="57"/>
        <source>Unknown</source>
        <translation>无此码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="58"/>
        <source>Too old</source>
        <translation>数据过旧</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="59"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="60"/>
        <source>No place</source>
        <translation>未选地点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/verdict.py" line="61"/>
        <source>Case filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="88"/>
        <source>Sending this station&apos;s work…</source>
        <translation>正在上传本机记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="89"/>
        <source>Fetching stores, dealers and regions…</source>
        <translation>正在获取门店、经销商和地区…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="90"/>
        <source>Downloading shipment data…</source>
        <translation>正在下载发货数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="91"/>
        <source>Loading shipment data…</source>
        <translation>正在导入发货数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="92"/>
        <source>Bringing the data up to date…</source>
        <translation>正在更新到最新…</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/inspector/checks.py" line="101"/>
        <location filename="../../app/ui/inspector/page.py" line="96"/>
        <location filename="../../app/ui/inspector/page.py" line="102"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="114"/>
        <source>No shipment data on this station yet.</source>
        <translation>本机还没有发货数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="119"/>
        <source>Data from {when} (less than an hour old).</source>
        <translation>数据更新于 {when}（不到 1 小时前）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="121"/>
        <source>Data from {when} ({hours} hours old).</source>
        <translation>数据更新于 {when}（{hours} 小时前）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="95"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="95"/>
        <location filename="../../app/ui/inspector/page.py" line="101"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="100"/>
        <source>Filed</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="102"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="103"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="100"/>
        <source>Case</source>
        <translation>案件号</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="746"/>
        <source>Inspection</source>
        <translation>稽查</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/evidence.py" line="37"/>
        <source>The camera&apos;s picture could not be saved as a photo.</source>
        <translation>摄像头的画面无法保存为照片。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/evidence.py" line="70"/>
        <source>The camera {camera} cannot be opened.</source>
        <translation>无法打开摄像头 {camera}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/evidence.py" line="80"/>
        <source>The camera {camera} gave no picture.</source>
        <translation>摄像头 {camera} 没有画面。</translation>
    </message>
</context>
<context>
    <name>InspectorPage</name>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="167"/>
        <source>On site</source>
        <translation>现场稽查</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="168"/>
        <source>Prepare</source>
        <translation>出发准备</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="169"/>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="231"/>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="232"/>
        <source>Add photo file…</source>
        <translation>添加照片文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="241"/>
        <source>Note: shelf, quantity, price, what the shop said…</source>
        <translation>备注：货架位置、数量、售价、店员说法…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="243"/>
        <source>File a case  Ctrl+Enter</source>
        <translation>提交案件  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="276"/>
        <source>Tick the regions of this trip, then download the shipment data while you still have a network. On site everything works offline. The data holds every code the brand issued, so goods from any other region are recognised too.</source>
        <translation>勾选本次稽查的地区，趁有网络时下载发货数据。到现场后全部离线可用。数据包含品牌方发出的所有码，来自其他地区的货也能识别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="288"/>
        <source>Download data</source>
        <translation>下载数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="315"/>
        <source>Get the latest status from the brand</source>
        <translation>从品牌方获取最新状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="366"/>
        <source>{rows} codes.</source>
        <translation>共 {rows} 个码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="636"/>
        <source>Check that the camera is connected and not used by another program, or add a photo file.</source>
        <translation>请检查摄像头已连接且没有被其他程序占用，或添加照片文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="515"/>
        <source>Case {case} filed.</source>
        <translation>案件 {case} 已提交。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="209"/>
        <source>Where am I (Ctrl+F):</source>
        <translation>当前位置（Ctrl+F）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="531"/>
        <source>Scan a product</source>
        <translation>请扫描商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="533"/>
        <source>Pick the place, then scan a product</source>
        <translation>请先选择地点，再扫产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="537"/>
        <source>The verdict shows here: authorised here, DIVERTED, not shipped yet, unknown to the brand, or data too old.</source>
        <translation>结论会显示在这里：本地授权、窜货、尚未出库、品牌方无此码，或数据过旧。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="548"/>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="552"/>
        <source>No data yet: download it on the Prepare tab first.</source>
        <translation>没有数据：请先在“出发准备”页下载。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="573"/>
        <source>Taking the photo…</source>
        <translation>正在拍照…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="580"/>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="582"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="625"/>
        <source>{count} photos attached to this check.</source>
        <translation>本次稽查已附 {count} 张照片。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="640"/>
        <source>The photo could not be read or saved ({error}).</source>
        <translation>照片无法读取或保存（{error}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="643"/>
        <source>Try another file, or take the photo with the camera.</source>
        <translation>请换一个文件，或用摄像头拍照。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="645"/>
        <source>Try again, or add a photo file.</source>
        <translation>请再试一次，或添加照片文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="647"/>
        <source>No photo was taken.</source>
        <translation>没有拍到照片。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="681"/>
        <source>Connecting to the brand&apos;s server…</source>
        <translation>正在连接品牌方服务器…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="708"/>
        <source>Done. The data is on this station; you can inspect offline.</source>
        <translation>完成。数据已在本机，可以离线稽查。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="713"/>
        <source>The download stopped ({error}). Press Download data again when the network is back: it continues where it stopped.</source>
        <translation>下载中断（{error}）。网络恢复后再按“下载数据”，会从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="718"/>
        <source>Updated from the brand.</source>
        <translation>已从品牌方更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/page.py" line="720"/>
        <source>Offline: showing what was known at the last sync.</source>
        <translation>离线：显示上次同步时的状态。</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <location filename="../../app/ui/inspector/place_picker.py" line="50"/>
        <source>Type the store or region, ↓ for the list</source>
        <translation>输入门店或地区，按 ↓ 显示列表</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/place_picker.py" line="67"/>
        <source>Near me</source>
        <translation>附近优先</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/place_picker.py" line="70"/>
        <source>Put the places nearest this station&apos;s region first</source>
        <translation>把离本机所在地区最近的地点排在前面</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/place_picker.py" line="108"/>
        <source>{region} (whole region)</source>
        <translation>{region}（整个地区）</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/place_picker.py" line="109"/>
        <source>{store} (store, {region})</source>
        <translation>{store}（门店 · {region}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/place_picker.py" line="159"/>
        <location filename="../../app/ui/inspector/place_picker.py" line="203"/>
        <source>No store or region matches “{text}”.</source>
        <translation>没有与“{text}”匹配的门店或地区。</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspector/place_picker.py" line="222"/>
        <source>This station does not know where it is. Head office sets the station&apos;s region on the console&apos;s Stations page; it arrives with the next sync.</source>
        <translation>本机还不知道自己在哪个地区。请总部在管理后台的“站点”页面设置本机的地区，下次同步后生效。</translation>
    </message>
</context>
</TS>
