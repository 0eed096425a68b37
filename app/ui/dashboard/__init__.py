"""The distributor's dashboard page (issue 15, item 11)."""
