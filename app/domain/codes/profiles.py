"""Brand code profiles: which of the brand's own code formats this station accepts, and what each means.

A profile is a pattern with named groups (at least ``code``) and the packaging
level a match means. Brands change their code formats more often than stations
are updated, so profiles come from settings and, later, from the server, as
JSON-able dicts, validated here with errors IT can act on.

A pattern is either a regular expression with named groups (it contains
``(?P<``), matched against the whole text, or a template such as
``https://t.brand.cn/q/{code}``: literal text with ``{name}`` placeholders,
each matching ``groups[name]`` (default: 1-64 letters and digits). A template
that starts with ``http://`` or ``https://`` accepts either scheme, any case in
the host name (host names are case-insensitive) and a trailing query string or
fragment, because QR generators and WeChat add them.

Plain digits can be a brand code and a GS1 code at once: ``00`` + 18 digits is an SSCC,
``01`` + 14 digits + more is a GTIN with data. Which one a site means is its decision, and
the profile states it in ``gs1_lookalikes``:

- ``"gs1"`` (the default): a number that reads as GS1 is GS1 (noted ``ambiguous`` when this
  profile matches it too); one that looks like GS1 but fails GS1's checks (a wrong SSCC
  check digit) is refused as ``gs1.lookalike``, never quietly taken as a brand code;
- ``"brand"``: numbers this profile matches are the brand's, even when they read as GS1.

Scanners that send AIM identifiers never meet the question: ``]C1`` is GS1, ``]Q1`` is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.codes.model import Level

DEFAULT_GROUP = "[0-9A-Za-z]{1,64}"
PROFILE_LEVELS = (Level.ITEM, Level.CASE, Level.PALLET)
GS1_LOOKALIKES = ("gs1", "brand")  # who owns plain numbers that also read as GS1
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_URL_TEMPLATE = re.compile(r"(?i)(https?)://([^/{}?#]+)(.*)")
_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")


@dataclass(frozen=True)
class Profile:
    """One brand code format. Construction compiles the pattern, so matching is one regex call."""

    name: str
    pattern: str
    level: Level = Level.ITEM
    description: str = ""
    groups: tuple[tuple[str, str], ...] = ()  # placeholder name -> regex, for templates
    gs1_lookalikes: str = "gs1"  # see the module docstring
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)
    is_url: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not _NAME.fullmatch(self.name):
            raise ValueError(
                f"profile name {self.name!r} must be 1-64 letters, digits, '_', '.' or '-'"
            )
        where = f"profile {self.name!r}"
        if not isinstance(self.pattern, str) or not self.pattern.strip():
            raise ValueError(f"{where}: 'pattern' must be a non-empty string")
        if len(self.pattern) > 1000:
            raise ValueError(f"{where}: 'pattern' is longer than 1000 characters")
        try:
            level = Level(self.level.lower() if isinstance(self.level, str) else self.level)
        except ValueError:
            level = None
        if level not in PROFILE_LEVELS:
            choices = ", ".join(lv.value for lv in PROFILE_LEVELS)
            raise ValueError(f"{where}: 'level' must be one of {choices}, got {self.level!r}")
        object.__setattr__(self, "level", level)
        if self.gs1_lookalikes not in GS1_LOOKALIKES:
            choices = " or ".join(repr(c) for c in GS1_LOOKALIKES)
            raise ValueError(
                f"{where}: 'gs1_lookalikes' must be {choices}, got {self.gs1_lookalikes!r}"
            )
        source = self.pattern if "(?P<" in self.pattern else _template_regex(self)
        try:
            compiled = re.compile(source)
        except re.error as exc:
            raise ValueError(
                f"{where}: the pattern is not a valid regular expression: {exc}"
            ) from exc
        if "code" not in compiled.groupindex:
            raise ValueError(
                f"{where}: the pattern needs a group named 'code' ({{code}} or (?P<code>...))"
            )
        if compiled.fullmatch(""):
            raise ValueError(f"{where}: the pattern matches empty text")
        object.__setattr__(self, "regex", compiled)
        object.__setattr__(self, "is_url", "://" in self.pattern)

    def match(self, text: str) -> dict[str, str] | None:
        """The named groups when the whole text fits this profile (and ``code`` is non-empty)."""
        found = self.regex.fullmatch(text)
        if found is None or not found.group("code"):
            return None
        return {k: v for k, v in found.groupdict().items() if v is not None}

    def to_settings(self) -> dict[str, Any]:
        """The JSON-able form ``profiles_from_settings`` reads back."""
        data: dict[str, Any] = {
            "name": self.name,
            "pattern": self.pattern,
            "level": self.level.value,
        }
        if self.description:
            data["description"] = self.description
        if self.groups:
            data["groups"] = dict(self.groups)
        if self.gs1_lookalikes != "gs1":
            data["gs1_lookalikes"] = self.gs1_lookalikes
        return data


def _template_regex(profile: Profile) -> str:
    groups = dict(profile.groups)
    for name, sub in groups.items():
        try:
            re.compile(sub)
        except re.error as exc:
            raise ValueError(
                f"profile {profile.name!r}: group {name!r} is not a valid regular expression: {exc}"
            ) from exc
    template = profile.pattern
    prefix, suffix = "", ""
    url = _URL_TEMPLATE.fullmatch(template)
    if url:
        prefix = f"(?i:https?://{re.escape(url.group(2))})"
        template, suffix = url.group(3), r"(?:[?#].*)?"
    parts, seen, last = [prefix], set(), 0
    for placeholder in _PLACEHOLDER.finditer(template):
        name = placeholder.group(1)
        if name in seen:
            raise ValueError(f"profile {profile.name!r}: placeholder {{{name}}} appears twice")
        seen.add(name)
        parts.append(re.escape(template[last : placeholder.start()]))
        parts.append(f"(?P<{name}>{groups.get(name, DEFAULT_GROUP)})")
        last = placeholder.end()
    parts.append(re.escape(template[last:]))
    parts.append(suffix)
    return "".join(parts)


def default_profiles() -> list[Profile]:
    """The formats every station knows out of the box: the brand's QR web address and 20-digit codes."""
    return list(_DEFAULTS)


