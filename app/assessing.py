"""Assess an answers document: validate, run the rules, and compare with the saved colour."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.answers_file import AnswersDocument, read_answers_file
from app.i18n import _
from app.i18n.law_texts import colour_meaning
from app.vocabulary import light_words
from rules import Area, Assessment, Validation, assess_raw

_RANK = {"GREEN": 1, "AMBER": 2, "RED": 3}


@dataclass(frozen=True)
class Outcome:
    """The answers, their validation and (when valid) their assessment."""

    document: AnswersDocument
    validation: Validation
    assessment: Assessment | None
    source: Path | None = None

    @property
    def colour_changed(self) -> tuple[str, str] | None:
        """(old, new) when the file was saved with another colour under an older ruleset."""
        doc = self.document
        if self.assessment is None or doc.last_colour is None:
            return None
        new = str(self.assessment.colour)
        if doc.last_colour != new:
            return (doc.last_colour, new)
        return None

    @property
    def clean_answers(self) -> dict[str, object]:
        """The validated answers (skipped questions dropped), or the raw ones when invalid."""
        answers = self.validation.answers
        return answers.as_dict() if answers is not None else dict(self.document.answers)


def immigration_first(assessment: Assessment) -> bool:
    """True when the immigration section is worse than election law and goes first, on screen
    and on paper: an amber immigration caution is not buried under green election findings."""
    immigration = assessment.areas.get(Area.IMMIGRATION)
    return _RANK.get(str(immigration), 0) > _RANK.get(str(assessment.election_colour), 0)


def immigration_summary(assessment: Assessment) -> str:
    """The immigration light in words: never "no concern found" while a note fired or the
    status it depends on is unknown (amendment 1 section 12; R75 is then amber)."""
    return light_words(assessment.areas.get(Area.IMMIGRATION))


def headline(assessment: Assessment) -> str:
    """The result's one sentence, fitting the colour's cause: an AMBER that comes from
    immigration alone (election law GREEN) says so instead of the election-law meaning."""
    colour = str(assessment.colour)
    election = str(assessment.election_colour)
    immigration = str(assessment.areas.get(Area.IMMIGRATION))
    if colour == "AMBER" and election == "GREEN":
        return _("Amber: because of immigration, not election law. Election law found nothing "
                 "against what you plan (GREEN), but your visa or status may not allow it; "
                 "ask an immigration lawyer before going ahead.")
    if colour == "AMBER" and immigration == "AMBER":
        return colour_meaning("AMBER") + " " + _("Both election law and your visa or status "
                                                  "need checking.")
    if colour == "RED" and immigration == "AMBER":
        return colour_meaning("RED") + " " + _("Your visa or status also needs checking with "
                                                "an immigration lawyer.")
    if colour == "GREEN" and immigration == "NOTE":
        return colour_meaning("GREEN") + " " + _("Read the note on your visa or status below.")
    return colour_meaning(colour)


def answers_digest(answers: dict[str, object]) -> str:
    """SHA-256 of the canonical JSON of the answers, to match a printout to its file."""
    canonical = json.dumps(answers, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def assess_document(doc: AnswersDocument, as_of: date | None = None,
                    source: Path | None = None) -> Outcome:
    validation, assessment = assess_raw(doc.answers, as_of)
    return Outcome(doc, validation, assessment, source)


def assess_file(path: Path | str, as_of: date | None = None) -> Outcome:
    """Read and assess one answers file (AnswersFileError when it cannot be read)."""
    return assess_document(read_answers_file(path), as_of, Path(path))
