"""The code grammar: ``parse(raw) -> Code`` is the one door every scan goes through."""
