"""Code health of the rule data: the catalogue and the questions match the brief, every finding
that can be red or amber is actionable and cited, and every remedy offered actually works."""

import re
from datetime import date

import pytest

from app.assessment_text import assessment_lines
from app.rules_catalogue import citation_line, rules_as_markdown, rules_as_text
from rules import RULE_BY_ID, RULES, Answers, assess, citations, validate_answers
from rules.citations import Citation, Verification
from rules.codes import A1Code, codes_of
from rules.engine import wording_context
from rules.facts import derive_facts
from rules.questions import QUESTION_BY_ID, QUESTIONS, Kind, Question
from rules.result import CitationOut
from rules.rule import AppliesTo, Area, Colour, Rule, Severity
from tests.rules import brief
from tests.rules.caselib import Case, iter_valid_cases, load_cases, run_case

CASES = load_cases()
# R90 is a data rule of citations (no colour, no finding): tests/rules/test_citations.py.
DATA_RULES = {"R90"}
BRIEF_RULES = {k: r for k, r in brief.ruleset_rules().items() if k not in DATA_RULES}
ACTIONABLE = [r for r in RULES if r.possible_colours() & {Colour.RED, Colour.AMBER}]
# Colours amendment 1 gives in prose rather than in a heading: R82 modifies the US-corporation
# payer rules by committee; R85 is a combine rule, shown as a note when it caps a finding; R89
# is a note or amber (section 7); R75 becomes amber (low) (section 12).
AMENDED_COLOURS: dict[str, tuple[frozenset[str], str | None]] = {
    "R17": (frozenset({"RED", "AMBER", "NOTE"}), "medium"),
    "R22": (frozenset({"RED", "AMBER", "NOTE"}), "medium"),
    "R38": (frozenset({"RED", "AMBER", "NOTE"}), "medium"),
    "R48": (frozenset({"RED", "AMBER", "NOTE"}), "medium"),
    "R82": (frozenset({"AMBER", "NOTE"}), "medium"),
    "R85": (frozenset({"NOTE"}), None),
    "R89": (frozenset({"AMBER", "NOTE"}), "medium"),
    "R75": (frozenset({"AMBER"}), "low"),
}
# Findings whose remedy cannot be one change of answers, each with the reason.
NO_SUBSTITUTION = {
    "R09": "state law governs a ballot measure; the tool cannot assess it, only counsel can",
    "R75": "finding out one's immigration status is not a change of plan",
    "R77": "state law governs; the tool cannot assess it, only counsel can",
    "R82": "its remedies are those of R17, R22, R38 and R48, which fire beside it",
}
AS_OF = date(2026, 11, 28)



def all_citations() -> list[tuple[Rule, Citation]]:
    return [(rule, citation) for rule in RULES for citation in rule.citations]


# The catalogue against the brief's headings ----------------------------------------------


def test_the_catalogue_is_r01_to_r89_then_the_decided_rules_in_order() -> None:
    assert [r.id for r in RULES] == [f"R{n:02d}" for n in range(1, 90)] + ["R91", "R92"]
    assert len(RULE_BY_ID) == 91


def test_the_brief_amendment_and_decisions_have_the_same_91_rules() -> None:
    assert sorted(BRIEF_RULES) == [r.id for r in RULES]
    assert {r.id for r in brief.amendment_rules()} >= {f"R{n}" for n in range(77, 91)}
    assert [r.id for r in brief.decided_rules()] == ["R91", "R92"]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_matches_its_brief_heading(rule: Rule) -> None:
    heading = BRIEF_RULES[rule.id]
    assert rule.name == heading.name, f"{rule.id}: brief says {heading.heading!r}"
    colours, severity = AMENDED_COLOURS.get(rule.id, (heading.colours, heading.severity))
    assert {str(c) for c in rule.base_colours()} == colours, heading.heading
    if Colour.AMBER in rule.base_colours():
        assert rule.severity == (Severity(severity) if severity else None), heading.heading
    elif Colour.AMBER not in rule.possible_colours():
        assert rule.severity is None, f"{rule.id} has a severity but is never amber"
    if heading.applies is not None:
        assert str(rule.applies_to) == heading.applies, heading.heading


