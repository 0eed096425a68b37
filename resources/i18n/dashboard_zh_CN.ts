<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="171"/>
        <source>Items received today</source>
        <translation>今日收货（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="172"/>
        <source>Items shipped today</source>
        <translation>今日发货（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="173"/>
        <source>Vouchers redeemed today</source>
        <translation>今日兑奖（张）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="174"/>
        <source>Installer rebate products today</source>
        <translation>今日返利产品（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="175"/>
        <source>Events waiting to sync</source>
        <translation>待同步记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="179"/>
        <source>Receipts and shipments (items)</source>
        <translation>收货与发货（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="180"/>
        <source>Stock on hand (items)</source>
        <translation>库存（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="181"/>
        <source>Redemptions and installer rebates</source>
        <translation>兑奖与安装师傅返利</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="185"/>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="239"/>
        <source>Figures of %1, read at %2. They follow the scans by themselves.</source>
        <translation>%1 的数据，读取于 %2。扫码后自动更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="247"/>
        <source>The figures could not be read just now; the ones shown may be old. They are read again after the next scan; if this keeps happening, tell IT.</source>
        <translation>暂时无法读取数据，显示的可能是旧数据。下次扫码后会再次读取；如果一直这样，请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="256"/>
        <source>%n receipt(s)</source>
        <translation>%n 张收货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="259"/>
        <source>%n shipment(s)</source>
        <translation>%n 张发货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="267"/>
        <source>%n claim(s), about %1</source>
        <translation>%n 笔申请，约 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="274"/>
        <source>all sent</source>
        <translation>已全部上传</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="274"/>
        <source>oldest from %1</source>
        <translation>最早一条：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="276"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="276"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="283"/>
        <source>Received</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="284"/>
        <source>Shipped</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="294"/>
        <source>Vouchers redeemed</source>
        <translation>兑奖</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="295"/>
        <source>Rebate products</source>
        <translation>返利产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="299"/>
        <source>Redemptions and installer rebates&lt;br&gt;this month %1 redeemed, rebates about %2</source>
        <translation>兑奖与安装师傅返利&lt;br&gt;本月兑奖 %1，返利约 %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="318"/>
        <source>Stock on hand (items): %1 in all</source>
        <translation>库存（件）：共 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="359"/>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
</context>
</TS>
