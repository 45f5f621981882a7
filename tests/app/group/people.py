"""Generated groups for the organiser-mode tests and benchmarks."""

import csv
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from app.group.templates import TEMPLATE_HEADERS
from rules.branching import is_asked
from tests.scenarios import SEED as SCENARIO

# The seed scenario: UK Labour members on ESTA, unpaid, own $800 flight, free US host, canvassing.
SEED: dict[str, Any] = {k: v for k, v in SCENARIO.items() if k not in ("A2", "B5")}
# The same people with their flights paid by the foreign party (R31: RED).
PARTY_PAID: dict[str, Any] = {**{k: v for k, v in SEED.items() if k != "D3"},
                              "D1": ["foreign_party"]}
# A US citizen volunteering locally: GREEN.
US_LOCAL: dict[str, Any] = {
    "A1": "federal_candidate", "B1": "yes", "B5": "no", "B6": "none", "B8": "us",
    "C1": ["none"], "C2": "own_time_outside_work_hours", "D1": ["no_travel_needed"],
    "E1": ["not_applicable_local"], "F": ["canvass_phone_text"], "G": ["none"],
}


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def row_of(answers: dict[str, Any], name: str = "", email: str = "", reference: str = ""
           ) -> list[str]:
    person = {"name": name, "email": email, "reference": reference}
    return [person.get(h, "") or cell(answers.get(h)) for h in TEMPLATE_HEADERS]


def write_csv(path: Path, rows: list[list[str]], headers: tuple[str, ...] = TEMPLATE_HEADERS,
              encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


_PAYERS = ["self", "campaign", "foreign_party", "us_individual", "crowdfunding", "unknown"]
_ROLES = ["canvass_phone_text", "data_entry", "event_support", "lead_volunteer_team",
          "advise_senior_staff", "personal_media_social", "attend_strategy_meetings"]


AS_OF = date(2026, 11, 28)


def random_answers(rng: random.Random) -> dict[str, Any]:
    """Plausible, varied answers: mostly valid, each row different (amounts vary)."""
    us = rng.random() < 0.2
    answers: dict[str, Any] = {
        "A1": rng.choice(["federal_candidate", "federal_candidate", "us_party_committee",
                          "state_local_candidate"]),
        "B1": "yes" if us else "no", "B6": rng.choice(["none", "foreign_party_member"]),
        "B8": "us" if us else "outside_us",
        "C1": rng.choice([["none"], ["none"], ["campaign"], ["foreign_party"]]),
        "C2": rng.choice(["bona_fide_accrued_leave", "not_employed", "unpaid_leave"]),
        "E1": rng.choice([["us_volunteer_host_free"], ["self_paid"], ["campaign_paid"]]),
        "E2": rng.choice(["self", "us_host_incidental"]),
        "F": rng.sample(_ROLES, rng.randint(1, 3)),
        "G": rng.choice([["none"], ["own_equipment"], ["donate_money"]]),
    }
    if not us:
        answers.update(B2="no", B3="no", B4=rng.choice(["esta_vwp", "b1_b2", "f1"]))
    payers = sorted(set(rng.sample(_PAYERS, rng.randint(1, 2))))
    if "unknown" in payers:
        payers = ["unknown"]
    answers["D1"] = payers
    if "self" in payers:
        answers["D3"] = rng.randint(200, 2600)
        if is_asked("D3b", answers, AS_OF):
            answers["D3b"] = rng.choice(["yes", "no"])
    if "crowdfunding" in payers:
        answers["D2"] = rng.choice(["us_only_verified", "includes_foreign", "unknown"])
    answers["D4"] = rng.choice(["self_or_friends", "us_campaign_or_us_party"])
    for qid, choices in RULESET_2_CHOICES.items():
        if is_asked(qid, answers, AS_OF):
            answers[qid] = rng.choice(choices)
    return answers


# Ruleset 2's questions, answered where the branching asks them.
RULESET_2_CHOICES: dict[str, list[Any]] = {
    "B9": ["incidental_to_holiday_or_family_visit", "main_purpose"],
    "B10": [14, 21],
    "B11": [3, 7],
    "E3": ["self_or_own_contacts", "us_host_directly", "us_campaign_or_us_party"],
    "D5": ["no_trip_is_for_campaign", "yes_same_trip"],
}


def random_rows(count: int, seed: int = 7) -> Iterator[list[str]]:
    rng = random.Random(seed)
    for index in range(count):
        yield row_of(random_answers(rng), f"Volunteer {index}", f"v{index}@example.org",
                     f"REF-{index:06d}")


def write_random_csv(path: Path, count: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(TEMPLATE_HEADERS)
        writer.writerows(random_rows(count, seed))
    return path