def test_payer_rules_apply_regardless_of_nationality() -> None:
    """(c)5 and (c)7: payer/source rules, and R58, R66, R67, R71, apply to everyone."""
    payer = brief.rule_list("Payer rules (", ")")
    everyone = brief.rule_list("Payer/source rules and ", "apply to everyone")
    assert len(payer) == 27 and everyone == ["R58", "R66", "R67", "R71"]
    wrong = [r for r in payer + everyone if RULE_BY_ID[r].applies_to is not AppliesTo.ALL]
    assert not wrong


def test_us_person_exceptions_of_c7() -> None:
    not_for_usp = brief.rule_list("For USP: ", "are not evaluated")
    notes_for_usp = brief.rule_list("are not evaluated; ", "are evaluated as NOTEs")
    assert notes_for_usp == ["R62", "R64", "R65", "R68"]
    assert [r for r in not_for_usp if RULE_BY_ID[r].applies_to is not AppliesTo.FN] == []
    usp = derive_facts(_valid({"B1": "yes", "B4": None}), AS_OF)
    fn = derive_facts(_valid({}), AS_OF)
    for rule_id in notes_for_usp:
        rule = RULE_BY_ID[rule_id]
        assert rule.colour_for(usp) is Colour.NOTE and rule.colour_for(fn) is Colour.RED
    assert RULE_BY_ID["R29"].applies_to is AppliesTo.USP


def test_unknown_answers_produce_amber_find_out_findings() -> None:
    """(c)6: R05, R20, R26, R30, R34, R39, R49 are the amber 'find out' findings."""
    find_out = brief.rule_list('"find out" finding (', ")")
    assert find_out == ["R05", "R20", "R26", "R30", "R34", "R39", "R49"]
    assert all(RULE_BY_ID[r].possible_colours() == {Colour.AMBER} for r in find_out)


def test_every_i_dont_know_answer_has_an_amber_find_out_finding() -> None:
    """Decision 72: B6 and G's "I don't know" are amber findings (R91, R92) saying what to find
    out, never green, and their question is a fact still to find out."""
    for extra, rule_id in (({"B6": "unknown"}, "R91"), ({"G": ["unknown"]}, "R92"),
                           ({"B1": "yes", "B4": None, "G": ["unknown"]}, "R92")):
        result = assess(_valid(extra), AS_OF)
        fired = {f.rule: f for f in result.findings}
        assert fired[rule_id].colour is Colour.AMBER
        assert fired[rule_id].text.startswith("Find out")
        assert fired[rule_id].remedy
        assert result.colour is not Colour.GREEN
        assert [m.question for m in result.missing] == list(extra)[-1:]


def test_g_i_dont_know_cannot_be_combined() -> None:
    answers = {"A1": "federal_candidate", "B1": "yes", "B5": "no", "B6": "none", "B8": "us",
               "C1": ["none"], "C2": "not_employed", "D1": ["no_travel_needed"],
               "E1": ["not_applicable_local"], "F": ["canvass_phone_text"],
               "G": ["unknown", "own_equipment"]}
    issues = validate_answers(answers, AS_OF).issues
    assert [(i.code, i.question, i.values[0]) for i in issues] == [("V02", "G", "unknown")]


def test_immigration_rules_are_never_red() -> None:
    immigration = [r for r in RULES if r.area is Area.IMMIGRATION]
    assert [r.id for r in immigration] == ["R72", "R73", "R74", "R75", "R87"]
    assert all(Colour.RED not in r.possible_colours() for r in immigration)


# Every red or amber finding is actionable and cited --------------------------------------


