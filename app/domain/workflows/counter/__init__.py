"""The dealer counter: redeem vouchers, verify products, installer rebate claims, day close."""
