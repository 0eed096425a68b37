<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../app/domain/workflows/warehouse/codes.py" line="62"/>
        <source>This is a prize voucher or an installer card, not goods: it is redeemed at the counter. Nothing was recorded here.</source>
        <translation>这是奖券或小工卡，不是货物：请到柜台核销。这里没有记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/codes.py" line="73"/>
        <source>This code cannot be read. Scan it again.</source>
        <translation>这个码读不出来，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/codes.py" line="81"/>
        <source>A command barcode was not expected here.</source>
        <translation>这里不需要命令条码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/codes.py" line="86"/>
        <source>This is the shop barcode of the product, not its unique code. Scan the QR code or the code with the serial number.</source>
        <translation>这是商品条码，不是唯一码。请扫二维码或带序列号的码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/codes.py" line="100"/>
        <source>The label {code} was replaced by {new}. Scan the new label; remove the old one if it is still on the package.</source>
        <translation>标签 {code} 已换成 {new}。请扫新标签；旧标签如果还贴着，请撕掉。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/codes.py" line="200"/>
        <source>{code} is not known to this station, so there is nothing to change. Check the label, or sync and try again.</source>
        <translation>本工作站没有 {code} 的记录，无法操作。请核对标签，或同步后再试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/codes.py" line="114"/>
        <source>{code} is not known to this station and strict mode is on, so it is refused. Set it aside and tell the supervisor, or sync and try again.</source>
        <translation>本工作站没有 {code} 的记录，且已开启严格模式，因此拒收。请放到一边并告知主管，或同步后再试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="67"/>
        <source>{code} was already shipped, so it cannot be packed or unpacked here. Set it aside and tell the supervisor.</source>
        <translation>{code} 已经出库，不能在这里装箱或拆箱。请放到一边并告知主管。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="77"/>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="124"/>
        <source>{code} is already scanned into open order {order}. Take it out of that order first (undo or cancel its line).</source>
        <translation>{code} 已扫入未完成的订单 {order}。请先从该订单中撤出（撤销或取消该行）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="102"/>
        <source>Scan the case or pallet label first, then what goes into it. {code} is a single item.</source>
        <translation>请先扫箱码或托盘码，再扫要装进去的货。{code} 是单品码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="112"/>
        <source>{code} was already shipped, so nothing can be packed into it. Take another label.</source>
        <translation>{code} 已经出库，不能再往里装货。请换一个标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="125"/>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="246"/>
        <source>{code} is already full ({count} of {capacity}). Scan the next empty label, or switch to Unpack to take things out.</source>
        <translation>{code} 已装满（{count}/{capacity}）。请扫下一个空标签，或切换到拆箱取出货物。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="148"/>
        <source>New label {code} is not known to this station yet; it will be checked at sync. Now scan what goes into it.</source>
        <translation>新标签 {code} 本站还没有记录，同步时会核实。现在请扫要装进去的货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="159"/>
        <source>Pallet {code}: {count} of {capacity} cases. Scan the cases.</source>
        <translation>托盘 {code}：已有 {count}/{capacity} 箱。请扫箱码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="167"/>
        <source>Case {code}: {count} of {capacity} items. Scan the items.</source>
        <translation>箱 {code}：已有 {count}/{capacity} 件。请扫单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="190"/>
        <source>This is the label of {parent}, which you are packing. Scan what goes into it, or FINISH.</source>
        <translation>这是正在装的 {parent} 的标签。请扫要装进去的货，或扫「完成」。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="199"/>
        <source>{code} is a case or pallet label: only single items go into case {parent}. Scan an item, or FINISH to close this case.</source>
        <translation>{code} 是箱码或托盘码：箱 {parent} 里只能装单品。请扫单品，或扫「完成」封箱。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="205"/>
        <source>{code} is not a case label: only cases go onto pallet {parent}. Scan a case, or FINISH to close this pallet.</source>
        <translation>{code} 不是箱码：托盘 {parent} 上只能放整箱。请扫箱码，或扫「完成」结束组垛。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="215"/>
        <source>{code} came back damaged or expired and must not be packed. Set it aside.</source>
        <translation>{code} 是破损或过期退回的货，不能装箱。请放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="224"/>
        <source>{code} is already in {parent}: counted once. Scan the next one.</source>
        <translation>{code} 已在 {parent} 里，只计一次。请扫下一个。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="233"/>
        <source>{code} is {product}, but {parent} holds {expected}. Do not mix products: set this one aside.</source>
        <translation>{code} 是「{product}」，但 {parent} 装的是「{expected}」。不能混装：请把它放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="261"/>
        <source>{code} is already in {other}. To move it into {parent}, scan it again (or scan CONFIRM). Otherwise scan the next one.</source>
        <translation>{code} 已在 {other} 里。要把它移到 {parent}，请再扫一次（或扫「确认」）；否则请扫下一个。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="326"/>
        <source>{parent} is full ({count} of {capacity}). Its label is printing: stick it on and scan it to check it.</source>
        <translation>{parent} 已装满（{count}/{capacity}）。标签正在打印：贴上后扫描它进行核对。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="332"/>
        <source>{parent} is full ({count} of {capacity}). Close it and scan the next label.</source>
        <translation>{parent} 已装满（{count}/{capacity}）。请封好，再扫下一个标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="341"/>
        <source>Moved {code} from {other} into {parent}: {count} of {capacity}.</source>
        <translation>已把 {code} 从 {other} 移到 {parent}：{count}/{capacity}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="352"/>
        <source>{code} is not known to this station; packed as unverified, to be checked at sync. {count} of {capacity}.</source>
        <translation>本站没有 {code} 的记录，已按「未核实」装入，同步时核实。{count}/{capacity}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="363"/>
        <source>{count} of {capacity} in {parent}.</source>
        <translation>{parent}：已装 {count}/{capacity}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="390"/>
        <source>Undone: {code} goes back into {other}. Put it back there. {parent}: {count} of {capacity}.</source>
        <translation>已撤销：{code} 回到 {other}，请把它放回去。{parent}：{count}/{capacity}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="401"/>
        <source>Undone: {code} is out of {parent} again. Take it out. {count} of {capacity}.</source>
        <translation>已撤销：{code} 已从 {parent} 中移出，请把它拿出来。{count}/{capacity}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="413"/>
        <source>{parent} closed with {count} of {capacity}. Its label is printing: stick it on and scan it to check it.</source>
        <translation>{parent} 已完成，装了 {count}/{capacity}。标签正在打印：贴上后扫一下核对。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="419"/>
        <source>{parent} closed with {count} of {capacity}. Scan the next label.</source>
        <translation>{parent} 已完成，装了 {count}/{capacity}。请扫下一个标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="474"/>
        <source>Label {parent} checked: it is the right one. Scan the next label.</source>
        <translation>标签 {parent} 已核对无误。请扫描下一个标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="481"/>
        <source>Scan the label just printed ({parent}); {code} is not it. No label came out? Press Ctrl+P or scan REPRINT to print it again.</source>
        <translation>请扫描刚打印的标签（{parent}）；{code} 不是它。没有出标签？按 Ctrl+P 或扫「重新打印标签」条码再打一张。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="499"/>
        <source>No case or pallet was closed here yet, so there is no label to print.</source>
        <translation>本工位还没有关闭过箱或托盘，没有可打印的标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="507"/>
        <source>Printing the label of {parent} again. Scan it when it comes out.</source>
        <translation>正在重新打印 {parent} 的标签。打出后请扫描它。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/pack.py" line="522"/>
        <source>The label of {parent} was not checked. Make sure the right label is on it before it leaves.</source>
        <translation>{parent} 的标签未核对。出库前请确认贴的是正确的标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/flow.py" line="19"/>
        <source>There is nothing waiting for a confirmation. Scan the next code.</source>
        <translation>当前没有需要确认的操作。请扫下一个码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="35"/>
        <source>There is no location {location} at this station. Choose another one.</source>
        <translation>本站没有库位 {location}。请选择其他库位。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="58"/>
        <source>There is no expected delivery {inbound}. Check the paper or sync.</source>
        <translation>没有到货单 {inbound}。请核对单据或同步。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="67"/>
        <source>Delivery {inbound} was already received.</source>
        <translation>到货单 {inbound} 已经入库。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="88"/>
        <source>Receiving delivery {inbound} into {location}: scan pallets, cases or items.</source>
        <translation>按到货单 {inbound} 入库到 {location}：请扫托盘、箱或单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="99"/>
        <source>Free receipt into {location}: scan pallets, cases or items.</source>
        <translation>无单入库到 {location}：请扫托盘、箱或单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="113"/>
        <source>{code} was shipped to {dealer}. If it came back from the dealer, take it in under Returns.</source>
        <translation>{code} 已发往 {dealer}。如果是经销商退回的，请在「退货」中收回。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="136"/>
        <source>{code} is already received in this receipt: counted once.</source>
        <translation>{code} 已在本次入库中扫过，只计一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="143"/>
        <source>{code} is already in stock here (received earlier), so it is not counted again. Set it aside if it should not be here.</source>
        <translation>{code} 已在库（之前入过库），不再重复计数。如果它不该在这里，请放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="155"/>
        <source>1 of the things packed in {code} is already in stock or shipped. Scan its cases or items one by one.</source>
        <translation>{code} 里有 1 件已在库或已出库。请逐箱或逐件扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="161"/>
        <source>{count} of the things packed in {code} are already in stock or shipped. Scan its cases or items one by one.</source>
        <translation>{code} 里有 {count} 件已在库或已出库。请逐箱或逐件扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="215"/>
        <source>{code} is not known to this station: received as unverified, to be checked at sync. {product}: {scanned} received in this job.</source>
        <translation>本站没有 {code} 的记录：已按「未核实」入库，同步时核实。「{product}」本单已收 {scanned} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="227"/>
        <source>{product} is not on this delivery: {items} received and shown as unexpected.</source>
        <translation>「{product}」不在本到货单上：已收 {items} 件，标为「单外」。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="238"/>
        <source>{product}: {scanned} received, {over} more than the {expected} expected.</source>
        <translation>「{product}」：已收 {scanned} 件，比应到的 {expected} 件多 {over} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="257"/>
        <source>{items} × {product} received ({scanned} so far).</source>
        <translation>已入库 {items} 件「{product}」（累计 {scanned}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="287"/>
        <source>Receipt closed {short} short: 1 item received; {over} over, {unexpected} not on the delivery. The missing items are expected as delivery {backorder}.</source>
        <translation>入库完成，短缺 {short} 件：共收 1 件；多出 {over}，单外 {unexpected}。缺少的货品转为到货单 {backorder}，以后再收。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="294"/>
        <source>Receipt closed {short} short: {items} items received; {over} over, {unexpected} not on the delivery. The missing items are expected as delivery {backorder}.</source>
        <translation>入库完成，短缺 {short} 件：共收 {items} 件；多出 {over}，单外 {unexpected}。缺少的货品转为到货单 {backorder}，以后再收。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="310"/>
        <source>Receipt closed: 1 item received; {short} short, {over} over, {unexpected} not on the delivery. Report the differences.</source>
        <translation>入库完成：共收 1 件；短少 {short}，多出 {over}，单外 {unexpected}。请上报差异。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="329"/>
        <source>Receipt closed: 1 item received.</source>
        <translation>入库完成：共收 1 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="369"/>
        <source>Delivery {backorder} is already being received, so this receipt cannot be opened again. Receive the rest there.</source>
        <translation>到货单 {backorder} 已在收货，这张收货单不能再打开。剩余货品请在那里收。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="385"/>
        <source>Receipt {job} is open again. Scan what is still to come, then FINISH.</source>
        <translation>收货单 {job} 已重新打开。请扫描还没到的货品，然后扫「完成」。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="396"/>
        <source>Undone: {code} ({items} items) is not received. Put it aside.</source>
        <translation>已撤销：{code}（{items} 件）未入库，请放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="397"/>
        <source>Undone: {code} (1 item) is not received. Put it aside.</source>
        <translation>已撤销：{code}（1 件）未入库，请放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="316"/>
        <source>Receipt closed: {items} items received; {short} short, {over} over, {unexpected} not on the delivery. Report the differences.</source>
        <translation>入库完成：共收 {items} 件；短少 {short}，多出 {over}，单外 {unexpected}。请上报差异。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/receive.py" line="331"/>
        <source>Receipt closed: {items} items received.</source>
        <translation>入库完成：共收 {items} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="38"/>
        <source>Relabelling finished: 1 label replaced.</source>
        <translation>换码完成：共换 1 张标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="53"/>
        <source>{code} is shipped or held for an order, so it cannot be relabelled here.</source>
        <translation>{code} 已出库或已被订单占用，不能在这里换码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="63"/>
        <source>Old label {code} ({product}). Now scan the NEW label.</source>
        <translation>旧标签 {code}（{product}）。现在请扫「新」标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="76"/>
        <source>That is the old label again. Scan the NEW label.</source>
        <translation>这还是旧标签。请扫「新」标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="84"/>
        <source>The new label {code} is already in use. Take a fresh label and scan it.</source>
        <translation>新标签 {code} 已被使用。请换一张没用过的标签再扫。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="93"/>
        <source>The new label {code} is for another packaging level than {old}. Take a label of the same kind (item, case or pallet).</source>
        <translation>新标签 {code} 与 {old} 的包装级别不同。请用同一种标签（单品、箱或托盘）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="104"/>
        <source>The new label {code} is for {product}, but {old} is {expected}. Take a label of the same product.</source>
        <translation>新标签 {code} 属于「{product}」，而 {old} 是「{expected}」。请用同一产品的标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="180"/>
        <source>{old} is now {code}, with its contents and history. The new label is not known to this station yet and will be checked at sync.</source>
        <translation>{old} 已换成 {code}，内装货物和历史记录都保留。新标签本站还没有记录，同步时核实。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="191"/>
        <source>{old} is now {code}, with its contents and history. Scan the next damaged label.</source>
        <translation>{old} 已换成 {code}，内装货物和历史记录都保留。请扫下一个损坏的标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="242"/>
        <source>Undone: {old} is valid again and {code} is unused. Peel off the new label.</source>
        <translation>已撤销：{old} 恢复有效，{code} 恢复未用。请撕下新标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/relabel.py" line="36"/>
        <source>Relabelling finished: {count} labels replaced.</source>
        <translation>换码完成：共换 {count} 张标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="44"/>
        <source>{reason} is not a return reason. Use unsold, damaged, expired or wrong_delivery.</source>
        <translation>{reason} 不是退货原因。请用 unsold（滞销）、damaged（破损）、expired（过期）或 wrong_delivery（错发）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="54"/>
        <source>Returns ({reason}): scan the returned pallets, cases or items.</source>
        <translation>退货（{reason}）：请扫退回的托盘、箱或单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="69"/>
        <source>{code} is already taken back in this return: counted once.</source>
        <translation>{code} 已在本次退货中收回，只计一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="77"/>
        <source>{code} was never shipped from here (or is already back), so it cannot be returned. Set it aside and tell the supervisor.</source>
        <translation>{code} 没有从这里发出过（或已经退回），不能退货。请放到一边并告知主管。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="87"/>
        <source>{code} was shipped to {other}, but this return is from {dealer}. Scan FINISH, then take it back in a return of its own.</source>
        <translation>{code} 发往的是 {other}，而本次是 {dealer} 的退货。请扫「完成」，再单独为它办理退货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="150"/>
        <source>{code} is not known to this station: taken back as unverified, to be checked at sync.</source>
        <translation>本站没有 {code} 的记录：已按「未核实」收回，同步时核实。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="161"/>
        <source>{items} × {product} taken back from {dealer}. Put it on the quarantine shelf.</source>
        <translation>已从 {dealer} 收回 {items} 件「{product}」。请放到隔离货架。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="171"/>
        <source>{items} × {product} taken back from {dealer} into stock.</source>
        <translation>已从 {dealer} 收回 {items} 件「{product}」，重新入库。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="197"/>
        <source>Return closed: 1 item taken back from {dealer}.</source>
        <translation>退货完成：已从 {dealer} 收回 1 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="211"/>
        <source>Undone: {code} ({items} items) is not taken back.</source>
        <translation>已撤销：{code}（{items} 件）未收回。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="212"/>
        <source>Undone: {code} (1 item) is not taken back.</source>
        <translation>已撤销：{code}（1 件）未收回。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/returns.py" line="199"/>
        <source>Return closed: {items} items taken back from {dealer}.</source>
        <translation>退货完成：已从 {dealer} 收回 {items} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="75"/>
        <source>There is no order {order} at this station. Check the paper or sync.</source>
        <translation>本站没有订单 {order}。请核对单据或同步。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="95"/>
        <source>Order {order} for {dealer} continued: scan pallets, cases or items.</source>
        <translation>继续出库订单 {order}（{dealer}）：请扫托盘、箱或单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="104"/>
        <source>Order {order} for {dealer} is already shipped or closed.</source>
        <translation>订单 {order}（{dealer}）已发完或已关闭。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="119"/>
        <source>Order {order} for {dealer} has nothing left to ship.</source>
        <translation>订单 {order}（{dealer}）已没有待发的货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="132"/>
        <source>Order {order} for {dealer}: scan pallets, cases or items.</source>
        <translation>出库订单 {order}（{dealer}）：请扫托盘、箱或单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="142"/>
        <source>Choose an order first: scan the barcode on its picking list, or pick it on the screen. Then scan the goods.</source>
        <translation>请先选择订单：扫拣货单上的条码，或在屏幕上选择。然后再扫货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="158"/>
        <source>{code} was already shipped to {dealer} (order {other}). It cannot ship twice: set it aside and tell the supervisor.</source>
        <translation>{code} 已发往 {dealer}（订单 {other}），不能重复出库。请放到一边并告知主管。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="171"/>
        <source>{code} is already scanned for this order: counted once.</source>
        <translation>{code} 已扫入本订单，只计一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="178"/>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="344"/>
        <source>{code} is held by open order {other}. Take it out of that order first, or take other goods.</source>
        <translation>{code} 已被未完成的订单 {other} 占用。请先从该订单撤出，或换其他货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="189"/>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="355"/>
        <source>{code} came back damaged or expired and must not be shipped. Set it aside.</source>
        <translation>{code} 是破损或过期退回的货，不能出库。请放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="251"/>
        <source>{code} was taken in here unverified; it is checked at sync. {product}: {scanned} of the {expected} on this order.</source>
        <translation>{code} 在本站以未核实状态入库，同步时核对。「{product}」本单已扫 {scanned}/{expected} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="276"/>
        <source>{code} is {product}, which is not on order {order}. Set it aside.</source>
        <translation>{code} 是「{product}」，订单 {order} 里没有这个产品。请放到一边。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="287"/>
        <source>{code} holds {items} × {product}, but only 1 more is needed. Scan a single item.</source>
        <translation>{code} 里有 {items} 件「{product}」，但只还差 1 件。请扫单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="293"/>
        <source>{code} holds {items} × {product}, but only {remaining} more are needed. Scan a smaller package or single items.</source>
        <translation>{code} 里有 {items} 件「{product}」，但只还差 {remaining} 件。请扫小一级包装或单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="570"/>
        <source>Undone: {code} (1 item) is off order {order}. Put it back in stock.</source>
        <translation>已撤销：{code}（1 件）已从订单 {order} 撤出，请放回库位。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="310"/>
        <source>{code} was opened: 1 of the things in it was already shipped. Scan what is still in it one by one.</source>
        <translation>{code} 已被拆开：其中 1 件已出库。请逐件扫里面剩下的货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="316"/>
        <source>{code} was opened: {count} of the things in it were already shipped. Scan what is still in it one by one.</source>
        <translation>{code} 已被拆开：其中 {count} 件已出库。请逐件扫里面剩下的货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="328"/>
        <source>1 of the things in {code} is already scanned for this order. Undo it, or keep scanning single items.</source>
        <translation>{code} 里有 1 件已扫入本订单。请先撤销它，或继续逐件扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="334"/>
        <source>{count} of the things in {code} are already scanned for this order. Undo those, or keep scanning single items.</source>
        <translation>{code} 里有 {count} 件已扫入本订单。请先撤销它们，或继续逐件扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="444"/>
        <source>Shipped 1 item to {dealer}: order {order} is complete.</source>
        <translation>已向 {dealer} 出库 1 件：订单 {order} 已发完。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="470"/>
        <source>{count} of the shipped goods changed since (returned or shipped elsewhere), so the shipment cannot be taken back. Take goods back under Returns.</source>
        <translation>已发出的货品中有 {count} 件之后有变动（已退回或发往别处），这次发货不能撤回。请在「退货」中收回货品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="498"/>
        <source>Shipment {job} is taken back: nothing of it is shipped, its goods stay held for order {order} (1 item open). Scan more, or FINISH again.</source>
        <translation>发货 {job} 已撤回：其中货品均未发出，仍为订单 {order} 保留（还差 1 件）。继续扫描，或再扫「完成」。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="504"/>
        <source>Shipment {job} is taken back: nothing of it is shipped, its goods stay held for order {order} ({remaining} items open). Scan more, or FINISH again.</source>
        <translation>发货 {job} 已撤回：其中货品均未发出，仍为订单 {order} 保留（还差 {remaining} 件）。继续扫描，或再扫「完成」。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="541"/>
        <source>Shipped 1 item to {dealer} (order {order}). 1 item stays open for a later shipment.</source>
        <translation>已向 {dealer} 出库 1 件（订单 {order}）。还有 1 件待以后发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="545"/>
        <source>Shipped 1 item to {dealer} (order {order}). {remaining} items stay open for a later shipment.</source>
        <translation>已向 {dealer} 出库 1 件（订单 {order}）。还有 {remaining} 件待以后发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="550"/>
        <source>Shipped {items} items to {dealer} (order {order}). 1 item stays open for a later shipment.</source>
        <translation>已向 {dealer} 出库 {items} 件（订单 {order}）。还有 1 件待以后发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="566"/>
        <source>Undone: {code} ({items} items) is off order {order}. Put it back in stock.</source>
        <translation>已撤销：{code}（{items} 件）已从订单 {order} 撤出，请放回库位。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="395"/>
        <source>Nothing was scanned, so nothing was shipped. Order {order} stays open.</source>
        <translation>没有扫任何货，未出库。订单 {order} 保持未完成。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="198"/>
        <source>{code} was never received or registered at this station, so it is not counted for order {order}. Set it aside and tell the supervisor, or sync and scan it again.</source>
        <translation>本工作站从未收货或登记过 {code}，不计入订单 {order}。请放到一边并告知主管，或同步后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="239"/>
        <source>Everything on order {order} is scanned. Scan FINISH to record the shipment; its delivery note is saved then.</source>
        <translation>订单 {order} 的货品已全部扫描。请扫「完成」登记发货，届时保存发货单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="555"/>
        <source>Shipped {items} items to {dealer} (order {order}). {remaining} items stay open for a later shipment.</source>
        <translation>已向 {dealer} 出库 {items} 件（订单 {order}）。还有 {remaining} 件待以后发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/ship.py" line="446"/>
        <source>Shipped {items} items to {dealer}: order {order} is complete.</source>
        <translation>已向 {dealer} 出库 {items} 件：订单 {order} 已发完。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="47"/>
        <source>Packing: scan a case or pallet label, then what goes into it.</source>
        <translation>装箱/组垛：先扫箱码或托盘码，再扫要装进去的货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="50"/>
        <source>Unpacking: scan something to take it out of its package, or a package to empty it.</source>
        <translation>拆箱：扫货物可把它从包装中取出；扫包装可把它清空。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="54"/>
        <source>Relabelling: scan the damaged label (or type its code), then the new label.</source>
        <translation>换码：先扫损坏的标签（或输入其编码），再扫新标签。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="57"/>
        <source>Receiving: choose a delivery or just scan pallets, cases or items.</source>
        <translation>入库：选择到货单，或直接扫托盘、箱或单品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="60"/>
        <source>Shipping: choose an order (scan its picking list or pick it on the screen), then scan the goods.</source>
        <translation>出库：先选择订单（扫拣货单或在屏幕上选择），再扫货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="64"/>
        <source>Stocktake: choose the location, then scan everything there.</source>
        <translation>盘点：选择库位，然后扫该库位的所有货物。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="67"/>
        <source>Returns: choose the reason, then scan the returned goods.</source>
        <translation>退货：选择退货原因，然后扫退回的货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="131"/>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="155"/>
        <source>Job {job} is already closed.</source>
        <translation>任务 {job} 已经结束。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="140"/>
        <source>Job {job} continued. Scan the next code.</source>
        <translation>继续任务 {job}。请扫下一个码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="163"/>
        <source>Line {product} cancelled: 1 item is off the order. Put it back in stock.</source>
        <translation>已取消「{product}」这一行：1 件已从订单撤出，请放回库位。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="168"/>
        <source>Line {product} cancelled: {items} items are off the order. Put them back in stock.</source>
        <translation>已取消「{product}」这一行：{items} 件已从订单撤出，请放回库位。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="197"/>
        <source>Scan the product barcode first, then type how many.</source>
        <translation>请先扫商品条码，再输入数量。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="206"/>
        <source>{n} is not a quantity that can be counted. Type it again.</source>
        <translation>{n} 不是可以计数的数量，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="289"/>
        <source>This command sheet names a task ({flow}) this station does not have. Print a new command sheet.</source>
        <translation>这张命令单上的任务（{flow}）本站没有。请重新打印命令条码单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="328"/>
        <source>Cancel job {job}? Everything scanned in it ({scans}) will be taken back. Scan CANCEL again (or CONFIRM) to cancel; any other scan goes on.</source>
        <translation>要取消任务 {job} 吗？已扫的 {scans} 次将全部撤回。再扫一次「取消」（或「确认」）即取消；扫其他码则继续。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="342"/>
        <source>MOVE works while packing: scan the case or pallet first, then MOVE, then what moves into it.</source>
        <translation>「移入」只在装箱时使用：先扫箱或托盘，再扫「移入」，然后扫要移进来的货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="353"/>
        <source>Scan what moves into {parent}: it is taken out of its old package.</source>
        <translation>请扫要移入 {parent} 的货：它会从原包装中移出。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="366"/>
        <source>This command is not used on the warehouse page. Warehouse commands: finish, undo, cancel, confirm, switch task, move.</source>
        <translation>仓库页面不使用这个命令。仓库命令有：完成、撤销、取消、确认、切换任务、移入。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="388"/>
        <source>1 item is still missing: {lines}. Scan FINISH again (or CONFIRM) to close it short; the rest stays open as a backorder. Any other scan goes on.</source>
        <translation>还缺 1 件：{lines}。再扫一次「完成」（或「确认」）按短缺结束；剩余部分作为欠货保留。扫其他码则继续作业。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="394"/>
        <source>{short} items are still missing: {lines}. Scan FINISH again (or CONFIRM) to close it short; the rest stays open as a backorder. Any other scan goes on.</source>
        <translation>还缺 {short} 件：{lines}。再扫一次「完成」（或「确认」）按短缺结束；剩余部分作为欠货保留。扫其他码则继续作业。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="423"/>
        <source>There is no scan to undo in the current job.</source>
        <translation>当前任务中没有可撤销的扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="444"/>
        <source>Job {job} cancelled: 1 scan taken back. Put those goods back.</source>
        <translation>任务 {job} 已取消：撤回 1 次扫描。请把这些货放回原处。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="448"/>
        <source>Job {job} cancelled: {count} scans taken back. Put those goods back.</source>
        <translation>任务 {job} 已取消：撤回 {count} 次扫描。请把这些货放回原处。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/station.py" line="495"/>
        <source>There is no open job. Scan a code to start one.</source>
        <translation>当前没有进行中的任务。扫一个码即可开始。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="43"/>
        <source>Stocktake of {location}: scan everything there.</source>
        <translation>盘点 {location}：请扫该处的所有货物。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="58"/>
        <source>{code} is already counted: counted once.</source>
        <translation>{code} 已盘过，只计一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="70"/>
        <source>1 of the things in {code} is already counted on its own. Keep counting them one by one, or undo that one first.</source>
        <translation>{code} 里有 1 件已单独盘过。请继续逐件盘点，或先撤销那一件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="76"/>
        <source>{count} of the things in {code} are already counted one by one. Keep counting them one by one, or undo those first.</source>
        <translation>{code} 里有 {count} 件已逐件盘过。请继续逐件盘点，或先撤销那些。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="126"/>
        <source>{code} is not known to this station: counted as unverified, to be checked at sync.</source>
        <translation>本站没有 {code} 的记录：已按「未核实」计入，同步时核实。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="137"/>
        <source>{code} is counted, but the station has it as shipped or held for an order. Set it aside and tell the supervisor.</source>
        <translation>{code} 已计入，但系统记录它已出库或被订单占用。请放到一边并告知主管。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="149"/>
        <source>{code} is counted, but it was never received here. Tell the supervisor.</source>
        <translation>{code} 已计入，但它从未在本站入库。请告知主管。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="160"/>
        <source>{code} is counted here; the station had it in {other}. Its place is corrected.</source>
        <translation>{code} 已在此处计入；系统原记录在 {other}，库位已更正。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="231"/>
        <source>Undone: {code} (1 item) is not counted.</source>
        <translation>已撤销：{code}（1 件）不计入盘点。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/quantities.py" line="52"/>
        <source>The product barcode {gtin} is not a product of this station. Check the carton, or sync and try again.</source>
        <translation>商品条码 {gtin} 不是本工作站的商品。请核对纸箱，或同步后再试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/quantities.py" line="63"/>
        <source>{product} has no serial: type or scan how many, then Enter.</source>
        <translation>「{product}」没有序列号：请输入或扫描数量，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/quantities.py" line="107"/>
        <source>Undone: 1 × {product} is not counted.</source>
        <translation>已撤销：1 件「{product}」不再计入。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/quantities.py" line="109"/>
        <source>Undone: {items} × {product} are not counted.</source>
        <translation>已撤销：{items} 件「{product}」不再计入。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/quantities.py" line="121"/>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="171"/>
        <source>{items} × {product} counted: {scanned} of {expected}.</source>
        <translation>已盘 {items} 件「{product}」：{scanned}/{expected}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="230"/>
        <source>Undone: {code} ({items} items) is not counted.</source>
        <translation>已撤销：{code}（{items} 件）不计入盘点。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="209"/>
        <source>Stocktake of {location} closed: {items} counted, {missing} missing, {extra} found that should not be here. Print the difference list for the supervisor.</source>
        <translation>{location} 盘点完成：共盘 {items} 件，缺 {missing} 件，另有 {extra} 件不应在此处。请打印差异清单交主管。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/stocktake.py" line="219"/>
        <source>Stocktake of {location} closed: {items} counted, no differences.</source>
        <translation>{location} 盘点完成：共盘 {items} 件，无差异。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/unpack.py" line="53"/>
        <source>{code} holds {count}. Scan its label again (or CONFIRM) to empty it, or scan single things to take them out.</source>
        <translation>{code} 里有 {count} 个。再扫一次该标签（或「确认」）即全部拆出；也可逐个扫描取出。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/unpack.py" line="65"/>
        <source>{code} is not packed in anything and holds nothing: nothing to unpack.</source>
        <translation>{code} 既不在任何包装里，里面也没有东西：无需拆箱。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/unpack.py" line="89"/>
        <source>{code} taken out of {parent}; {left} left in it.</source>
        <translation>{code} 已从 {parent} 取出；里面还剩 {left} 个。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/unpack.py" line="123"/>
        <source>{code} is empty: {count} taken out. Scan the next one.</source>
        <translation>{code} 已清空：取出 {count} 个。请扫下一个。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/unpack.py" line="144"/>
        <source>Undone: 1 back in {parent}. Put it back in the package.</source>
        <translation>已撤销：1 个回到 {parent}，请放回包装。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/unpack.py" line="148"/>
        <source>Undone: {count} back in {parent}. Put them back in the package.</source>
        <translation>已撤销：{count} 个回到 {parent}，请放回包装。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/unpack.py" line="30"/>
        <source>Unpacking finished: {count} taken out.</source>
        <translation>拆箱完成：共取出 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="79"/>
        <source>This issue is not about a shipment made at this station, so there is nothing to take back here. Mark it handled once the goods are checked.</source>
        <translation>这个问题不涉及本工作站的发货，这里没有可撤回的内容。核对货品后请标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="88"/>
        <source>Shipment {job} was already settled here. Mark the issue handled.</source>
        <translation>发货 {job} 已在本站处理过。请把这个问题标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="119"/>
        <source>{code} is not in this shipment. Mark the issue handled instead.</source>
        <translation>{code} 不在这次发货中。请改为标记已处理。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="60"/>
        <source>{code} is out of shipment {job}; the other {count} packages are sent again. Order {order} is open for {remaining} items: ship them from other stock.</source>
        <translation>{code} 已从发货 {job} 中取出；其余 {count} 个包装的发货记录已重新上传。订单 {order} 还差 {remaining} 件：请用其他库存发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="35"/>
        <source>{code} is out of shipment {job}; nothing else was in it. Order {order} is open for 1 item: ship it from other stock.</source>
        <translation>{code} 已从发货 {job} 中取出；这次发货没有其他货品。订单 {order} 还差 1 件：请用其他库存发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="40"/>
        <source>{code} is out of shipment {job}; nothing else was in it. Order {order} is open for {remaining} items: ship them from other stock.</source>
        <translation>{code} 已从发货 {job} 中取出；这次发货没有其他货品。订单 {order} 还差 {remaining} 件：请用其他库存发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="45"/>
        <source>{code} is out of shipment {job}; the other package is sent again. Order {order} is open for 1 item: ship it from other stock.</source>
        <translation>{code} 已从发货 {job} 中取出；另外 1 个包装的发货记录已重新上传。订单 {order} 还差 1 件：请用其他库存发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="50"/>
        <source>{code} is out of shipment {job}; the other package is sent again. Order {order} is open for {remaining} items: ship them from other stock.</source>
        <translation>{code} 已从发货 {job} 中取出；另外 1 个包装的发货记录已重新上传。订单 {order} 还差 {remaining} 件：请用其他库存发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="55"/>
        <source>{code} is out of shipment {job}; the other {count} packages are sent again. Order {order} is open for 1 item: ship it from other stock.</source>
        <translation>{code} 已从发货 {job} 中取出；其余 {count} 个包装的发货记录已重新上传。订单 {order} 还差 1 件：请用其他库存发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="187"/>
        <source>Shipment {job} is taken back: its goods are in stock again. Order {order} is open for 1 item: choose it and ship again.</source>
        <translation>发货 {job} 已撤回：货品已回到库存。订单 {order} 还差 1 件：请选择该订单重新发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/conflicts.py" line="193"/>
        <source>Shipment {job} is taken back: its goods are in stock again. Order {order} is open for {remaining} items: choose it and ship again.</source>
        <translation>发货 {job} 已撤回：货品已回到库存。订单 {order} 还差 {remaining} 件：请选择该订单重新发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="40"/>
        <source>{items} × {product} received: {scanned} of the {expected} on this delivery.</source>
        <translation>已入库 {items} 件「{product}」，该品本批到货已收 {scanned}/{expected} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="43"/>
        <source>{items} × {product} scanned: {scanned} of the {expected} on this order.</source>
        <translation>已扫入 {items} 件「{product}」，该品本单已扫 {scanned}/{expected} 件。</translation>
    </message>
