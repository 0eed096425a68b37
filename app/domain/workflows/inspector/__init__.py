"""The field inspector: snapshot verdicts on site, evidence and diversion cases."""