@pytest.mark.parametrize("rule", ACTIONABLE, ids=[r.id for r in ACTIONABLE])
def test_red_and_amber_rules_have_remedy_severity_authority_and_substitution(rule: Rule) -> None:
    assert rule.remedy.strip(), f"{rule.id} has no remedy"
    if Colour.AMBER in rule.base_colours():  # (R85's capped RED is always high)
        assert rule.severity is not None, f"{rule.id} is amber without a severity"
    assert any(c.is_authority for c in rule.citations), f"{rule.id} cites no verified authority"
    assert rule.substitutions or rule.id in NO_SUBSTITUTION, \
        f"{rule.id} offers no substitution to try"
    assert len({s.label for s in rule.substitutions}) == len(rule.substitutions)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_text_citations_and_a_named_trigger(rule: Rule) -> None:
    assert rule.text.strip() and rule.citations
    assert rule.trigger.__name__ not in ("<lambda>", "")
    context = wording_context(derive_facts(_valid({}), AS_OF), AS_OF)
    assert "{" not in rule.text.format(**context) + rule.remedy.format(**context)


NOT_AUTHORITY = (Verification.UNVERIFIED, Verification.REPORTED)


def every_citation() -> list[Citation]:
    """Every rule's citations and every constant in rules.citations (for rules still to come)."""
    named = [v for v in vars(citations).values() if isinstance(v, Citation)]
    return named + [c for _, c in all_citations()]


def test_unverified_and_reported_citations_are_never_authority() -> None:
    """Brief: UNVERIFIED is never shown as authority; amendment 1, R90: nor is REPORTED."""
    for mark in NOT_AUTHORITY:
        assert any(c.verification is mark for _, c in all_citations()), f"no {mark} citation"
    for citation in every_citation():
        shown = CitationOut.of(citation)
        if citation.verification in NOT_AUTHORITY:
            assert shown.authority is False and not citation.is_authority
            assert shown.shown == citation.shown == f"Reported: {citation.label}"
            assert citation_line(citation).startswith("Reported: ")
            assert citation_line(citation, notes=True).startswith("Reported: ")
        else:
            assert shown.authority is True and shown.shown == citation.label
            assert not citation_line(citation).startswith("Reported")


def test_reported_sources_are_the_complaints_press_accounts_and_counts() -> None:
    """R90: complaints, allegations, press accounts and unresolved matters are REPORTED."""
    for citation in (citations.TRUMP_COMPLAINT, citations.CAMBRIDGE_ANALYTICA,
                     citations.LABOUR_VOLUNTEERS_PRESS, citations.BALLOTPEDIA_STATES):
        assert citation.verification is Verification.REPORTED, citation.label
    for citation in every_citation():
        if re.search(r"complaint|allegation|press account|BBC|Starmer", citation.label, re.I):
            assert citation.verification is Verification.REPORTED, citation.label
    # A conciliation agreement is an FEC document, but says the respondent did not admit it.
    assert "without admitting liability" in citations.MUR_7271.label
    assert citations.MUR_7271.is_authority


def test_rules_that_cite_reported_sources_still_cite_an_authority() -> None:
    for rule in RULES:
        if any(c.verification in NOT_AUTHORITY for c in rule.citations):
            assert any(c.is_authority for c in rule.citations), rule.id


def test_reported_citations_read_reported_in_the_text_output_and_catalogue() -> None:
    answers = _valid({"B1": "yes", "B4": None, "C1": ["campaign"], "B6": "foreign_party_staff"})
    result = assess(answers, AS_OF)
    (r14,) = [f for f in result.findings if f.rule == "R14"]
    (salary,) = [c for c in r14.citations if not c.authority]
    assert salary.verification == "UNVERIFIED"
    (r71,) = [f for f in result.findings if f.rule == "R71"]
    reported = [c for c in r71.citations if not c.authority]
    assert [c.verification for c in reported] == ["REPORTED", "REPORTED"]
    text = assessment_lines(result)
    for citation in (salary, *reported):
        lines = [line for line in text if citation.label in line]
        assert lines and all(line.strip() == f"- Reported: {citation.label}" + (
            f" <{citation.url}>" if citation.url else "") for line in lines), lines
    assert not [line for line in text if "[UNVERIFIED]" in line or "[REPORTED]" in line]
    assert "Reported: Complaint to the FEC, Trump campaign" in rules_as_text()
    assert "[REPORTED]" in rules_as_markdown() and "[UNVERIFIED]" in rules_as_markdown()


