"""What a snapshot row may say instead of a dealer, shared by the server that writes it and the
station that judges by it.

A region's snapshot (an inspector's) names the dealer, date and order of codes shipped into that
region only; a code shipped into another region is written with the dealer ``ELSEWHERE``:
shipped, but not here. The inspector's verdict on it is "diverted", as with the full map, and
its message does not name a dealer the station was not told.
"""

ELSEWHERE = "~elsewhere"
