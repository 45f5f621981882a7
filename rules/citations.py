"""The legal authorities the rules cite, each with the brief's verification mark.

Every printed URL is a canonical official locator (amendment 1, section 9): eCFR for regulations,
the House's US Code site for statutes, fec.gov for advisory opinions, enforcement matters and help
pages, fam.state.gov for the Foreign Affairs Manual, US embassy sites. Mirrors and secondary
copies the research used are recorded in `note` ("retrieved via ..."), a research note that only
counsel's rule catalogue (`volunteer-check rules --markdown`) prints, never a volunteer's result.
"""

from dataclasses import dataclass
from enum import StrEnum


class Verification(StrEnum):
    """How far the brief's research verified a citation."""

    VERIFIED = "V"
    SECONDARY = "V-sec"
    UNVERIFIED = "UNVERIFIED"
    # Complaints, allegations, news reports, commissioners' statements, unresolved matters (R90).
    REPORTED = "REPORTED"


NOT_AUTHORITY = frozenset({Verification.UNVERIFIED, Verification.REPORTED})
REPORTED_PREFIX = "Reported: "


def shown_label(label: str, authority: bool) -> str:
    """The label as printed anywhere: a source that is not authority always reads 'Reported: '."""
    return label if authority else REPORTED_PREFIX + label


@dataclass(frozen=True, slots=True)
class Citation:
    """One source. `note` is a research note for counsel, never shown to a volunteer."""

    label: str
    url: str | None
    verification: Verification
    note: str = ""

    @property
    def is_authority(self) -> bool:
        """UNVERIFIED and REPORTED sources are shown only as 'Reported: ...', never as authority."""
        return self.verification not in NOT_AUTHORITY

    @property
    def shown(self) -> str:
        return shown_label(self.label, self.is_authority)


V = Verification.VERIFIED
VSEC = Verification.SECONDARY
UNV = Verification.UNVERIFIED
REP = Verification.REPORTED


# Canonical official locators -----------------------------------------------------------------


def usc(title: int, section: str) -> str:
    """The US Code section on uscode.house.gov (the Office of the Law Revision Counsel)."""
    return (f"https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title{title}"
            f"-section{section}&num=0&edition=prelim")


def ecfr(title: int, section: str) -> str:
    """The current CFR section on eCFR."""
    return f"https://www.ecfr.gov/current/title-{title}/section-{section}"


def fec_ao(number: str) -> str:
    """An FEC advisory opinion's page, e.g. '2014-20'."""
    return f"https://www.fec.gov/data/legal/advisory-opinions/{number}/"


def fec_mur(number: int) -> str:
    """An FEC matter under review's page."""
    return f"https://www.fec.gov/data/legal/matter-under-review/{number}/"


FEC_VOLUNTEER = "https://www.fec.gov/help-candidates-and-committees/candidate-taking-receipts/volunteer-activity/"
FEC_TRAVEL = "https://www.fec.gov/help-candidates-and-committees/candidate-taking-receipts/travel/"
FEC_FOREIGN_HELP = "https://www.fec.gov/help-candidates-and-committees/foreign-nationals/"
FEC_PARTY_ADVANCES_URL = (
    "https://www.fec.gov/help-candidates-and-committees/"
    "handling-political-party-loans-debts-and-advances/advances-personal-funds/"
)
FEC_PAC_TRAVEL_URL = (
    "https://www.fec.gov/help-candidates-and-committees/making-disbursements-pac/"
    "travel-nonconnected-pac/"
)
FAM_402_2 = "https://fam.state.gov/fam/09FAM/09FAM040202.html"
CFR_110_20 = ecfr(11, "110.20")
USC_30101 = usc(52, "30101")
USC_30118 = usc(52, "30118")
USC_30121 = usc(52, "30121")
USC_611 = usc(22, "611")
USC_1101 = usc(8, "1101")

GPO_2009_110_20 = (
    "retrieved via GPO 2009 text (edocket.access.gpo.gov/cfr_2009/janqtr/11cfr110.20.htm, "
    "archived at webarchive.library.unt.edu)"
)
FEC_HELP_VIA_MIRROR = ("substance verified on the FEC help page 'Foreign nationals', retrieved via "
                       "a mirror (rifisandreporteddrives.pages.dev)")


# 52 U.S.C. 30121 (formerly 2 U.S.C. 441e) ----------------------------------------------------

