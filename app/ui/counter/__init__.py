"""The dealer counter page: redeem, verify, installer rebates, day close."""
