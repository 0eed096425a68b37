<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Codes</name>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="15"/>
        <source>Nothing was read. Aim the scanner at the code and scan again.</source>
        <translation>没有读到任何内容。请将扫码枪对准条码，再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="18"/>
        <source>This is far too long to be a product code: several scans may have run together. Scan one code at a time.</source>
        <translation>内容太长，不可能是产品码：可能是几次扫码连在了一起。请一次只扫一个码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="23"/>
        <source>The scanner sent invisible control characters. Scan again; if it keeps happening, ask IT to check the scanner settings.</source>
        <translation>扫码枪发送了不可见的控制字符。请再扫一次；如果反复出现，请联系 IT 检查扫码枪设置。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="28"/>
        <source>The scanner sent characters that could not be read. Ask IT to set the scanner to UTF-8 or GBK, then scan again.</source>
        <translation>扫码枪发送的字符无法识别。请联系 IT 将扫码枪编码设为 UTF-8 或 GBK，然后再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="33"/>
        <source>The code contains Chinese characters or symbols that barcodes do not carry: the input method may be on. Switch the keyboard to English (press Shift) and scan again.</source>
        <translation>码中含有条码不会包含的汉字或符号：可能开着中文输入法。请将键盘切换到英文（按 Shift 键）后再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="38"/>
        <source>This is not a code this station knows. Check that you scanned the right label; if it is a new kind of code, ask IT to add a code profile.</source>
        <translation>本工作站不认识这个码。请确认扫的是正确的标签；如果是新的码类型，请联系 IT 添加码规则。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="43"/>
        <source>This web address is not a product code this station knows. Check that you scanned the brand&apos;s code; if it is a new kind of code, ask IT to add a code profile.</source>
        <translation>这个网址不是本工作站认识的产品码。请确认扫的是品牌的码；如果是新的码类型，请联系 IT 添加码规则。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="48"/>
        <source>The check digit does not match: the label may be damaged or misread. Scan again or type the code.</source>
        <translation>校验位不符：标签可能损坏或误读。请再扫一次，或手工输入码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="53"/>
        <source>The date in the code is not a real date: the label may be damaged or misprinted. Scan again; if it fails again, set the item aside and report the label.</source>
        <translation>码中的日期不是有效日期：标签可能损坏或印错。请再扫一次；如果仍然失败，请将该货品放到一边并上报标签问题。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="58"/>
        <source>The code contains a field that GS1 does not define: the label may be misprinted or the scanner may drop separators. Scan again; if it keeps failing, ask IT.</source>
        <translation>码中含有 GS1 未定义的字段：标签可能印错，或扫码枪丢掉了分隔符。请再扫一次；如果仍然失败，请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="63"/>
        <source>The GS1 code is incomplete or badly formed: part may be missing or the scanner may drop separators. Scan again; if it keeps failing, ask IT to check the scanner.</source>
        <translation>GS1 码不完整或格式错误：可能缺了一部分，或扫码枪丢掉了分隔符。请再扫一次；如果仍然失败，请联系 IT 检查扫码枪。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="68"/>
        <source>A field in the GS1 code is too long or too short: the label may be misprinted or the scanner may drop separators. Scan again; if it keeps failing, ask IT to check the scanner.</source>
        <translation>GS1 码中有字段过长或过短：标签可能印错，或扫码枪丢掉了分隔符。请再扫一次；如果仍然失败，请联系 IT 检查扫码枪。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="73"/>
        <source>The code carries the same field twice with different values: two labels may have been read as one. Scan one label at a time; if it keeps failing, report the label.</source>
        <translation>码中同一字段出现两次且内容不同：可能把两个标签读成了一个。请一次只扫一个标签；如果仍然失败，请上报该标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="78"/>
        <source>This number looks like a GS1 pallet or product code but does not check out, so it was not taken as a brand code either. Scan again; if it keeps failing, ask IT to check the code profile.</source>
        <translation>这个数字看起来像 GS1 托盘码或产品码，但校验不通过，因此也没有当作品牌码。请再扫一次；如果仍然失败，请联系 IT 检查码规则。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="84"/>
        <source>This GS1 code has no product number (GTIN) or pallet number (SSCC). Scan the other code on the label.</source>
        <translation>这个 GS1 码中没有商品编号（GTIN）或物流单元编号（SSCC）。请扫描标签上的另一个码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="89"/>
        <source>This GS1 web address is badly formed. Scan again; if it keeps failing, set the item aside and report the label.</source>
        <translation>这个 GS1 网址格式错误。请再扫一次；如果仍然失败，请将该货品放到一边并上报标签问题。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="94"/>
        <source>The barcode&apos;s check digit does not match: it may be damaged or misread. Scan again or type the number.</source>
        <translation>条码校验位不符：条码可能损坏或误读。请再扫一次，或手工输入数字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="99"/>
        <source>This command barcode is not known to this version of Yima Scan. Use the command sheet printed from this station.</source>
        <translation>当前版本的一码扫不认识这个指令码。请使用本工作站打印的指令表。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="104"/>
        <source>This command barcode is incomplete. Use the command sheet printed from this station.</source>
        <translation>这个指令码不完整。请使用本工作站打印的指令表。</translation>
    </message>
    <message>
        <location filename="../../app/domain/codes/messages.py" line="108"/>
        <source>This code could not be checked because of a program error. Scan again; if it keeps happening, tell IT.</source>
        <translation>由于程序错误，无法检查这个码。请再扫一次；如果反复出现，请告知 IT。</translation>
    </message>
</context>
</TS>
