"""R82: the US-corporation payer rules (R17, R22, R38, R48) take their colour from the committee."""

from rules.applicability import CORPORATE_PAYER_COLOUR
from rules.facts import Facts
from rules.rule import Colour


def corporate_payer_colour(f: Facts) -> Colour:
    """RED for candidates, parties and traditional PACs (30118); NOTE for a super PAC;
    AMBER for hybrid or unknown PACs, state races and ballot measures (amendment 1, R82)."""
    return Colour(CORPORATE_PAYER_COLOUR[f.column])


corporate_payer_colour.colours = (Colour.RED, Colour.AMBER, Colour.NOTE)  # type: ignore[attr-defined]  # read by possible_colours


def corporate_payer_changed_by_committee(f: Facts) -> bool:
    """R82 fires beside a US-corporation payer finding whose colour is not the federal RED."""
    return CORPORATE_PAYER_COLOUR[f.column] != "RED"


def corporate_payer_note_or_amber(f: Facts) -> Colour:
    return corporate_payer_colour(f)


corporate_payer_note_or_amber.colours = (Colour.AMBER, Colour.NOTE)  # type: ignore[attr-defined]  # read by possible_colours