</context>
<context>
    <name>LabelOutput</name>
    <message>
        <location filename="../../app/ui/warehouse/label_output.py" line="177"/>
        <source>This computer has no Chinese font: Chinese on labels may print blank. Install one (such as Microsoft YaHei), or enter the printer&apos;s Chinese font in Settings, Label printer.</source>
        <translation>本电脑没有中文字体，标签上的中文可能打印成空白。请安装中文字体（如微软雅黑），或在“设置”的“标签打印机”页填写打印机中的中文字体。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/label_output.py" line="198"/>
        <source>The label printer at {address} does not answer: check it is on and has paper. The job stays closed; press Ctrl+P to print again.</source>
        <translation>标签打印机 {address} 没有响应：请检查它已开机且有纸。作业仍为已关闭；按 Ctrl+P 重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/label_output.py" line="204"/>
        <source>No label printer address is set. Enter it in Settings, on the Label printer page, then press Ctrl+P to print again.</source>
        <translation>未设置标签打印机地址。请在“设置”的“标签打印机”页填写，然后按 Ctrl+P 重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/label_output.py" line="210"/>
        <source>This computer has no printer set up. Set one up (or choose the network label printer in Settings), then press Ctrl+P to print again.</source>
        <translation>这台电脑没有设置打印机。请先设置一台（或在“设置”中选择网络标签打印机），然后按 Ctrl+P 重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/label_output.py" line="215"/>
        <source>It could not be printed ({error}). Check the printer, then press Ctrl+P to print again.</source>
        <translation>无法打印（{error}）。请检查打印机，然后按 Ctrl+P 重新打印。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/domain/workflows/labels/content.py" line="24"/>
        <source>CASE</source>
        <translation>箱</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/labels/content.py" line="25"/>
        <source>PALLET</source>
        <translation>托盘</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/labels/content.py" line="28"/>
        <source>{count} items</source>
        <translation>{count} 件</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/labels/content.py" line="29"/>
        <source>{count} cases</source>
        <translation>{count} 箱</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/labels/content.py" line="31"/>
        <source>Product: {product}</source>
        <translation>产品：{product}</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/labels/content.py" line="32"/>
        <source>Batch: {batch}</source>
        <translation>批号：{batch}</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/labels/content.py" line="33"/>
        <source>Inside: {ranges}</source>
        <translation>内含：{ranges}</translation>
    </message>
