"""Every printed citation links to a canonical official locator (amendment 1, sections 9-10):
its host is on the allowlist, and the link is the authority its label names (a parser of the
label's title and section against the URL's)."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import pytest

from rules import RULES
from rules import citations as cit
from rules.citations import Citation

# The official hosts a printed citation may link to; mirrors are research notes only.
ALLOWED_HOSTS = {
    "www.ecfr.gov", "ecfr.gov", "www.fec.gov", "fec.gov", "uscode.house.gov", "www.govinfo.gov",
    "govinfo.gov", "fam.state.gov", "state.gov", "uscis.gov", "www.uscis.gov",
}
ALLOWED_SUFFIXES = (".state.gov", ".usembassy.gov")
FEC_HOSTS = {"www.fec.gov", "fec.gov"}
ECFR_HOSTS = {"www.ecfr.gov", "ecfr.gov"}
GOVINFO_HOSTS = {"www.govinfo.gov", "govinfo.gov"}


def allowed_host(url: str) -> bool:
    parsed = urlparse(url)
    host = parsed.hostname or ""
    return parsed.scheme == "https" and (host in ALLOWED_HOSTS or host.endswith(ALLOWED_SUFFIXES))


@dataclass(frozen=True)
class Authority:
    """The first authority a label names: kind (usc, cfr, ao, mur, fam, hrept) and its parts."""

    kind: str
    title: str
    section: str


# A former (Title 2) number given in passing, "(formerly 2 U.S.C. 441b)", is not what is cited.
FORMERLY = re.compile(r"\b(?:formerly|now) \d+ U\.S\.C\. [0-9a-z]+(?:\([0-9A-Za-z]+\))*")
PATTERNS = {
    "usc": re.compile(r"\b(\d+) U\.S\.C\. (\d+[a-z]?)\b"),
    "cfr": re.compile(r"\b(\d+) CFR (\d+\.\d+)\b"),
    "ao": re.compile(r"\bAO (\d{4})-(\d{2})\b"),
    "mur": re.compile(r"\b(MUR) (\d+)\b"),
    "fam": re.compile(r"\b(\d+) FAM (\d+\.\d+)(?:-|\b)"),
    "hrept": re.compile(r"\bH\. Rept\. (\d+)-(\d+)\b"),
}


LEADING = re.compile(r"^(?:FEC,? )?")


def cited_authority(label: str) -> Authority | None:
    text = FORMERLY.sub("", label)
    found = [(m.start(), kind, m) for kind, pattern in PATTERNS.items()
             for m in pattern.finditer(text)]
    if not found:
        return None
    _, kind, match = min(found, key=lambda item: item[0])
    return Authority(kind, match.group(1), match.group(2))


def leading_authority(label: str) -> Authority | None:
    """The authority a label opens with ('FEC AO 2014-20 ...', '11 CFR 100.54 ...'), if any."""
    text = LEADING.sub("", label, count=1)
    for kind, pattern in PATTERNS.items():
        match = pattern.match(text)
        if match:
            return Authority(kind, match.group(1), match.group(2))
    return None


def locates(url: str, authority: Authority) -> bool:
    """Whether `url` is the canonical page of `authority` (section level)."""
    parsed = urlparse(url)
    host, path = parsed.hostname or "", parsed.path
    title, section = authority.title, authority.section
    if authority.kind == "usc":
        if host == "uscode.house.gov":
            return parse_qs(parsed.query).get("req") == [
                f"granuleid:USC-prelim-title{title}-section{section}"]
        return host in GOVINFO_HOSTS and re.search(
            rf"/USCODE-\d{{4}}-title{title}/html/USCODE-\d{{4}}-title{title}-.*-sec{section}\.htm$",
            path) is not None
    if authority.kind == "cfr":
        part, number = section.split(".")
        if host in ECFR_HOSTS:
            return re.fullmatch(rf"/current/title-{title}(/[a-z]+-[0-9A-Za-z.]+)*"
                                rf"/section-{re.escape(section)}", path) is not None
        if host in FEC_HOSTS and title == "11":
            return re.fullmatch(rf"/regulations/{part}-{number}(/[0-9a-z-]+)?/?", path) is not None
        return False
    if authority.kind == "ao":
        return host in FEC_HOSTS and path.rstrip("/") == \
            f"/data/legal/advisory-opinions/{title}-{section}"
    if authority.kind == "mur":
        return host in FEC_HOSTS and path.rstrip("/") == \
            f"/data/legal/matter-under-review/{section}"
    if authority.kind == "fam":
        part, sub = section.split(".")
        volume = int(title)
        return host == "fam.state.gov" and path == \
            f"/fam/{volume:02d}FAM/{volume:02d}FAM{int(part):04d}{int(sub):02d}.html"
    if authority.kind == "hrept":
        return host in GOVINFO_HOSTS and path.rstrip("/").endswith(f"CRPT-{title}hrpt{section}")
    raise AssertionError(authority.kind)


def every_citation() -> list[tuple[str, Citation]]:
    """Every constant in rules.citations (what new rules will use) and every rule's citations."""
    named = [(name, value) for name, value in vars(cit).items() if isinstance(value, Citation)]
    cited = [(rule.id, c) for rule in RULES for c in rule.citations]
    return named + cited


CITATIONS = every_citation()
IDS = [f"{where}: {c.label[:40]}" for where, c in CITATIONS]


# The parser itself -----------------------------------------------------------------------


