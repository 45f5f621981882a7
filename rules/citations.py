"""The legal authorities the rules cite, each with the brief's verification mark."""

from dataclasses import dataclass
from enum import StrEnum


class Verification(StrEnum):
    """How far the brief's research verified a citation."""

    VERIFIED = "V"
    SECONDARY = "V-sec"
    UNVERIFIED = "UNVERIFIED"


@dataclass(frozen=True, slots=True)
class Citation:
    """One authority. Only official sources are cited; news reports are research notes."""

    label: str
    url: str | None
    verification: Verification
    note: str = ""

    @property
    def is_authority(self) -> bool:
        """An UNVERIFIED citation may be shown only as 'reported', never as authority."""
        return self.verification is not Verification.UNVERIFIED


V = Verification.VERIFIED
VSEC = Verification.SECONDARY
UNV = Verification.UNVERIFIED

FEC_VOLUNTEER = "https://www.fec.gov/help-candidates-and-committees/candidate-taking-receipts/volunteer-activity/"
FEC_TRAVEL = "https://www.fec.gov/help-candidates-and-committees/candidate-taking-receipts/travel/"
FEC_FOREIGN_HELP = "https://www.fec.gov/help-candidates-and-committees/foreign-nationals/"
CFR_110_20 = (
    "https://webarchive.library.unt.edu/eot2008/20090812234307/"
    "http://edocket.access.gpo.gov/cfr_2009/janqtr/11cfr110.20.htm"
)
USC_30121 = "https://projectusc.org/usc/t52/s30121.html"
USC_611 = "https://www.govregs.com/uscode/expand/title22_chapter11_subchapterII_section612"