</context>
<context>
    <name>Paperwork</name>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="185"/>
        <source>Entered</source>
        <translation>录入方式</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="207"/>
        <source>typed by hand</source>
        <translation>手工输入</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="209"/>
        <source>scanned</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="29"/>
        <source>Delivery note</source>
        <translation>送货单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="30"/>
        <source>Packing list</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="31"/>
        <source>Goods received note</source>
        <translation>入库单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="32"/>
        <source>Stocktake differences</source>
        <translation>盘点差异表</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="33"/>
        <source>Returns note</source>
        <translation>退货单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="34"/>
        <source>Unpacking record</source>
        <translation>拆箱记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="35"/>
        <source>Relabelling record</source>
        <translation>换码记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="38"/>
        <source>item</source>
        <translation>单品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="39"/>
        <source>case</source>
        <translation>箱</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="40"/>
        <source>pallet</source>
        <translation>托盘</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="43"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="44"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="45"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="49"/>
        <source>not received here</source>
        <translation>未在本仓收货</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="50"/>
        <source>in stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="51"/>
        <source>on an open shipment</source>
        <translation>已扫入未完成的出库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="52"/>
        <source>shipped</source>
        <translation>已出库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="53"/>
        <source>set aside (damaged or expired)</source>
        <translation>已隔离（破损或过期）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="54"/>
        <source>label replaced</source>
        <translation>标签已更换</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="63"/>
        <source>To ship</source>
        <translation>应发</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="64"/>
        <source>Shipped now</source>
        <translation>本次发货</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="65"/>
        <source>Still open</source>
        <translation>未发</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="70"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="71"/>
        <source>Packed</source>
        <translation>已装</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="72"/>
        <source>Space left</source>
        <translation>剩余空位</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="128"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="129"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="130"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="131"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="132"/>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="133"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="134"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="137"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="140"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="143"/>
        <source>Sales regions</source>
        <translation>销售区域</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="146"/>
        <source>Delivery</source>
        <translation>到货单</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="150"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="152"/>
        <source>Package</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="156"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="58"/>
        <location filename="../../app/domain/workflows/paperwork.py" line="182"/>
        <location filename="../../app/domain/workflows/paperwork.py" line="229"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="58"/>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="77"/>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="78"/>
        <source>Scanned</source>
        <translation>已扫</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="79"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="163"/>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="180"/>
        <location filename="../../app/domain/workflows/paperwork.py" line="227"/>
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="181"/>
        <location filename="../../app/domain/workflows/paperwork.py" line="228"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="183"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="184"/>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="187"/>
        <source>Codes scanned</source>
        <translation>扫描的码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="190"/>
        <source>Old code</source>
        <translation>旧码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="204"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="206"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="220"/>
        <source>Missing (expected here, not counted)</source>
        <translation>短缺（应在此处，未盘到）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="223"/>
        <source>Extra (counted here, not expected)</source>
        <translation>多出（盘到，但不应在此处）</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/paperwork.py" line="230"/>
        <source>Station status</source>
        <translation>系统状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="42"/>
        <source>Signature (warehouse)</source>
        <translation>仓库签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="43"/>
        <source>Signature (receiver)</source>
        <translation>收货人签字</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsPage</name>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="26"/>
        <source>No labels</source>
        <translation>不打印标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="27"/>
        <source>This computer&apos;s printer</source>
        <translation>本机打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="28"/>
        <source>Network label printer, ZPL (Zebra)</source>
        <translation>网络标签打印机，ZPL（斑马）</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="29"/>
        <source>Network label printer, TSPL (TSC, Gprinter, Xprinter)</source>
        <translation>网络标签打印机，TSPL（TSC、佳博、芯烨）</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="42"/>
        <source>The printer&apos;s own font</source>
        <translation>打印机自带字体</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="46"/>
        <source>Empty: the printer&apos;s own font (ZPL 0, TSPL 3). It has Latin letters only, so the station draws Chinese text and sends it as a picture, which every label printer prints. If a Chinese font is stored on the printer, enter its name (Zebra: E:SIMSUN.TTF; Chinese TSPL printers: TSS24.BF2): then all text goes as text, in that font.</source>
        <translation>留空：使用打印机自带字体（ZPL 为 0，TSPL 为 3）。该字体只有拉丁字母，因此本站会把中文绘制成图片发送，任何标签打印机都能打印。如果打印机中已存储中文字体，请填写其名称（斑马：E:SIMSUN.TTF；国产 TSPL 打印机：TSS24.BF2），所有文字将以该字体按文字发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="53"/>
        <source>Case labels</source>
        <translation>箱标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="54"/>
        <source>Pallet labels</source>
        <translation>托盘标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="59"/>
        <source>Print the delivery note on this computer&apos;s printer when a shipment finishes</source>
        <translation>发货完成时用本机打印机打印送货单</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="66"/>
        <source>A label that is scanned back is checked before the next package starts: a label roll out of step shows at once.</source>
        <translation>回扫的标签会在开始下一个包装前核对：标签卷错位会立即发现。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="71"/>
        <source>Labels print on</source>
        <translation>标签打印到</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="72"/>
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="73"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="74"/>
        <source>Label width</source>
        <translation>标签宽度</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="75"/>
        <source>Label height</source>
        <translation>标签高度</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="76"/>
        <source>Printer resolution</source>
        <translation>打印机分辨率</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="77"/>
        <source>Label font</source>
        <translation>标签字体</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printer_settings.py" line="79"/>
        <source>Scan back after printing</source>
        <translation>打印后回扫核对</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="74"/>
        <source>Refuse codes this station has never seen</source>
        <translation>拒收本工作站从未见过的码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="80"/>
        <source>Allow several products in one case or pallet</source>
        <translation>允许一箱或一托盘内混装多种商品</translation>
    </message>
