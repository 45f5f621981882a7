"""The duplicate index and the group's counts."""

from app.group.members import DuplicateIndex, GroupCounts, Member


def test_index_survives_growth_and_hand_over() -> None:
    index = DuplicateIndex()
    for row in range(2, 20_002):
        assert index.check(Member("a.csv", row, f"P {row}", f"p{row}@x.org", "")) is None
    assert len(index) == 40_000
    again = DuplicateIndex()
    again.restore(index.state())
    found = again.check(Member("b.csv", 9, "someone", "P7@X.ORG", ""))
    assert found == "possible duplicate of a.csv row 7 (same email)"
    assert again.check(Member("answers.json", None, "p 8", "", "")) == \
        "possible duplicate of a.csv row 8 (same name)"
    assert again.check(Member("c.json", None, "", "new@x.org", "")) is None
    assert again.check(Member("d.json", None, "", "NEW@x.org", "")) == \
        "possible duplicate of c.json (same email)"
    index.forget()
    assert len(index) == 0


def test_group_colour_is_the_worst_and_invalid_is_never_green() -> None:
    counts = GroupCounts(green=3)
    assert counts.group_colour == "GREEN"
    counts.invalid = 1
    assert counts.group_colour == "AMBER"
    counts.red = 1
    assert counts.group_colour == "RED"
    assert GroupCounts().group_colour == "-"
    other = GroupCounts(amber=2, duplicates=1)
    counts.merge(other)
    assert (counts.amber, counts.duplicates, counts.total) == (2, 1, 7)