_DEFAULTS: tuple[Profile, ...] = (
    Profile(
        name="brand_url",
        pattern="https://t.brand.cn/q/{code}",
        level=Level.ITEM,
        description="Item code in the brand's QR web address",
        groups=(("code", "[0-9A-Za-z]{8,32}"),),
    ),
    Profile(
        name="brand_numeric",
        pattern=r"(?P<code>\d{20})",
        level=Level.ITEM,
        description="20-digit numeric item code",
    ),
)


def profiles_from_settings(entries: Iterable[Mapping[str, Any]]) -> list[Profile]:
    """Profiles from settings or the server; raises ValueError naming the entry and the problem.

    Unknown keys are ignored, so a newer server can add fields without breaking older stations.
    """
    if isinstance(entries, str | bytes) or not isinstance(entries, Iterable):
        raise ValueError("code profiles must be a list of objects")
    profiles: list[Profile] = []
    names: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        where = f"code profile #{index}"
        if not isinstance(entry, Mapping):
            raise ValueError(f"{where} must be an object with name, pattern and level")
        missing = [k for k in ("name", "pattern", "level") if k not in entry]
        if missing:
            raise ValueError(f"{where} is missing {', '.join(repr(k) for k in missing)}")
        description = entry.get("description", "")
        if not isinstance(description, str):
            raise ValueError(f"{where}: 'description' must be a string")
        groups = entry.get("groups", {})
        if not isinstance(groups, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in groups.items()
        ):
            raise ValueError(f"{where}: 'groups' must map placeholder names to regular expressions")
        try:
            profile = Profile(
                name=entry["name"],
                pattern=entry["pattern"],
                level=entry["level"],
                description=description,
                groups=tuple(groups.items()),
                gs1_lookalikes=entry.get("gs1_lookalikes", "gs1"),
            )
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{where}: {exc}") from exc
        if profile.name in names:
            raise ValueError(f"{where}: the name {profile.name!r} is used twice")
        names.add(profile.name)
        profiles.append(profile)
    return profiles


def profiles_to_settings(profiles: Iterable[Profile]) -> list[dict[str, Any]]:
    return [p.to_settings() for p in profiles]