# Amendment 1, section 8: corrected citations ----------------------------------------------


def test_section_8_citation_corrections() -> None:
    def cited(rule_id: str) -> tuple[Citation, ...]:
        return RULE_BY_ID[rule_id].citations

    assert cited("R04") == (citations.S30121_A, citations.R110_20_I, citations.FEC_VOLUNTEER_PAGE)
    assert cited("R42") == (citations.R100_52_A_HOSPITALITY,)
    assert "ordinary hospitality" in citations.R100_52_A_HOSPITALITY.label
    assert cited("R43") == (citations.S30121, citations.FEC_TRAVEL_PAGE)
    r71 = cited("R71")
    assert [c for c in r71 if c.is_authority] == [citations.USC_611_C]
    assert citations.TRUMP_COMPLAINT in r71 and citations.LABOUR_VOLUNTEERS_PRESS in r71
    # R44 keeps the brief's remedy and cites (not R70's home-event ones).
    r44 = RULE_BY_ID["R44"]
    assert r44.citations == (citations.MUR_7271, citations.FEC_TRAVEL_PAGE, citations.S30121)
    assert r44.remedy == ("Pay your own lodging or stay with a US host; return any "
                          "foreign-funded subsistence.")
    for rule_id in ("R42", "R43", "R44"):
        assert citations.R100_75_77 not in cited(rule_id)


# Questions and answer codes against brief (d) -------------------------------------------


def test_every_brief_question_is_in_the_model_and_vice_versa() -> None:
    in_brief = set(brief.brief_questions()) | set(brief.amendment_questions())
    in_model = {q.id for q in QUESTIONS}
    assert in_model - in_brief == {"B5_age"}, "only B5's optional age is the model's own"
    assert "age number" in brief.brief_item("B5")
    assert in_brief - in_model == set()


ALL_QUESTIONS = {**brief.brief_questions(), **brief.amendment_questions(),
                 **brief.decided_questions()}


@pytest.mark.parametrize("qid", list(ALL_QUESTIONS))
def test_answer_codes_match_the_brief(qid: str) -> None:
    listed = ALL_QUESTIONS[qid]
    question = QUESTION_BY_ID[qid]
    if question.kind is Kind.AMOUNT:
        assert listed == ("unknown",) and question.codes == ()
        return
    if question.kind is Kind.DAYS:
        assert listed == () and question.codes == ()
        return
    assert question.codes == listed, f"{qid}: model {question.codes} != brief {listed}"


def test_multi_select_questions_match_the_brief() -> None:
    multi = {q.id for q in QUESTIONS if q.kind is Kind.MULTI}
    marked = {qid for qid in ("C1", "D1", "E1") if "(multi)" in brief.brief_item(qid)}
    assert multi == marked | {"F", "G"}


def test_codes_module_and_questions_agree() -> None:
    assert QUESTION_BY_ID["A1"].codes == codes_of(A1Code)


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_every_question_has_text_help_and_labels(question: Question) -> None:
    assert question.text.strip() and question.help.strip()
    if question.kind in (Kind.SINGLE, Kind.MULTI):
        assert question.options
        for option in question.options:
            assert option.label.strip() and option.label != option.code
        assert len({o.label for o in question.options}) == len(question.options)


# Remedies: every counterfactual offered clears its finding -------------------------------


def _counterfactual_cases() -> list[tuple[str, str, int]]:
    items = []
    for case in iter_valid_cases(CASES):
        result = run_case(case)
        for finding in result.findings:
            for index, _ in enumerate(finding.counterfactuals):
                items.append((case.name, finding.rule, index))
    return items


COUNTERFACTUALS = _counterfactual_cases()
CASE_BY_NAME = {case.name: case for case in CASES}


def test_cases_offer_many_counterfactuals() -> None:
    assert len(COUNTERFACTUALS) >= 100
    offered = {rule for _, rule, _ in COUNTERFACTUALS}
    missing = [r.id for r in ACTIONABLE if r.id not in offered and r.id not in NO_SUBSTITUTION]
    assert not missing, f"no case shows a remedy for {missing}"