_VIA_PROJECTUSC = "retrieved via projectusc.org"
S30121 = Citation("52 U.S.C. 30121 (foreign national contributions)", USC_30121, V, _VIA_PROJECTUSC)
S30121_A = Citation(
    "52 U.S.C. 30121(a) (contributions and donations by foreign nationals)", USC_30121, V,
    _VIA_PROJECTUSC,
)
S30121_A1 = Citation(
    "52 U.S.C. 30121(a)(1)(A)-(B) (contributions and donations)", USC_30121, V, _VIA_PROJECTUSC
)
S30121_A1A = Citation(
    "52 U.S.C. 30121(a)(1)(A) (money \"or other thing of value\" in connection with \"a "
    "Federal, State, or local election\")",
    USC_30121, V, _VIA_PROJECTUSC,
)
S30121_A1C = Citation("52 U.S.C. 30121(a)(1)(C) (expenditures)", USC_30121, V, _VIA_PROJECTUSC)
S30121_A2 = Citation(
    "52 U.S.C. 30121(a)(2) (soliciting, accepting or receiving)", USC_30121, V, _VIA_PROJECTUSC
)
S30121_B = Citation(
    "52 U.S.C. 30121(b) (definition of foreign national)", USC_30121, V, _VIA_PROJECTUSC
)
S30121_B1 = Citation(
    "52 U.S.C. 30121(b)(1) (foreign principal prong)", USC_30121, V, _VIA_PROJECTUSC
)
S30121_B2 = Citation(
    "52 U.S.C. 30121(b)(2) (individuals; excludes persons lawfully admitted for permanent "
    "residence)",
    USC_30121, V, _VIA_PROJECTUSC,
)

# Other statutes --------------------------------------------------------------------------------

CONTRIB_SERVICES = Citation(
    "52 U.S.C. 30101(8)(A)(ii) (formerly 2 U.S.C. 431(8)(A)(ii)) and 11 CFR 100.54: paid "
    "personal services are a contribution",
    USC_30101, V,
    "text retrieved under the Title 2 number (quoted in the FEC summary of AO 2007-08); "
    "431 -> 30101 per the LII codification note and the FEC's Title 52 notice (amendment 1, "
    "section 10)",
)
USC_441B = Citation(
    "52 U.S.C. 30118 (corporate and union contributions; formerly 2 U.S.C. 441b)",
    USC_30118, V,
    "text retrieved under the Title 2 number via codes.lp.findlaw.com; 441b -> 30118 by "
    "identical text (amendment 1, section 10)",
)
S30118 = USC_441B
S30118_A = Citation(
    "52 U.S.C. 30118(a) (national banks and federally chartered corporations: \"any election to "
    "any political office\"; any other corporation: elections at which federal candidates are "
    "voted for)",
    USC_30118, V,
)
USC_1101_A20 = Citation(
    "8 U.S.C. 1101(a)(20) (lawfully admitted for permanent residence)", USC_1101, V,
    "retrieved via intelligencelaw.com",
)
USC_1101_A22 = Citation(
    "8 U.S.C. 1101(a)(22), 1408 (US nationals)", USC_1101, VSEC,
    "verified through a practitioner source (nortontooby.com)",
)
_VIA_GOVREGS = "retrieved via govregs.com"
USC_611_B = Citation("22 U.S.C. 611(b) (foreign principal)", USC_611, V, _VIA_GOVREGS)
USC_611_B2 = Citation("22 U.S.C. 611(b)(2) (persons outside the US)", USC_611, V, _VIA_GOVREGS)
USC_611_B3 = Citation("22 U.S.C. 611(b)(3) (foreign organisations)", USC_611, V, _VIA_GOVREGS)
USC_611_C = Citation("22 U.S.C. 611(c) (agent of a foreign principal)", USC_611, V, _VIA_GOVREGS)
HR_3229 = Citation(
    "H. Rept. 118-318 on H.R. 3229 (118th Congress), reported Dec 14, 2023",
    "https://www.govinfo.gov/app/details/CRPT-118hrpt318", V,
    "context: the FEC recommended extending 30121 to referenda, initiatives and recalls "
    "[V-sec, Mondaq]; enactment not found [UNVERIFIED]",
)

# 11 CFR --------------------------------------------------------------------------------------

