"""The code grammar: ``parse(raw) -> Code`` is the one door every scan goes through."""

from app.domain.codes.commands import COMMANDS, command_text
from app.domain.codes.grammar import CodeParser, parse, parser_from_settings
from app.domain.codes.messages import REASONS, reason_message
from app.domain.codes.model import Code, Level, Scheme
from app.domain.codes.normalize import DEFAULT_GS_SUBSTITUTES, MAX_LENGTH
from app.domain.codes.profiles import (
    Profile,
    default_profiles,
    profiles_from_settings,
    profiles_to_settings,
)

__all__ = [
    "COMMANDS",
    "DEFAULT_GS_SUBSTITUTES",
    "MAX_LENGTH",
    "REASONS",
    "Code",
    "CodeParser",
    "Level",
    "Profile",
    "Scheme",
    "command_text",
    "default_profiles",
    "parse",
    "parser_from_settings",
    "profiles_from_settings",
    "profiles_to_settings",
    "reason_message",
]
