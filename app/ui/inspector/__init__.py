"""The field inspector page: data download, verdicts on site, evidence and cases."""