R100_52_A = Citation(
    "11 CFR 100.52(a) (a contribution is anything of value given for the purpose of "
    "influencing a federal election)",
    ecfr(11, "100.52"), V, "retrieved via getpocketlaw.com",
)
R100_52_A_HOSPITALITY = Citation(
    "11 CFR 100.52(a) (ordinary hospitality is not given for the purpose of influencing an "
    "election)",
    ecfr(11, "100.52"), V, "direct application of the definition; retrieved via getpocketlaw.com",
)
R100_54 = Citation(
    "11 CFR 100.54 (compensation for personal services)", ecfr(11, "100.54"), V,
    "substance verified on the FEC volunteer-activity page",
)
R100_54_LEAVE = Citation(
    "11 CFR 100.54 (bona fide vacation or other earned leave)", ecfr(11, "100.54"), VSEC,
    "quoted by a secondary source; sub-paragraph letter not verified",
)
R100_74 = Citation(
    "11 CFR 100.74 (uncompensated volunteer services)", ecfr(11, "100.74"), V,
    "retrieved via lexbuild.dev",
)
_VIA_GPO_2011_100_79 = (
    "retrieved via GPO 2011 XML (CFR-2011-title11-vol1-sec100-79); same wording in 100.139 "
    "(fec.gov/regulations/100-139/2022-annual-100)"
)
R100_79 = Citation(
    "11 CFR 100.79 (travel and subsistence)", ecfr(11, "100.79"), V, _VIA_GPO_2011_100_79
)
R100_79_A = Citation(
    "11 CFR 100.79(a) (unreimbursed travel on behalf of a candidate or party committee: $1,000 "
    "per candidate per election; $2,000 per calendar year for all committees of one party)",
    ecfr(11, "100.79"), V, _VIA_GPO_2011_100_79,
)
R100_79_B = Citation(
    "11 CFR 100.79(b) (a volunteer's own meals and lodging)", ecfr(11, "100.79"), V,
    _VIA_GPO_2011_100_79,
)
R100_75_77 = Citation(
    "11 CFR 100.75 and 100.77 (volunteer's home; home hospitality)", ecfr(11, "100.75"), V,
    "verified in the FEC 2004 volunteer brochure, retrieved via webarchive.library.unt.edu",
)
R106_3 = Citation(
    "11 CFR 106.3 (allocating the costs of mixed campaign and non-campaign trips)",
    ecfr(11, "106.3"), VSEC,
    "quoted at politicalactivitylaw.com; application to volunteers UNVERIFIED",
)
R110_19 = Citation(
    "11 CFR 110.19 (contributions by minors)", ecfr(11, "110.19"), V, "retrieved via lexbuild.dev"
)
R110_20_A2 = Citation(
    "11 CFR 110.20(a)(2) (\"donation\" has the meaning in 11 CFR 300.2(e))", CFR_110_20, V,
    GPO_2009_110_20,
)
R110_20_A3 = Citation("11 CFR 110.20(a)(3) (foreign national defined)", CFR_110_20, V,
                      GPO_2009_110_20)
R110_20_A4 = Citation(
    "11 CFR 110.20(a)(4) (knowingly; duty of reasonable inquiry)", CFR_110_20, V, GPO_2009_110_20
)
R110_20_G = Citation(
    "11 CFR 110.20(g) (soliciting, accepting or receiving)", CFR_110_20, V,
    "cited for this in the FEC summary of AO 2014-20",
)
R110_20_H = Citation(
    "11 CFR 110.20(h) (substantial assistance)", CFR_110_20, VSEC,
    "paragraph letter verified through a secondary source (CLC complaint against APIC); "
    "substance verified on the FEC help page",
)
R110_20_I = Citation(
    "11 CFR 110.20(i) (no participation in decision-making)", CFR_110_20, V, FEC_HELP_VIA_MIRROR
)
R114_2_AB = Citation(
    "11 CFR 114.2(a)-(b) (national banks and federally chartered corporations; other "
    "corporations and labor organizations)",
    ecfr(11, "114.2"), V, "retrieved via GPO 2009 text",
)
R116_5_B = Citation(
    "11 CFR 116.5(b) (travel advances by individuals reimbursed in time are not contributions)",
    ecfr(11, "116.5"), UNV,
    "text not retrieved; wording recalled as \"traveling on behalf of a candidate or political "
    "party committee\"",
)

# FEC pages -------------------------------------------------------------------------------------

FEC_VOLUNTEER_PAGE = Citation("FEC, Volunteer activity", FEC_VOLUNTEER, V)
FEC_VOLUNTEER_RECORD = Citation(
    "FEC Record, Volunteer activity (2009)", "https://www.fec.gov/updates/volunteer-activity/", V
)
FEC_TRAVEL_PAGE = Citation("FEC, Travel expenses paid by individuals", FEC_TRAVEL, V)
FEC_FOREIGN_RECORD = Citation(
    "FEC Record, Foreign nationals (2017)", "https://www.fec.gov/updates/foreign-nationals/", V
)
FEC_FOREIGN_PAGE = Citation("FEC, Foreign nationals", FEC_FOREIGN_HELP, V, FEC_HELP_VIA_MIRROR)
FEC_PARTY_ADVANCES = Citation(
    "FEC, Advances of personal funds (party committees: up to $2,000 per calendar year for "
    "party-related travel)",
    FEC_PARTY_ADVANCES_URL, V,
)
FEC_PAC_TRAVEL = Citation(
    "FEC, Travel on behalf of a nonconnected PAC", FEC_PAC_TRAVEL_URL, V,
    "retrieved via fec-prod-proxy.app.cloud.gov",
)

