"""The console's words in Simplified Chinese (the default) and English.

The console is a server page, not a Qt window, so it has its own small catalogue: English in
the templates and code, Chinese here. ``language`` picks one per request: the ``lang`` cookie the
language switch sets, else Chinese unless the browser asks for English first.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    "Yima Scan head office": "一码扫 总部控制台",
    "Log in": "登录",
    "Log out": "退出登录",
    "User name": "用户名",
    "Password": "密码",
    "Dashboard": "数据看板",
    "Stations": "工作站",
    "Diversion cases": "窜货案件",
    "Audit log": "操作日志",
    "API": "接口文档",
    "The user name or password is wrong.": "用户名或密码错误。",
    "Too many failed attempts: this account is locked for 15 minutes. Ask an administrator if you need it sooner.": "失败次数过多：该账号已锁定 15 分钟。如需提前解锁，请联系管理员。",
    "Your session has ended. Log in again.": "会话已结束，请重新登录。",
    "This form has expired or did not come from this console. Reload the page and try again.": "表单已过期或并非来自本控制台。请刷新页面后重试。",
    "Your role may not do this. Ask an administrator.": "您的角色无权执行此操作，请联系管理员。",
    "Scans per day": "每日扫码",
    "Shipments per day": "每日出库",
    "Shipments by region": "各区域出库",
    "Shipments by dealer": "各经销商出库",
    "Diversion cases by status": "窜货案件（按状态）",
    "Diversion cases by region": "窜货案件（按区域）",
    "Redemptions per month": "每月核销",
    "Installer rebates per month (yuan)": "每月小工返利（元）",
    "Anomaly flags by rule": "异常标记（按规则）",
    "Stations online": "在线工作站",
    "No data yet.": "暂无数据。",
    "Station": "工作站",
    "Name": "名称",
    "Dealer": "经销商",
    "Region": "区域",
    "Site": "仓点",
    "Online": "在线",
    "Offline": "离线",
    "Revoked": "已停用",
    "Last sync": "最近同步",
    "Revoke": "停用",
    "Restore": "恢复",
    "Status": "状态",
    "Code": "码",
    "Opened": "立案时间",
    "Operator": "操作员",
    "Verdict": "判定",
    "Note": "备注",
    "Chain": "流向链",
    "Level": "层级",
    "Product": "产品",
    "Order": "订单",
    "Shipped": "出库时间",
    "Found at": "发现地点",
    "Found by": "发现人",
    "Move to": "改为",
    "Save": "保存",
    "Previous": "上一页",
    "Next": "下一页",
    "Filters": "筛选",
    "All": "全部",
    "When": "时间",
    "Who": "用户",
    "Action": "操作",
    "Target": "对象",
    "Result": "结果",
    "Case not found.": "未找到该案件。",
    "Saved.": "已保存。",
    "open": "待处理",
    "investigating": "调查中",
    "confirmed": "已确认",
    "penalised": "已处罚",
    "dismissed": "已驳回",
    "closed": "已结案",
    "item": "单品",
    "case": "箱",
    "pallet": "垛",
    "events": "事件",
    "shipments": "出库记录",
    "cases": "窜货案件",
    "redemptions": "核销记录",
    "claims": "返利申领",
    "anomalies": "异常标记",
    "Rows behind the figure": "图表明细",
    "ok": "成功",
    "refused": "被拒绝",
    "English": "English",
    "中文": "中文",
}

LANGUAGES = ("zh_CN", "en")


def language(cookie: str | None, accept_language: str | None) -> str:
    if cookie in LANGUAGES:
        return cookie
    first = (accept_language or "").split(",")[0].strip().lower()
    return "en" if first.startswith("en") else "zh_CN"


def translator(lang: str):  # type: ignore[no-untyped-def]
    """``_`` for the templates: Chinese from the catalogue, English as written."""
    if lang == "en":
        return lambda text: text
    return lambda text: ZH.get(text, text)