</context>
<context>
    <name>Warehouse</name>
    <message>
        <location filename="../../app/domain/workflows/warehouse/names.py" line="15"/>
        <source>unknown product</source>
        <translation>未知产品</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="26"/>
        <source>Receive</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="27"/>
        <source>Ship</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="28"/>
        <source>Pack</source>
        <translation>装箱</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="29"/>
        <source>Unpack</source>
        <translation>拆箱</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="30"/>
        <source>Relabel</source>
        <translation>换码</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="31"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="32"/>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="36"/>
        <source>⇄ Switched: {task}</source>
        <translation>⇄ 已切换：{task}</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="61"/>
        <source>Unsold stock</source>
        <translation>滞销退货</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="62"/>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="63"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../app/domain/workflows/warehouse/model.py" line="64"/>
        <source>Wrong delivery</source>
        <translation>错发</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="147"/>
        <location filename="../../app/ui/warehouse/models.py" line="215"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="148"/>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="149"/>
        <location filename="../../app/ui/warehouse/models.py" line="263"/>
        <source>Scanned</source>
        <translation>已扫</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="150"/>
        <source>Still to scan</source>
        <translation>还差</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="191"/>
        <source>not expected</source>
        <translation>单外</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="194"/>
        <source>{n} over</source>
        <translation>多 {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="212"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="213"/>
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="214"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="216"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="300"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="301"/>
        <source>Scans</source>
        <translation>扫描数</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="302"/>
        <source>Cases packed</source>
        <translation>装箱数</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="303"/>
        <source>Shipments</source>
        <translation>发货次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="319"/>
        <source>item</source>
        <translation>单品</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="320"/>
        <source>case</source>
        <translation>箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="321"/>
        <source>pallet</source>
        <translation>托盘</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="260"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="261"/>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="262"/>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="264"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="265"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="328"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="330"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="332"/>
        <source>full</source>
        <translation>已装满</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/models.py" line="333"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="953"/>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="958"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
</context>
<context>
    <name>WarehousePage</name>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="358"/>
        <source>Paperwork</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="196"/>
        <source>Start receiving</source>
        <translation>开始入库</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="197"/>
        <source>Start shipping</source>
        <translation>开始出库</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="198"/>
        <source>Start stocktake</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="199"/>
        <source>Start returns</source>
        <translation>开始退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="203"/>
        <source>Delivery:</source>
        <translation>到货单：</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="205"/>
        <source>Into:</source>
        <translation>入库到：</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="210"/>
        <source>Order:</source>
        <translation>订单：</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="215"/>
        <source>Scan an empty case or pallet label, then what goes in. A full case closes itself.</source>
        <translation>先扫空箱码或托盘码，再扫要装进去的货。装满后自动完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="223"/>
        <source>Scan something to take it out of its package; scan a package twice to empty it.</source>
        <translation>扫货物即从包装中取出；同一包装扫两次即全部拆出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="231"/>
        <source>Scan the damaged label (or type its code), then stick on and scan the new label.</source>
        <translation>先扫损坏的标签（或输入其编码），再贴上并扫新标签。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="236"/>
        <source>Location:</source>
        <translation>库位：</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="238"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="272"/>
        <source>How many? Type the number, then Enter</source>
        <translation>数量？输入数字后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="320"/>
        <source>Scans in this job</source>
        <translation>本任务扫描记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="321"/>
        <source>Open jobs</source>
        <translation>未完成任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="322"/>
        <source>Finished jobs</source>
        <translation>已完成任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="329"/>
        <source>Today by operator</source>
        <translation>今日各操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="341"/>
        <source>Finish  Ctrl+Enter</source>
        <translation>完成  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="343"/>
        <source>Undo last  Ctrl+Z</source>
        <translation>撤销上一次  Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="345"/>
        <source>Cancel job  Ctrl+Del</source>
        <translation>取消任务  Ctrl+Del</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="348"/>
        <source>Confirm  Ctrl+Y</source>
        <translation>确认  Ctrl+Y</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="350"/>
        <source>Cancel line</source>
        <translation>取消此行</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="351"/>
        <source>Print PDF  Ctrl+P</source>
        <translation>打印单据  Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="352"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="353"/>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="354"/>
        <source>Command sheet</source>
        <translation>命令条码单</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="682"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="683"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="684"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="687"/>
        <source>Job {job} · {state} · 1 scan</source>
        <translation>任务 {job} · {state} · 已扫 1 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="689"/>
        <source>Job {job} · {state} · {scans} scans</source>
        <translation>任务 {job} · {state} · 已扫 {scans} 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="721"/>
        <source>order {order} → {dealer}</source>
        <translation>订单 {order} → {dealer}</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="723"/>
        <source>into {code} ({count} of {capacity})</source>
        <translation>装入 {code}（{count}/{capacity}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="727"/>
        <source>free receipt</source>
        <translation>无单入库</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="728"/>
        <source>{what} → {location}</source>
        <translation>{what} → {location}</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="738"/>
        <source>1 label replaced</source>
        <translation>已换 1 张标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="739"/>
        <source>{count} labels replaced</source>
        <translation>已换 {count} 张标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="740"/>
        <source>{count} taken out</source>
        <translation>已取出 {count} 个</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="744"/>
        <source>To move it here: scan the same code again, or scan CONFIRM.</source>
        <translation>要移到这里：再扫一次同一个码，或扫「确认」。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="745"/>
        <source>MOVE: scan what goes into this package.</source>
        <translation>移入：请扫要移进这个包装的货。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="747"/>
        <source>Cancel this job? Scan CANCEL again or CONFIRM. Any other scan goes on.</source>
        <translation>取消这个任务？再扫「取消」或「确认」。扫其他码则继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="749"/>
        <source>Now scan the NEW label.</source>
        <translation>现在请扫「新」标签。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="751"/>
        <source>Scan the package label again (or CONFIRM) to empty it, or scan single things.</source>
        <translation>再扫一次包装标签（或「确认」）即全部拆出，也可逐个扫描取出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="754"/>
        <source>Scan the new label to check it.</source>
        <translation>请扫描新标签进行核对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="798"/>
        <source>{order} · {dealer} · {remaining} to ship</source>
        <translation>{order} · {dealer} · 待发 {remaining}</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="807"/>
        <source>Free receipt (no delivery paper)</source>
        <translation>无单入库（没有到货单）</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="845"/>
        <source>Printed {what}</source>
        <translation>已打印 {what}</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="919"/>
        <source>The file could not be saved ({error}). Check that the disk has room and the paperwork folder can be written, then try again.</source>
        <translation>文件未能保存（{error}）。请检查磁盘空间以及单据文件夹是否可写，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="890"/>
        <source>Yima Scan warehouse commands: scan instead of touching the PC</source>
        <translation>一码扫 仓库命令条码：扫码即可操作，无需碰电脑</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="753"/>
        <source>Short: FINISH again closes it, the rest as a backorder.</source>
        <translation>短缺：再扫「完成」即结束，剩余留作欠货。</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/page.py" line="908"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>WarehousePrint</name>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="66"/>
        <source>Finish job</source>
        <translation>完成任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="69"/>
        <source>Undo last scan</source>
        <translation>撤销上一次扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="72"/>
        <source>Cancel job (scan twice)</source>
        <translation>取消任务（扫两次）</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="77"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="80"/>
        <source>Move into this package</source>
        <translation>移入此包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="83"/>
        <source>Print the label again</source>
        <translation>重新打印标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="90"/>
        <source>Receive</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="93"/>
        <source>Ship</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="96"/>
        <source>Pack</source>
        <translation>装箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="99"/>
        <source>Unpack</source>
        <translation>拆箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="102"/>
        <source>Relabel</source>
        <translation>换码</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="105"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="111"/>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="115"/>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="116"/>
        <source>Tasks</source>
        <translation>切换任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="120"/>
        <source>Returns with a reason</source>
        <translation>按原因退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="127"/>
        <source>Ship an order</source>
        <translation>按订单出库</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="137"/>
        <source>Receive a delivery</source>
        <translation>按到货单入库</translation>
    </message>
    <message>
        <location filename="../../app/ui/warehouse/printing.py" line="147"/>
        <source>Stocktake a location</source>
        <translation>盘点库位</translation>
    </message>
</context>
</TS>