# FEC advisory opinions -----------------------------------------------------------------------

AO_1981_51 = Citation(
    "FEC AO 1981-51 (foreign artist's prints)", fec_ao("1981-51"), VSEC,
    "AO number per Volokh; AO text not retrieved",
)
AO_1987_25 = Citation(
    "FEC AO 1987-25 (foreign student volunteer)", fec_ao("1987-25"), VSEC,
    "quoted by a secondary source (election-law listserv)",
)
AO_2004_26 = Citation(
    "FEC AO 2004-26 (foreign national volunteer; no decision-making)", fec_ao("2004-26"), VSEC,
    "quoted by a secondary source (election-law listserv; Washington Times)",
)
AO_2007_08 = Citation(
    "FEC AO 2007-08 (volunteer performances)", fec_ao("2007-08"), V,
    "retrieved via the FEC summary, https://www.fec.gov/updates/ao-2007-08-encouraging-"
    "voluntary-performances-by-professional-entertainers-at-campaign-events/",
)
AO_2007_22 = Citation(
    "FEC AO 2007-22 (volunteer and professional services from Canadian citizens; "
    "no donated foreign campaign materials)",
    fec_ao("2007-22"), V,
    "retrieved via the FEC summary, https://fec.gov/updates/ao-2007-22-campaign-committee-may-"
    "accept-volunteer-services-from-foreign-nationals",
)
AO_2007_22_SALARY = Citation(
    "FEC AO 2007-22, passage on paying Canadian staff", fec_ao("2007-22"), UNV,
    "exact passage not retrieved",
)
AO_2010_11 = Citation(
    "FEC AO 2010-11 (super PACs may accept unlimited corporate and union contributions)",
    fec_ao("2010-11"), V,
    "retrieved via the FEC summary, https://www.fec.gov/updates/ao-2010-11-contributions-to-an-"
    "independent-expenditure-committee/",
)
AO_2014_20 = Citation(
    "FEC AO 2014-20 (uncompensated foreign national volunteers; own equipment)",
    fec_ao("2014-20"), V,
    "retrieved via the FEC summary, https://www.fec.gov/updates/ao-2014-20-nonconnected-pac-may-"
    "accept-uncompensated-services-from-foreign-national-volunteers/",
)
AO_2015_14 = Citation(
    "FEC AO 2015-14 (general internship stipend is not a contribution)",
    fec_ao("2015-14"), V,
    "retrieved via the FEC summary, https://www.fec.gov/updates/ao-2015-14-internship-stipend-"
    "and-academic-credit-do-not-constitute-campaign-contributions/",
)
AO_2016_10 = Citation(
    "FEC AO 2016-10 (no knowing solicitation of foreign nationals)",
    fec_ao("2016-10"), V,
    "retrieved via the FEC summary, https://www.fec.gov/updates/ao-2016-10-us-citizen-residing-"
    "abroad-may-solicit-contributions-to-state-and-local-party-committees/",
)
AO_2024_05 = Citation(
    "FEC AO 2024-05 (ballot measures are not elections under FECA, before or after they "
    "qualify)",
    fec_ao("2024-05"), VSEC,
    "described by Holtzman Vogel and Elias Law Group (May 1, 2024, vote 4-1); AO text not "
    "retrieved",
)

# FEC enforcement -------------------------------------------------------------------------------

MUR_7271 = Citation(
    "FEC conciliation agreements, Bernie 2016 / Australian Labor Party (2019), settled without "
    "admitting liability: $24,422 in ALP-paid flights and stipends treated as a prohibited "
    "foreign in-kind contribution",
    None,
    VSEC,
    "reported from the conciliation agreement (CNS News, Valley News/AP); MUR number 7271 not "
    "verified, so its page is not linked",
)
MUR_6093 = Citation(
    "FEC, MUR 6093 (Transurban; state and local contributions)", fec_mur(6093), V,
    "retrieved via scribd.com (FEC case summary)",
)
MUR_7523 = Citation(
    "FEC MUR 7523 (Stop I-186 / Sandfire Resources; dismissed 2021: ballot-initiative-only "
    "spending is generally outside the Act)",
    fec_mur(7523), VSEC,
    "Factual & Legal Analysis retrieved via pdfcoffee.com; vote 4-2 July 2021 per Washington "
    "Post and Kelley Drye",
)
ELTON_JOHN = Citation(
    "FEC, Elton John / Clinton 2008 concert (2009): a volunteer performance is not a "
    "contribution",
    None,
    VSEC,
    "reported (Center for Public Integrity, The Hill); MUR number not verified",
)
APIC = Citation(
    "FEC, American Pacific International Capital / Right to Rise USA (2019): foreign "
    "nationals' decision-making",
    None,
    VSEC,
    "reported (The Intercept, Election Law Blog); MUR number not verified",
)