@pytest.mark.parametrize(("case_name", "rule_id", "index"), COUNTERFACTUALS,
                         ids=[f"{c} / {r} #{i}" for c, r, i in COUNTERFACTUALS])
def test_counterfactual_clears_its_finding(case_name: str, rule_id: str, index: int) -> None:
    case = CASE_BY_NAME[case_name]
    before = validate_answers(case.answers, case.as_of)
    assert before.answers is not None
    finding = next(f for f in run_case(case).findings if f.rule == rule_id)
    cf = finding.counterfactuals[index]
    assert cf.changes, "a counterfactual must change something"
    changed = before.answers.as_dict()
    for qid, value in cf.changes.items():
        if value is None:
            changed.pop(qid, None)
        else:
            changed[qid] = value
    after = validate_answers(changed, case.as_of)
    assert after.ok and after.answers is not None, after.issues
    result = assess(after.answers, case.as_of)
    still = [f for f in result.findings if f.rule == rule_id]
    assert all(f.colour not in (Colour.RED, Colour.AMBER) for f in still), \
        f"'{cf.label}' does not clear {rule_id}"
    assert result.colour is cf.colour, f"'{cf.label}' claims {cf.colour}, gives {result.colour}"


def test_actionable_findings_in_cases_always_offer_a_remedy_to_try() -> None:
    """A red or amber finding without any counterfactual means its substitutions are broken."""
    bare = []
    for case in iter_valid_cases(CASES):
        for finding in run_case(case).findings:
            if finding.colour in (Colour.RED, Colour.AMBER) and not finding.counterfactuals \
                    and finding.rule not in NO_SUBSTITUTION \
                    and (finding.rule, case.name) not in NO_REMEDY_HERE \
                    and not (finding.rule in US_BENEFIT_REMEDIES_ONLY and _no_work_auth(case)):
                bare.append(f"{case.name}: {finding.rule}")
    assert not bare, "findings without a working remedy:\n" + "\n".join(bare)


# Findings with substitutions none of which can clear them in one named case, with the reason.
NO_REMEDY_HERE: set[tuple[str, str]] = {
    # Unknown trip days cannot be replaced by invented ones; a one-day trip cannot be halved.
    ("R87", "R87 - unknown trip days are amber"),
    ("R87", "Trip days - 1 day is accepted"),
}


# Findings whose only remedy is a US committee paying, which is never offered to someone without
# US work authorisation (amendment 1 section 12): for them, counsel is the remedy.
US_BENEFIT_REMEDIES_ONLY = {"R79", "R80", "R81"}


def _no_work_auth(case: Case) -> bool:
    checked = validate_answers(case.answers, case.as_of)
    assert checked.answers is not None
    return derive_facts(checked.answers, case.as_of).no_work_auth


def _valid(changes: dict[str, object]) -> Answers:
    base = {"A1": "federal_candidate", "B1": "no", "B2": "no", "B3": "no", "B4": "esta_vwp",
            "B6": "none", "B8": "outside_us", "B9": "incidental_to_holiday_or_family_visit",
            "B10": 14, "B11": 3, "C1": ["none"], "C2": "not_employed",
            "D1": ["self"], "D3": 500, "D4": "self_or_friends", "E1": ["self_paid"],
            "E2": "self", "F": ["canvass_phone_text"], "G": ["none"]}
    merged = {k: v for k, v in {**base, **changes}.items() if v is not None}
    checked = validate_answers(merged, AS_OF)
    assert checked.answers is not None, checked.issues
    return checked.answers



def test_remedy_labels_read_after_if_and_before_instead() -> None:
    """Reports print 'If <label> instead: COLOUR', so no label carries its own 'instead'."""
    doubled = [f"{rule.id}: {s.label}" for rule in RULES for s in rule.substitutions
               if s.label.rstrip().endswith("instead") or " instead (" in s.label]
    assert not doubled, doubled