S30121 = Citation("52 U.S.C. 30121 (foreign national contributions)", USC_30121, V)
S30121_A1 = Citation("52 U.S.C. 30121(a)(1)(A)-(B) (contributions and donations)", USC_30121, V)
S30121_A1C = Citation("52 U.S.C. 30121(a)(1)(C) (expenditures)", USC_30121, V)
S30121_A2 = Citation("52 U.S.C. 30121(a)(2) (soliciting, accepting or receiving)", USC_30121, V)
S30121_B = Citation("52 U.S.C. 30121(b) (definition of foreign national)", USC_30121, V)
S30121_B1 = Citation("52 U.S.C. 30121(b)(1) (foreign principal prong)", USC_30121, V)
S30121_B2 = Citation("52 U.S.C. 30121(b)(2) (individuals)", USC_30121, V)
R110_20_A3 = Citation("11 CFR 110.20(a)(3) (foreign national defined)", CFR_110_20, V)
R110_20_A4 = Citation(
    "11 CFR 110.20(a)(4) (knowingly; duty of reasonable inquiry)", CFR_110_20, V
)
R110_20_G = Citation(
    "11 CFR 110.20(g) (soliciting, accepting or receiving)",
    "https://www.fec.gov/updates/ao-2014-20-nonconnected-pac-may-accept-uncompensated-services-from-foreign-national-volunteers/",
    V,
)
R110_20_H = Citation(
    "11 CFR 110.20(h) (substantial assistance)", FEC_FOREIGN_HELP, VSEC,
    "paragraph letter verified through a secondary source",
)
R110_20_I = Citation(
    "11 CFR 110.20(i) (no participation in decision-making)", FEC_FOREIGN_HELP, V
)
USC_1101_A20 = Citation(
    "8 U.S.C. 1101(a)(20) (lawfully admitted for permanent residence)",
    "http://intelligencelaw.com/html-only/law_library/glossary/"
    "Lawfully_Admitted_for_Permanent_Residence.html",
    V,
)
USC_1101_A22 = Citation(
    "8 U.S.C. 1101(a)(22), 1408 (US nationals)", None, VSEC,
    "verified through a practitioner source",
)
USC_611_B = Citation("22 U.S.C. 611(b) (foreign principal)", USC_611, V)
USC_611_B2 = Citation("22 U.S.C. 611(b)(2) (persons outside the US)", USC_611, V)
USC_611_B3 = Citation("22 U.S.C. 611(b)(3) (foreign organisations)", USC_611, V)
USC_611_C = Citation("22 U.S.C. 611(c) (agent of a foreign principal)", USC_611, V)
CONTRIB_SERVICES = Citation(
    "Paid personal services are a contribution: 2 U.S.C. 431(8)(A)(ii) "
    "(now 52 U.S.C. 30101(8)(A)(ii)) and 11 CFR 100.54",
    "https://www.fec.gov/updates/ao-2007-08-encouraging-voluntary-performances-by-professional-entertainers-at-campaign-events/",
    V,
    "Title 52 renumbering of 431(8) not separately verified",
)
R100_54 = Citation("11 CFR 100.54 (compensation for personal services)", FEC_VOLUNTEER, V)
R100_54_LEAVE = Citation(
    "11 CFR 100.54 (bona fide vacation or other earned leave)", None, VSEC,
    "quoted by a secondary source; sub-paragraph letter not verified",
)
R100_74 = Citation(
    "11 CFR 100.74 (uncompensated volunteer services)",
    "https://lexbuild.dev/ecfr/title-11/chapter-I/part-100/section-100.74",
    V,
)
R100_79 = Citation(
    "11 CFR 100.79 (travel and subsistence)",
    "https://lexbuild.dev/ecfr/title-11/chapter-I/part-100/section-100.79",
    V,
)
R100_75_77 = Citation(
    "11 CFR 100.75 and 100.77 (volunteer's home; home hospitality)",
    "https://webarchive.library.unt.edu/eot2008/20090512220814/"
    "http://www.fec.gov/pages/brochures/volact.shtml",
    V,
)
R110_19 = Citation(
    "11 CFR 110.19 (contributions by minors)",
    "https://lexbuild.dev/ecfr/title-11/chapter-I/part-110/section-110.19",
    V,
)
USC_441B = Citation(
    "2 U.S.C. 441b (corporate and union contributions; now 52 U.S.C. 30118)",
    "http://codes.lp.findlaw.com/uscode/2/14/I/441b",
    V,
    "renumbering to 52 U.S.C. 30118 not separately verified",
)
FEC_VOLUNTEER_PAGE = Citation("FEC, Volunteer activity", FEC_VOLUNTEER, V)
FEC_VOLUNTEER_RECORD = Citation(
    "FEC Record, Volunteer activity (2009)", "https://www.fec.gov/updates/volunteer-activity/", V
)
FEC_TRAVEL_PAGE = Citation("FEC, Travel expenses paid by individuals", FEC_TRAVEL, V)
FEC_FOREIGN_RECORD = Citation(
    "FEC Record, Foreign nationals (2017)", "https://www.fec.gov/updates/foreign-nationals/", V
)
FEC_FOREIGN_PAGE = Citation("FEC, Foreign nationals", FEC_FOREIGN_HELP, V)
AO_1981_51 = Citation(
    "FEC AO 1981-51 (foreign artist's prints)", None, VSEC, "AO text not retrieved"
)
AO_1987_25 = Citation(
    "FEC AO 1987-25 (foreign student volunteer)", None, VSEC, "quoted by a secondary source"
)
AO_2004_26 = Citation(
    "FEC AO 2004-26 (foreign national volunteer; no decision-making)", None, VSEC,
    "quoted by a secondary source",
)
AO_2007_08 = Citation(
    "FEC AO 2007-08 (volunteer performances)",
    "https://www.fec.gov/updates/ao-2007-08-encouraging-voluntary-performances-by-professional-entertainers-at-campaign-events/",
    V,
)
AO_2007_22 = Citation(
    "FEC AO 2007-22 (volunteer and professional services from Canadian citizens; "
    "no donated foreign campaign materials)",
    "https://fec.gov/updates/ao-2007-22-campaign-committee-may-accept-volunteer-services-from-foreign-nationals",
    V,
)
AO_2007_22_SALARY = Citation(
    "FEC AO 2007-22, passage on paying Canadian staff", None, UNV,
    "exact passage not retrieved",
)
AO_2014_20 = Citation(
    "FEC AO 2014-20 (uncompensated foreign national volunteers; own equipment)",
    "https://www.fec.gov/updates/ao-2014-20-nonconnected-pac-may-accept-uncompensated-services-from-foreign-national-volunteers/",
    V,
)
AO_2015_14 = Citation(
    "FEC AO 2015-14 (general internship stipend is not a contribution)",
    "https://www.fec.gov/updates/ao-2015-14-internship-stipend-and-academic-credit-do-not-constitute-campaign-contributions/",
    V,
)
AO_2016_10 = Citation(
    "FEC AO 2016-10 (no knowing solicitation of foreign nationals)",
    "https://www.fec.gov/updates/ao-2016-10-us-citizen-residing-abroad-may-solicit-contributions-to-state-and-local-party-committees/",
    V,
)
MUR_7271 = Citation(
    "FEC conciliation agreement, Bernie 2016 / Australian Labor Party (2019): $24,422 in "
    "ALP-paid flights and stipends was a prohibited foreign in-kind contribution",
    None,
    VSEC,
    "reported from the conciliation agreement; MUR number 7271 not verified",
)
MUR_6093 = Citation(
    "FEC, MUR 6093 (Transurban; state and local contributions)",
    "https://scribd.com/document/104446216/FEC-Case-Summary",
    V,
)
ELTON_JOHN = Citation(
    "FEC, Elton John / Clinton 2008 concert (2009): a volunteer performance is not a "
    "contribution",
    None,
    VSEC,
    "reported; MUR number not verified",
)
APIC = Citation(
    "FEC, American Pacific International Capital / Right to Rise USA (2019): foreign "
    "nationals' decision-making",
    None,
    VSEC,
    "reported; MUR number not verified",
)
TRUMP_COMPLAINT = Citation(
    "Complaint to the FEC, Trump campaign v. UK Labour Party (Oct 21, 2024): unresolved",
    None,
    VSEC,
    "allegations only; outcome not found",
)
CAMBRIDGE_ANALYTICA = Citation(
    "Complaint to the FEC and DOJ about Cambridge Analytica's foreign staff (2018)",
    None,
    VSEC,
    "allegations only; outcome not found",
)
BALLOT_MEASURES = Citation(
    "FEC position that 52 U.S.C. 30121 does not reach state ballot measures; at least 19 "
    "states ban foreign money in them",
    None,
    VSEC,
    "reported by practitioner sources",
)
EMBASSY_UNPAID_WORK = Citation(
    "US Embassy Germany, \"Unpaid work is work\"",
    "https://de.usembassy.gov/unpaid-work-is-work-make-sure-you-have-the-correct-visa/",
    V,
)
FAM_B1_VOLUNTEER = Citation(
    "9 FAM 402.2-5(C)(2) (B-1 volunteers)", None, VSEC, "verified through a secondary source"
)