# Courts ----------------------------------------------------------------------------------------

SPEECHNOW = Citation("SpeechNow.org v. FEC, 599 F.3d 686 (D.C. Cir. 2010)", None, V,
                     "verified as relied on in the FEC summary of AO 2010-11")
BELLOTTI = Citation(
    "First National Bank of Boston v. Bellotti, 435 U.S. 765 (1978)", None, VSEC,
    "via news.ballotpedia.org",
)
CARC = Citation(
    "Citizens Against Rent Control v. Berkeley, 454 U.S. 290 (1981)", None, VSEC,
    "via news.ballotpedia.org",
)
BLUMAN = Citation(
    "Bluman v. FEC, 800 F. Supp. 2d 281 (D.D.C. 2011) (three-judge court), summarily affirmed "
    "(2012)",
    "https://www.fec.gov/updates/bluman-v-fec-supreme-court/", V,
)

# Reported only (R90): complaints, allegations, press accounts, unresolved matters -----------

TRUMP_COMPLAINT = Citation(
    "Complaint to the FEC, Trump campaign v. UK Labour Party (Oct 21, 2024): allegations, "
    "unresolved",
    None,
    REP,
    "allegations only; outcome not found; the FEC lost its quorum on Apr 30, 2025",
)
LABOUR_VOLUNTEERS_PRESS = Citation(
    "Press accounts (BBC; Prime Minister Starmer, Oct 2024): Labour staff who volunteered in the "
    "US took leave, paid their own way and stayed with other volunteers",
    None,
    REP,
    "BBC and Starmer statements as reported; Daily Mail on a Labour MP canvassing (\"no "
    "suggestion\" of wrongdoing)",
)
CAMBRIDGE_ANALYTICA = Citation(
    "Complaint to the FEC and DOJ about Cambridge Analytica's foreign staff (2018): "
    "allegations, unresolved",
    None,
    REP,
    "allegations only; outcome not found",
)
BALLOTPEDIA_STATES = Citation(
    "At least 19 states ban foreign money in ballot-measure campaigns (Ballotpedia, July 2025)",
    None,
    REP,
    "Ballotpedia count [V-sec in amendment 1]: nine enacted in 2025, incl. Montana HB 818 and "
    "Missouri SB 152; state law, not assessed by this tool",
)
BALLOT_MEASURES = Citation(
    "FEC position that 52 U.S.C. 30121 does not reach state ballot measures; at least 19 "
    "states ban foreign money in them",
    None,
    VSEC,
    "reported by practitioner sources (Mondaq; Ballotpedia)",
)

# State Department and embassies --------------------------------------------------------------

EMBASSY_UNPAID_WORK = Citation(
    "US Embassy Germany, \"Unpaid work is work\"",
    "https://de.usembassy.gov/unpaid-work-is-work-make-sure-you-have-the-correct-visa/",
    V,
)
FAM_402_2_2_B = Citation(
    "9 FAM 402.2-2(B) (visitors must seek admission \"for the sole purpose of engaging in "
    "legitimate activities relating to business or pleasure\")",
    FAM_402_2, V, "CT:VISA-1852",
)
FAM_402_2_5_C2 = Citation(
    "9 FAM 402.2-5(C)(2) (B-1 participants in voluntary service programs)", FAM_402_2, VSEC,
    "paragraph number per a secondary copy (perfi8th.com)",
)
FAM_B1_VOLUNTEER = FAM_402_2_5_C2

# 8 CFR -----------------------------------------------------------------------------------------

R214_1_E = Citation(
    "8 CFR 214.1(e) (a B-2 visitor may not engage in any employment; unauthorised employment is "
    "a failure to maintain status)",
    ecfr(8, "214.1"), VSEC, "confirmed through a secondary copy",
)
R211_1_A2 = Citation(
    "8 CFR 211.1(a)(2) (absence of over one year: presumption that permanent residence was "
    "abandoned)",
    ecfr(8, "211.1"), VSEC, "USCIS guidance as summarised by IRB Canada, RIR USA105691 (2016)",
)
