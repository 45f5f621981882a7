"""The seed scenario of the issues, as answers: one definition shared by tests and tools.

A UK Labour member on ESTA, unpaid on annual leave, paying her own $800 flight, staying free
with a US volunteer host, canvassing.
"""

from typing import Any

SEED: dict[str, Any] = {
    "A1": "federal_candidate", "A2": "self", "B1": "no", "B2": "no", "B3": "no",
    "B4": "esta_vwp", "B5": "no", "B6": "foreign_party_member", "B8": "outside_us",
    "C1": ["none"], "C2": "bona_fide_accrued_leave", "D1": ["self"], "D3": 800,
    "D4": "self_or_friends", "E1": ["us_volunteer_host_free"], "E2": "self",
    "F": ["canvass_phone_text"], "G": ["none"],
    # Ruleset 2 (schema 2): a two-week trip made to campaign, a host she found herself.
    "B9": "main_purpose", "B10": 14, "B11": 10, "D5": "no_trip_is_for_campaign",
    "E3": "us_host_directly",
}