@pytest.mark.parametrize(("label", "url", "ok"), [
    ("22 U.S.C. 611(c) (agent)", cit.usc(22, "611"), True),
    ("22 U.S.C. 611(c) (agent)", cit.usc(22, "612"), False),
    ("22 U.S.C. 611(c) (agent)",
     "https://www.govregs.com/uscode/expand/title22_chapter11_subchapterII_section612", False),
    ("52 U.S.C. 30121 (foreign nationals)", cit.usc(52, "30121"), True),
    ("52 U.S.C. 30121 (foreign nationals)", cit.usc(2, "30121"), False),
    ("52 U.S.C. 30121 (foreign nationals)", "https://www.govinfo.gov/content/pkg/USCODE-2023-"
     "title52/html/USCODE-2023-title52-subtitleIII-chap301-subchapI-sec30121.htm", True),
    ("52 U.S.C. 30121 (foreign nationals)", "https://projectusc.org/usc/t52/s30121.html", False),
    ("52 U.S.C. 30118 (corporations; formerly 2 U.S.C. 441b)", cit.usc(52, "30118"), True),
    ("11 CFR 100.54 (compensation)", cit.ecfr(11, "100.54"), True),
    ("11 CFR 100.54 (compensation)", cit.ecfr(11, "100.5"), False),
    ("11 CFR 100.54 (compensation)", cit.FEC_VOLUNTEER, False),
    ("11 CFR 100.74", "https://www.ecfr.gov/current/title-11/chapter-I/subchapter-A/part-100/"
     "subpart-C/section-100.74", True),
    ("11 CFR 100.139", "https://www.fec.gov/regulations/100-139/2022-annual-100", True),
    ("8 CFR 214.1(e)", cit.ecfr(8, "214.1"), True),
    ("8 CFR 214.1(e)", cit.ecfr(11, "214.1"), False),
    ("FEC AO 2014-20 (volunteers)", cit.fec_ao("2014-20"), True),
    ("FEC AO 2014-20 (volunteers)", cit.fec_ao("2014-21"), False),
    ("FEC AO 2014-20 (volunteers)", "https://www.fec.gov/updates/ao-2014-20-nonconnected-pac-"
     "may-accept-uncompensated-services-from-foreign-national-volunteers/", False),
    ("FEC MUR 7523 (Stop I-186)", cit.fec_mur(7523), True),
    ("FEC MUR 7523 (Stop I-186)", cit.fec_mur(7271), False),
    ("9 FAM 402.2-2(B) (sole purpose)", "https://fam.state.gov/fam/09FAM/09FAM040202.html", True),
    ("9 FAM 402.2-2(B) (sole purpose)", "https://fam.state.gov/fam/09FAM/09FAM040205.html", False),
    ("H. Rept. 118-318 on H.R. 3229", "https://www.govinfo.gov/app/details/CRPT-118hrpt318", True),
])
def test_the_label_parser_matches_title_and_section(label: str, url: str, ok: bool) -> None:
    authority = cited_authority(label)
    assert authority is not None
    assert (allowed_host(url) and locates(url, authority)) is ok


def test_the_host_allowlist() -> None:
    assert allowed_host("https://de.usembassy.gov/unpaid-work-is-work/")
    assert allowed_host("https://travel.state.gov/content/travel.html")
    assert not allowed_host("https://lexbuild.dev/ecfr/title-11/chapter-I/part-100/section-100.74")
    assert not allowed_host("http://www.fec.gov/pages/brochures/volact.shtml")
    assert not allowed_host("https://state.gov.example.com/")
    assert cited_authority("FEC, Volunteer activity") is None


# The data --------------------------------------------------------------------------------


@pytest.mark.parametrize(("where", "citation"), CITATIONS, ids=IDS)
def test_printed_urls_are_canonical_official_locators(where: str, citation: Citation) -> None:
    authority = cited_authority(citation.label)
    if citation.url is None:
        # A label that is a statute, regulation, AO, MUR, FAM section or report (not one that
        # merely mentions one) always has a canonical page to link to.
        leading = leading_authority(citation.label)
        assert leading is None, f"{where}: {citation.label!r} is {leading} but has no link"
        return
    assert allowed_host(citation.url), f"{where}: {citation.url} is not an official host"
    if authority is not None:
        assert locates(citation.url, authority), \
            f"{where}: {citation.label!r} does not link to {authority}: {citation.url}"
    elif citation.label.startswith("FEC"):
        assert urlparse(citation.url).hostname in FEC_HOSTS, f"{where}: {citation.url}"


@pytest.mark.parametrize(("where", "citation"), CITATIONS, ids=IDS)
def test_feca_is_cited_by_its_title_52_number(where: str, citation: Citation) -> None:
    """Amendment 1, section 10: 431 -> 30101, 441b -> 30118, 441e -> 30121; a former Title 2
    number may appear only as '(formerly 2 U.S.C. ...)'."""
    rest = FORMERLY.sub("", citation.label)
    assert not re.search(r"\b2 U\.S\.C\. 4\d\d", rest), f"{where}: {citation.label!r}"


def test_mirrors_are_never_printed_as_urls() -> None:
    mirrors = ("projectusc", "govregs", "lexbuild", "webarchive", "scribd", "findlaw",
               "intelligencelaw", "lawstack", "perfi8th", "ballotpedia", "pdfcoffee")
    printed = [c.url for _, c in CITATIONS if c.url]
    assert not [url for url in printed if any(m in url for m in mirrors)]
