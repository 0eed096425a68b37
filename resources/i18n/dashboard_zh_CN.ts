<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="190"/>
        <source>Items received today</source>
        <translation>今日收货（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="191"/>
        <source>Items shipped today</source>
        <translation>今日发货（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="192"/>
        <source>Vouchers redeemed today</source>
        <translation>今日兑奖（张）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="193"/>
        <source>Installer rebate products today</source>
        <translation>今日返利产品（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="194"/>
        <source>Events waiting to sync</source>
        <translation>待同步记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="198"/>
        <source>Receipts and shipments (items)</source>
        <translation>收货与发货（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="199"/>
        <source>Stock on hand (items)</source>
        <translation>库存（件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="200"/>
        <source>Redemptions and installer rebates</source>
        <translation>兑奖与小工返利</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="204"/>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="258"/>
        <source>Figures of %1, read at %2. They follow the scans by themselves.</source>
        <translation>%1 的数据，读取于 %2。扫码后自动更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="266"/>
        <source>The figures could not be read just now; the ones shown may be old. They are read again after the next scan; if this keeps happening, tell IT.</source>
        <translation>暂时无法读取数据，显示的可能是旧数据。下次扫码后会再次读取；如果一直这样，请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="275"/>
        <source>1 receipt</source>
        <translation>1 张收货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="275"/>
        <source>%n receipts</source>
        <translation>%n 张收货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="279"/>
        <source>1 shipment</source>
        <translation>1 张发货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="279"/>
        <source>%n shipments</source>
        <translation>%n 张发货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="288"/>
        <source>1 claim, about %1</source>
        <translation>1 笔申领，约 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="288"/>
        <source>%n claims, about %1</source>
        <translation>%n 笔申领，约 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="299"/>
        <source>all sent</source>
        <translation>已全部上传</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="299"/>
        <source>oldest from %1</source>
        <translation>最早一条：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="302"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="302"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="309"/>
        <source>Received</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="310"/>
        <source>Shipped</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="320"/>
        <source>Vouchers redeemed</source>
        <translation>兑奖</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="321"/>
        <source>Rebate products</source>
        <translation>返利产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="325"/>
        <source>Redemptions and installer rebates&lt;br&gt;this month %1 redeemed, rebates about %2</source>
        <translation>兑奖与小工返利&lt;br&gt;本月兑奖 %1，返利约 %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="344"/>
        <source>Stock on hand (items): %1 in all</source>
        <translation>库存（件）：共 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="385"/>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
</context>
</TS>