# --- ruleset 2 citations (amendment 1) ---
ECFR = "https://www.ecfr.gov/current/title-{title}/section-{section}"
MUR_7523 = Citation(
    "FEC MUR 7523 (Stop I-186 / Sandfire Resources; dismissed 2021: spending on a ballot "
    "initiative alone is generally outside the Act)",
    "https://www.fec.gov/data/legal/matter-under-review/7523/", VSEC)
AO_2024_05 = Citation(
    "FEC AO 2024-05 (Nevadans for Reproductive Freedom: ballot measures are not elections "
    "under FECA)", "https://www.fec.gov/data/legal/advisory-opinions/2024-05/", VSEC)
AO_2010_11 = Citation(
    "FEC AO 2010-11 (an independent-expenditure-only committee may accept unlimited "
    "corporate and union contributions)",
    "https://www.fec.gov/data/legal/advisory-opinions/2010-11/", V)
S30118_A = Citation("52 U.S.C. 30118(a) (corporations and unions)",
                    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title52-"
                    "section30118&num=0&edition=prelim", V)
R100_52_A = Citation("11 CFR 100.52(a) (contribution: anything of value for the purpose of "
                     "influencing a federal election)", ECFR.format(title=11, section="100.52"), V)
R100_79_A = Citation("11 CFR 100.79(a) (travel: $1,000 per candidate per election; $2,000 a "
                     "calendar year for a party's committees)",
                     ECFR.format(title=11, section="100.79"), V)
FEC_PARTY_ADVANCES = Citation(
    "FEC, Advances of personal funds (party travel up to $2,000 a calendar year)",
    "https://www.fec.gov/help-candidates-and-committees/handling-political-party-loans-debts-"
    "and-advances/advances-personal-funds/", V)
FEC_PAC_TRAVEL = Citation(
    "FEC, Travel on behalf of a nonconnected PAC",
    "https://www.fec.gov/help-candidates-and-committees/making-disbursements-pac/"
    "travel-nonconnected-pac/", V)
R116_5_B = Citation("11 CFR 116.5(b) (travel advances by committee staff and volunteers)",
                    ECFR.format(title=11, section="116.5"), UNV)
R110_20_A2 = Citation("11 CFR 110.20(a)(2) (donation, as in 11 CFR 300.2(e))",
                      ECFR.format(title=11, section="110.20"), V)
R106_3 = Citation("11 CFR 106.3 (allocating mixed campaign and non-campaign travel)",
                  ECFR.format(title=11, section="106.3"), VSEC)
FAM_402_2_2_B = Citation(
    "9 FAM 402.2-2(B) (visitors must seek admission for the sole purpose of business or "
    "pleasure)", "https://fam.state.gov/fam/09FAM/09FAM040202.html", V)
R214_1_E = Citation("8 CFR 214.1(e) (a nonimmigrant may not engage in unauthorised "
                    "employment)", ECFR.format(title=8, section="214.1"), VSEC)
R211_1_A2 = Citation("8 CFR 211.1(a)(2) (absence of over a year and abandonment of "
                     "permanent residence)", ECFR.format(title=8, section="211.1"), VSEC)
S30121_A1A = Citation("52 U.S.C. 30121(a)(1)(A) (any other thing of value, in connection "
                      "with a Federal, State, or local election)", USC_30121, V)
BELLOTTI = Citation("First National Bank of Boston v. Bellotti, 435 U.S. 765 (1978)", None,
                    VSEC)
