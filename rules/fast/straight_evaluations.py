"""Written by rules/fast/straight_line.py: the tables' straight-line evaluations."""

# Do not edit: rules/fast/straight_line.py writes this file, and tests/rules/test_fast_paths.py
# checks it is current and that every evaluation equals rules.engine.outcome rule by rule.

from rules.catalogue import RULE_BY_ID
from rules.facts import Facts
from rules.fast import memo
from rules.fast.straight_line import NOTHING, SHOWN_COLOUR, Evaluator, Outcome, Signature

R01 = RULE_BY_ID["R01"].trigger
RULE_R01 = RULE_BY_ID["R01"]
R02 = RULE_BY_ID["R02"].trigger
RULE_R02 = RULE_BY_ID["R02"]
R03 = RULE_BY_ID["R03"].trigger
RULE_R03 = RULE_BY_ID["R03"]
R04 = RULE_BY_ID["R04"].trigger
RULE_R04 = RULE_BY_ID["R04"]
R05 = RULE_BY_ID["R05"].trigger
RULE_R05 = RULE_BY_ID["R05"]
R06 = RULE_BY_ID["R06"].trigger
RULE_R06 = RULE_BY_ID["R06"]
R07 = RULE_BY_ID["R07"].trigger
RULE_R07 = RULE_BY_ID["R07"]
R08 = RULE_BY_ID["R08"].trigger
RULE_R08 = RULE_BY_ID["R08"]
R09 = RULE_BY_ID["R09"].trigger
RULE_R09 = RULE_BY_ID["R09"]
R10 = RULE_BY_ID["R10"].trigger
RULE_R10 = RULE_BY_ID["R10"]
R11 = RULE_BY_ID["R11"].trigger
RULE_R11 = RULE_BY_ID["R11"]
R12 = RULE_BY_ID["R12"].trigger
RULE_R12 = RULE_BY_ID["R12"]
R13 = RULE_BY_ID["R13"].trigger
RULE_R13 = RULE_BY_ID["R13"]
R14 = RULE_BY_ID["R14"].trigger
RULE_R14 = RULE_BY_ID["R14"]
R15 = RULE_BY_ID["R15"].trigger
RULE_R15 = RULE_BY_ID["R15"]
R16 = RULE_BY_ID["R16"].trigger
RULE_R16 = RULE_BY_ID["R16"]
R17 = RULE_BY_ID["R17"].trigger
RULE_R17 = RULE_BY_ID["R17"]
R18 = RULE_BY_ID["R18"].trigger
RULE_R18 = RULE_BY_ID["R18"]
R19 = RULE_BY_ID["R19"].trigger
RULE_R19 = RULE_BY_ID["R19"]
R20 = RULE_BY_ID["R20"].trigger
RULE_R20 = RULE_BY_ID["R20"]
R21 = RULE_BY_ID["R21"].trigger
RULE_R21 = RULE_BY_ID["R21"]
R22 = RULE_BY_ID["R22"].trigger
RULE_R22 = RULE_BY_ID["R22"]
R23 = RULE_BY_ID["R23"].trigger
RULE_R23 = RULE_BY_ID["R23"]
R24 = RULE_BY_ID["R24"].trigger
RULE_R24 = RULE_BY_ID["R24"]
R25 = RULE_BY_ID["R25"].trigger
RULE_R25 = RULE_BY_ID["R25"]
R26 = RULE_BY_ID["R26"].trigger
RULE_R26 = RULE_BY_ID["R26"]
R27 = RULE_BY_ID["R27"].trigger
RULE_R27 = RULE_BY_ID["R27"]
R28 = RULE_BY_ID["R28"].trigger
RULE_R28 = RULE_BY_ID["R28"]
R29 = RULE_BY_ID["R29"].trigger
RULE_R29 = RULE_BY_ID["R29"]
R30 = RULE_BY_ID["R30"].trigger
RULE_R30 = RULE_BY_ID["R30"]
R31 = RULE_BY_ID["R31"].trigger
RULE_R31 = RULE_BY_ID["R31"]
R32 = RULE_BY_ID["R32"].trigger
RULE_R32 = RULE_BY_ID["R32"]
R33 = RULE_BY_ID["R33"].trigger
RULE_R33 = RULE_BY_ID["R33"]
R34 = RULE_BY_ID["R34"].trigger
RULE_R34 = RULE_BY_ID["R34"]
R35 = RULE_BY_ID["R35"].trigger
RULE_R35 = RULE_BY_ID["R35"]
R36 = RULE_BY_ID["R36"].trigger
RULE_R36 = RULE_BY_ID["R36"]
R37 = RULE_BY_ID["R37"].trigger
RULE_R37 = RULE_BY_ID["R37"]
R38 = RULE_BY_ID["R38"].trigger
RULE_R38 = RULE_BY_ID["R38"]
R39 = RULE_BY_ID["R39"].trigger
RULE_R39 = RULE_BY_ID["R39"]
R40 = RULE_BY_ID["R40"].trigger
RULE_R40 = RULE_BY_ID["R40"]
R41 = RULE_BY_ID["R41"].trigger
RULE_R41 = RULE_BY_ID["R41"]
R42 = RULE_BY_ID["R42"].trigger
RULE_R42 = RULE_BY_ID["R42"]
R43 = RULE_BY_ID["R43"].trigger
RULE_R43 = RULE_BY_ID["R43"]
R44 = RULE_BY_ID["R44"].trigger
RULE_R44 = RULE_BY_ID["R44"]
R45 = RULE_BY_ID["R45"].trigger
RULE_R45 = RULE_BY_ID["R45"]
R46 = RULE_BY_ID["R46"].trigger
RULE_R46 = RULE_BY_ID["R46"]
R47 = RULE_BY_ID["R47"].trigger
RULE_R47 = RULE_BY_ID["R47"]
R48 = RULE_BY_ID["R48"].trigger
RULE_R48 = RULE_BY_ID["R48"]
R49 = RULE_BY_ID["R49"].trigger
RULE_R49 = RULE_BY_ID["R49"]
R50 = RULE_BY_ID["R50"].trigger
RULE_R50 = RULE_BY_ID["R50"]
R51 = RULE_BY_ID["R51"].trigger
RULE_R51 = RULE_BY_ID["R51"]
R52 = RULE_BY_ID["R52"].trigger
RULE_R52 = RULE_BY_ID["R52"]
R53 = RULE_BY_ID["R53"].trigger
RULE_R53 = RULE_BY_ID["R53"]
R54 = RULE_BY_ID["R54"].trigger
RULE_R54 = RULE_BY_ID["R54"]
R55 = RULE_BY_ID["R55"].trigger
RULE_R55 = RULE_BY_ID["R55"]
R56 = RULE_BY_ID["R56"].trigger
RULE_R56 = RULE_BY_ID["R56"]
R57 = RULE_BY_ID["R57"].trigger
RULE_R57 = RULE_BY_ID["R57"]
R58 = RULE_BY_ID["R58"].trigger
RULE_R58 = RULE_BY_ID["R58"]
R59 = RULE_BY_ID["R59"].trigger
RULE_R59 = RULE_BY_ID["R59"]
R60 = RULE_BY_ID["R60"].trigger
RULE_R60 = RULE_BY_ID["R60"]
R61 = RULE_BY_ID["R61"].trigger
RULE_R61 = RULE_BY_ID["R61"]
R62 = RULE_BY_ID["R62"].trigger
RULE_R62 = RULE_BY_ID["R62"]
R63 = RULE_BY_ID["R63"].trigger
RULE_R63 = RULE_BY_ID["R63"]
R64 = RULE_BY_ID["R64"].trigger
RULE_R64 = RULE_BY_ID["R64"]
R65 = RULE_BY_ID["R65"].trigger
RULE_R65 = RULE_BY_ID["R65"]
R66 = RULE_BY_ID["R66"].trigger
RULE_R66 = RULE_BY_ID["R66"]
R67 = RULE_BY_ID["R67"].trigger
RULE_R67 = RULE_BY_ID["R67"]
R68 = RULE_BY_ID["R68"].trigger
RULE_R68 = RULE_BY_ID["R68"]
R69 = RULE_BY_ID["R69"].trigger
RULE_R69 = RULE_BY_ID["R69"]
R70 = RULE_BY_ID["R70"].trigger
RULE_R70 = RULE_BY_ID["R70"]
R71 = RULE_BY_ID["R71"].trigger
RULE_R71 = RULE_BY_ID["R71"]
R72 = RULE_BY_ID["R72"].trigger
RULE_R72 = RULE_BY_ID["R72"]
R73 = RULE_BY_ID["R73"].trigger
RULE_R73 = RULE_BY_ID["R73"]
R74 = RULE_BY_ID["R74"].trigger
RULE_R74 = RULE_BY_ID["R74"]
R75 = RULE_BY_ID["R75"].trigger
RULE_R75 = RULE_BY_ID["R75"]
R76 = RULE_BY_ID["R76"].trigger
RULE_R76 = RULE_BY_ID["R76"]
R77 = RULE_BY_ID["R77"].trigger
RULE_R77 = RULE_BY_ID["R77"]
R78 = RULE_BY_ID["R78"].trigger
RULE_R78 = RULE_BY_ID["R78"]
R79 = RULE_BY_ID["R79"].trigger
RULE_R79 = RULE_BY_ID["R79"]
R80 = RULE_BY_ID["R80"].trigger
RULE_R80 = RULE_BY_ID["R80"]
R81 = RULE_BY_ID["R81"].trigger
RULE_R81 = RULE_BY_ID["R81"]
R82 = RULE_BY_ID["R82"].trigger
RULE_R82 = RULE_BY_ID["R82"]
R83 = RULE_BY_ID["R83"].trigger
RULE_R83 = RULE_BY_ID["R83"]
R84 = RULE_BY_ID["R84"].trigger
RULE_R84 = RULE_BY_ID["R84"]
R85 = RULE_BY_ID["R85"].trigger
RULE_R85 = RULE_BY_ID["R85"]
R86 = RULE_BY_ID["R86"].trigger
RULE_R86 = RULE_BY_ID["R86"]
R87 = RULE_BY_ID["R87"].trigger
RULE_R87 = RULE_BY_ID["R87"]
R88 = RULE_BY_ID["R88"].trigger
RULE_R88 = RULE_BY_ID["R88"]
R89 = RULE_BY_ID["R89"].trigger
RULE_R89 = RULE_BY_ID["R89"]
R91 = RULE_BY_ID["R91"].trigger
RULE_R91 = RULE_BY_ID["R91"]
R92 = RULE_BY_ID["R92"].trigger
RULE_R92 = RULE_BY_ID["R92"]


def evaluate_0(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R05(f):
        codes.append(36)
        if rank < 2:
            rank = 2
    if R07(f):
        codes.append(37)
        if rank < 2:
            rank = 2
    if R71(f):
        codes.append(57)
        if rank < 2:
            rank = 2
    if R91(f):
        codes.append(72)
        if rank < 2:
            rank = 2
    if R01(f):
        codes.append(73)
        if rank < 1:
            rank = 1
    if R02(f):
        codes.append(74)
        if rank < 1:
            rank = 1
    if R03(f):
        codes.append(75)
        if rank < 1:
            rank = 1
    if R04(f):
        codes.append(94)
        if rank < 0:
            rank = 0
    if R06(f):
        codes.append(95)
        if rank < 0:
            rank = 0
    if R85(f):
        codes.append(110)
        if rank < 0:
            rank = 0
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_1(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R71(f):
        codes.append(57)
        if rank < 2:
            rank = 2
    if R91(f):
        codes.append(72)
        if rank < 2:
            rank = 2
    if R01(f):
        codes.append(73)
        if rank < 1:
            rank = 1
    if R02(f):
        codes.append(74)
        if rank < 1:
            rank = 1
    if R03(f):
        codes.append(75)
        if rank < 1:
            rank = 1
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_2(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R09(f):
        codes.append(38)
        if rank < 2:
            rank = 2
    if R84(f):
        codes.append(61)
        if rank < 2:
            rank = 2
    if R10(f):
        codes.append(64)
        if rank < 2:
            rank = 2
    if R08(f):
        codes.append(96)
        if rank < 0:
            rank = 0
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_3(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R10(f):
        codes.append(64)
        if rank < 2:
            rank = 2
    if R08(f):
        codes.append(96)
        if rank < 0:
            rank = 0
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_4(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R84(f):
        codes.append(61)
        if rank < 2:
            rank = 2
    if R10(f):
        codes.append(64)
        if rank < 2:
            rank = 2
    if R77(f):
        codes.append(69)
        if rank < 2:
            rank = 2
    if R08(f):
        codes.append(96)
        if rank < 0:
            rank = 0
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_5(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R10(f):
        codes.append(64)
        if rank < 2:
            rank = 2
    if R78(f):
        codes.append(70)
        if rank < 2:
            rank = 2
    if R08(f):
        codes.append(96)
        if rank < 0:
            rank = 0
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_6(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R11(f):
        codes.append(76)
        if rank < 1:
            rank = 1
    if R12(f):
        codes.append(0)
        if rank < 3:
            rank = 3
    if R13(f):
        codes.append(1)
        if rank < 3:
            rank = 3
    if R14(f):
        codes.append(77)
        if rank < 1:
            rank = 1
    if R15(f):
        codes.append(78)
        if rank < 1:
            rank = 1
    if R16(f):
        codes.append(39)
        if rank < 2:
            rank = 2
    if R17(f):
        code, shown = memo.fired_code(RULE_R17, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R18(f):
        codes.append(79)
        if rank < 1:
            rank = 1
    if R19(f):
        codes.append(41)
        if rank < 2:
            rank = 2
    if R20(f):
        codes.append(19)
        if rank < 2:
            rank = 2
    if R21(f):
        codes.append(3)
        if rank < 3:
            rank = 3
    if R22(f):
        code, shown = memo.fired_code(RULE_R22, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R23(f):
        codes.append(43)
        if rank < 2:
            rank = 2
    if R24(f):
        codes.append(80)
        if rank < 1:
            rank = 1
    if R25(f):
        code, shown = memo.fired_code(RULE_R25, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R26(f):
        codes.append(44)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_7(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R11(f):
        codes.append(76)
        if rank < 1:
            rank = 1
    if R14(f):
        codes.append(77)
        if rank < 1:
            rank = 1
    if R15(f):
        codes.append(78)
        if rank < 1:
            rank = 1
    if R16(f):
        codes.append(39)
        if rank < 2:
            rank = 2
    if R17(f):
        code, shown = memo.fired_code(RULE_R17, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R18(f):
        codes.append(79)
        if rank < 1:
            rank = 1
    if R19(f):
        codes.append(41)
        if rank < 2:
            rank = 2
    if R20(f):
        codes.append(19)
        if rank < 2:
            rank = 2
    if R22(f):
        code, shown = memo.fired_code(RULE_R22, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R23(f):
        codes.append(43)
        if rank < 2:
            rank = 2
    if R24(f):
        codes.append(80)
        if rank < 1:
            rank = 1
    if R25(f):
        code, shown = memo.fired_code(RULE_R25, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R26(f):
        codes.append(44)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_8(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R27(f):
        codes.append(82)
        if rank < 1:
            rank = 1
    if R28(f):
        codes.append(20)
        if rank < 2:
            rank = 2
    if R30(f):
        codes.append(45)
        if rank < 2:
            rank = 2
    if R31(f):
        codes.append(5)
        if rank < 3:
            rank = 3
    if R32(f):
        codes.append(6)
        if rank < 3:
            rank = 3
    if R33(f):
        codes.append(7)
        if rank < 3:
            rank = 3
    if R34(f):
        codes.append(21)
        if rank < 2:
            rank = 2
    if R35(f):
        codes.append(46)
        if rank < 2:
            rank = 2
    if R36(f):
        codes.append(83)
        if rank < 1:
            rank = 1
    if R37(f):
        codes.append(47)
        if rank < 2:
            rank = 2
    if R38(f):
        code, shown = memo.fired_code(RULE_R38, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R39(f):
        codes.append(22)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_9(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R27(f):
        codes.append(82)
        if rank < 1:
            rank = 1
    if R29(f):
        codes.append(99)
        if rank < 0:
            rank = 0
    if R31(f):
        codes.append(5)
        if rank < 3:
            rank = 3
    if R32(f):
        codes.append(6)
        if rank < 3:
            rank = 3
    if R33(f):
        codes.append(7)
        if rank < 3:
            rank = 3
    if R34(f):
        codes.append(21)
        if rank < 2:
            rank = 2
    if R35(f):
        codes.append(46)
        if rank < 2:
            rank = 2
    if R36(f):
        codes.append(83)
        if rank < 1:
            rank = 1
    if R37(f):
        codes.append(47)
        if rank < 2:
            rank = 2
    if R38(f):
        code, shown = memo.fired_code(RULE_R38, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R39(f):
        codes.append(22)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_10(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R31(f):
        codes.append(5)
        if rank < 3:
            rank = 3
    if R32(f):
        codes.append(6)
        if rank < 3:
            rank = 3
    if R33(f):
        codes.append(7)
        if rank < 3:
            rank = 3
    if R34(f):
        codes.append(21)
        if rank < 2:
            rank = 2
    if R35(f):
        codes.append(46)
        if rank < 2:
            rank = 2
    if R36(f):
        codes.append(83)
        if rank < 1:
            rank = 1
    if R37(f):
        codes.append(47)
        if rank < 2:
            rank = 2
    if R38(f):
        code, shown = memo.fired_code(RULE_R38, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R39(f):
        codes.append(22)
        if rank < 2:
            rank = 2
    if R79(f):
        code, shown = memo.fired_code(RULE_R79, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R81(f):
        codes.append(59)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_11(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R31(f):
        codes.append(5)
        if rank < 3:
            rank = 3
    if R32(f):
        codes.append(6)
        if rank < 3:
            rank = 3
    if R33(f):
        codes.append(7)
        if rank < 3:
            rank = 3
    if R34(f):
        codes.append(21)
        if rank < 2:
            rank = 2
    if R35(f):
        codes.append(46)
        if rank < 2:
            rank = 2
    if R36(f):
        codes.append(83)
        if rank < 1:
            rank = 1
    if R37(f):
        codes.append(47)
        if rank < 2:
            rank = 2
    if R38(f):
        code, shown = memo.fired_code(RULE_R38, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R39(f):
        codes.append(22)
        if rank < 2:
            rank = 2
    if R80(f):
        codes.append(58)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_12(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R34(f):
        codes.append(21)
        if rank < 2:
            rank = 2
    if R35(f):
        codes.append(46)
        if rank < 2:
            rank = 2
    if R36(f):
        codes.append(83)
        if rank < 1:
            rank = 1
    if R37(f):
        codes.append(47)
        if rank < 2:
            rank = 2
    if R38(f):
        code, shown = memo.fired_code(RULE_R38, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R39(f):
        codes.append(22)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_13(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R40(f):
        codes.append(49)
        if rank < 2:
            rank = 2
    if R89(f):
        code, shown = memo.fired_code(RULE_R89, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_14(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R41(f):
        codes.append(84)
        if rank < 1:
            rank = 1
    if R42(f):
        codes.append(85)
        if rank < 1:
            rank = 1
    if R43(f):
        codes.append(86)
        if rank < 1:
            rank = 1
    if R44(f):
        codes.append(9)
        if rank < 3:
            rank = 3
    if R45(f):
        codes.append(50)
        if rank < 2:
            rank = 2
    if R46(f):
        codes.append(87)
        if rank < 1:
            rank = 1
    if R47(f):
        codes.append(51)
        if rank < 2:
            rank = 2
    if R48(f):
        code, shown = memo.fired_code(RULE_R48, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R49(f):
        codes.append(23)
        if rank < 2:
            rank = 2
    if R88(f):
        codes.append(62)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_15(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R41(f):
        codes.append(84)
        if rank < 1:
            rank = 1
    if R42(f):
        codes.append(85)
        if rank < 1:
            rank = 1
    if R43(f):
        codes.append(86)
        if rank < 1:
            rank = 1
    if R45(f):
        codes.append(50)
        if rank < 2:
            rank = 2
    if R46(f):
        codes.append(87)
        if rank < 1:
            rank = 1
    if R47(f):
        codes.append(51)
        if rank < 2:
            rank = 2
    if R48(f):
        code, shown = memo.fired_code(RULE_R48, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R49(f):
        codes.append(23)
        if rank < 2:
            rank = 2
    if R88(f):
        codes.append(62)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_16(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R50(f):
        codes.append(88)
        if rank < 1:
            rank = 1
    if R51(f):
        codes.append(89)
        if rank < 1:
            rank = 1
    if R52(f):
        code, shown = memo.fired_code(RULE_R52, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R53(f):
        codes.append(53)
        if rank < 2:
            rank = 2
    if R54(f):
        codes.append(25)
        if rank < 2:
            rank = 2
    if R55(f):
        codes.append(90)
        if rank < 1:
            rank = 1
    if R56(f):
        codes.append(54)
        if rank < 2:
            rank = 2
    if R57(f):
        codes.append(55)
        if rank < 2:
            rank = 2
    if R58(f):
        codes.append(12)
        if rank < 3:
            rank = 3
    if R59(f):
        codes.append(91)
        if rank < 1:
            rank = 1
    if R60(f):
        codes.append(66)
        if rank < 2:
            rank = 2
    if R61(f):
        codes.append(92)
        if rank < 1:
            rank = 1
    if R62(f):
        code, shown = memo.fired_code(RULE_R62, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R63(f):
        codes.append(67)
        if rank < 2:
            rank = 2
    if R86(f):
        codes.append(71)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_17(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R50(f):
        codes.append(88)
        if rank < 1:
            rank = 1
    if R51(f):
        codes.append(89)
        if rank < 1:
            rank = 1
    if R52(f):
        codes.append(11)
        if rank < 3:
            rank = 3
    if R53(f):
        codes.append(53)
        if rank < 2:
            rank = 2
    if R54(f):
        codes.append(25)
        if rank < 2:
            rank = 2
    if R55(f):
        codes.append(90)
        if rank < 1:
            rank = 1
    if R56(f):
        codes.append(54)
        if rank < 2:
            rank = 2
    if R57(f):
        codes.append(55)
        if rank < 2:
            rank = 2
    if R58(f):
        codes.append(12)
        if rank < 3:
            rank = 3
    if R59(f):
        codes.append(91)
        if rank < 1:
            rank = 1
    if R60(f):
        codes.append(66)
        if rank < 2:
            rank = 2
    if R61(f):
        codes.append(92)
        if rank < 1:
            rank = 1
    if R62(f):
        code, shown = memo.fired_code(RULE_R62, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R63(f):
        codes.append(67)
        if rank < 2:
            rank = 2
    if R86(f):
        codes.append(71)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_18(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R54(f):
        codes.append(25)
        if rank < 2:
            rank = 2
    if R53(f):
        codes.append(53)
        if rank < 2:
            rank = 2
    if R56(f):
        codes.append(54)
        if rank < 2:
            rank = 2
    if R57(f):
        codes.append(55)
        if rank < 2:
            rank = 2
    if R60(f):
        codes.append(66)
        if rank < 2:
            rank = 2
    if R63(f):
        codes.append(67)
        if rank < 2:
            rank = 2
    if R86(f):
        codes.append(71)
        if rank < 2:
            rank = 2
    if R50(f):
        codes.append(88)
        if rank < 1:
            rank = 1
    if R51(f):
        codes.append(89)
        if rank < 1:
            rank = 1
    if R55(f):
        codes.append(90)
        if rank < 1:
            rank = 1
    if R59(f):
        codes.append(91)
        if rank < 1:
            rank = 1
    if R61(f):
        codes.append(92)
        if rank < 1:
            rank = 1
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_19(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R58(f):
        codes.append(12)
        if rank < 3:
            rank = 3
    if R62(f):
        code, shown = memo.fired_code(RULE_R62, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_20(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R64(f):
        code, shown = memo.fired_code(RULE_R64, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R65(f):
        code, shown = memo.fired_code(RULE_R65, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R66(f):
        codes.append(16)
        if rank < 3:
            rank = 3
    if R67(f):
        codes.append(17)
        if rank < 3:
            rank = 3
    if R68(f):
        code, shown = memo.fired_code(RULE_R68, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R69(f):
        codes.append(93)
        if rank < 1:
            rank = 1
    if R70(f):
        codes.append(56)
        if rank < 2:
            rank = 2
    if R92(f):
        codes.append(35)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_21(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R64(f):
        code, shown = memo.fired_code(RULE_R64, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R65(f):
        code, shown = memo.fired_code(RULE_R65, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R66(f):
        codes.append(16)
        if rank < 3:
            rank = 3
    if R67(f):
        codes.append(17)
        if rank < 3:
            rank = 3
    if R68(f):
        code, shown = memo.fired_code(RULE_R68, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R92(f):
        codes.append(35)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_22(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R92(f):
        codes.append(35)
        if rank < 2:
            rank = 2
    if R69(f):
        codes.append(93)
        if rank < 1:
            rank = 1
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_23(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R73(f):
        codes.append(30)
        if rank < 2:
            rank = 2
    if R74(f):
        codes.append(31)
        if rank < 2:
            rank = 2
    if R75(f):
        codes.append(68)
        if rank < 2:
            rank = 2
    if R72(f):
        codes.append(106)
        if rank < 0:
            rank = 0
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_24(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R76(f):
        codes.append(107)
        if rank < 0:
            rank = 0
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_25(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R82(f):
        code, shown = memo.fired_code(RULE_R82, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_26(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R82(f):
        code, shown = memo.fired_code(RULE_R82, f)
        codes.append(code)
        if shown > rank:
            rank = shown
    if R83(f):
        codes.append(33)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    codes.sort()
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_27(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R87(f):
        codes.append(34)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


def evaluate_28(f: Facts) -> Outcome:
    codes: list[int] = []
    rank = -1
    if R92(f):
        codes.append(35)
        if rank < 2:
            rank = 2
    if not codes:
        return NOTHING
    return tuple(codes), SHOWN_COLOUR[rank]


EVALUATIONS: dict[Signature, Evaluator] = {
    (
        ('R01', 73, 1, False),
        ('R02', 74, 1, False),
        ('R03', 75, 1, False),
        ('R04', 94, 0, False),
        ('R05', 36, 2, False),
        ('R06', 95, 0, False),
        ('R07', 37, 2, False),
        ('R71', 57, 2, False),
        ('R85', 110, 0, False),
        ('R91', 72, 2, False),
    ): evaluate_0,
    (
        ('R01', 73, 1, False),
        ('R02', 74, 1, False),
        ('R03', 75, 1, False),
        ('R71', 57, 2, False),
        ('R91', 72, 2, False),
    ): evaluate_1,
    (
        ('R08', 96, 0, False),
        ('R09', 38, 2, False),
        ('R10', 64, 2, False),
        ('R84', 61, 2, False),
    ): evaluate_2,
    (
        ('R08', 96, 0, False),
        ('R10', 64, 2, False),
    ): evaluate_3,
    (
        ('R08', 96, 0, False),
        ('R10', 64, 2, False),
        ('R77', 69, 2, False),
        ('R84', 61, 2, False),
    ): evaluate_4,
    (
        ('R08', 96, 0, False),
        ('R10', 64, 2, False),
        ('R78', 70, 2, False),
    ): evaluate_5,
    (
        ('R11', 76, 1, False),
        ('R12', 0, 3, False),
        ('R13', 1, 3, False),
        ('R14', 77, 1, False),
        ('R15', 78, 1, False),
        ('R16', 39, 2, False),
        ('R17', -1, -1, True),
        ('R18', 79, 1, False),
        ('R19', 41, 2, False),
        ('R20', 19, 2, False),
        ('R21', 3, 3, False),
        ('R22', -1, -1, True),
        ('R23', 43, 2, False),
        ('R24', 80, 1, False),
        ('R25', -1, -1, True),
        ('R26', 44, 2, False),
    ): evaluate_6,
    (
        ('R11', 76, 1, False),
        ('R14', 77, 1, False),
        ('R15', 78, 1, False),
        ('R16', 39, 2, False),
        ('R17', -1, -1, True),
        ('R18', 79, 1, False),
        ('R19', 41, 2, False),
        ('R20', 19, 2, False),
        ('R22', -1, -1, True),
        ('R23', 43, 2, False),
        ('R24', 80, 1, False),
        ('R25', -1, -1, True),
        ('R26', 44, 2, False),
    ): evaluate_7,
    (
        ('R27', 82, 1, False),
        ('R28', 20, 2, False),
        ('R30', 45, 2, False),
        ('R31', 5, 3, False),
        ('R32', 6, 3, False),
        ('R33', 7, 3, False),
        ('R34', 21, 2, False),
        ('R35', 46, 2, False),
        ('R36', 83, 1, False),
        ('R37', 47, 2, False),
        ('R38', -1, -1, True),
        ('R39', 22, 2, False),
    ): evaluate_8,
    (
        ('R27', 82, 1, False),
        ('R29', 99, 0, False),
        ('R31', 5, 3, False),
        ('R32', 6, 3, False),
        ('R33', 7, 3, False),
        ('R34', 21, 2, False),
        ('R35', 46, 2, False),
        ('R36', 83, 1, False),
        ('R37', 47, 2, False),
        ('R38', -1, -1, True),
        ('R39', 22, 2, False),
    ): evaluate_9,
    (
        ('R31', 5, 3, False),
        ('R32', 6, 3, False),
        ('R33', 7, 3, False),
        ('R34', 21, 2, False),
        ('R35', 46, 2, False),
        ('R36', 83, 1, False),
        ('R37', 47, 2, False),
        ('R38', -1, -1, True),
        ('R39', 22, 2, False),
        ('R79', -1, -1, True),
        ('R81', 59, 2, False),
    ): evaluate_10,
    (
        ('R31', 5, 3, False),
        ('R32', 6, 3, False),
        ('R33', 7, 3, False),
        ('R34', 21, 2, False),
        ('R35', 46, 2, False),
        ('R36', 83, 1, False),
        ('R37', 47, 2, False),
        ('R38', -1, -1, True),
        ('R39', 22, 2, False),
        ('R80', 58, 2, False),
    ): evaluate_11,
    (
        ('R34', 21, 2, False),
        ('R35', 46, 2, False),
        ('R36', 83, 1, False),
        ('R37', 47, 2, False),
        ('R38', -1, -1, True),
        ('R39', 22, 2, False),
    ): evaluate_12,
    (
        ('R40', 49, 2, False),
        ('R89', -1, -1, True),
    ): evaluate_13,
    (
        ('R41', 84, 1, False),
        ('R42', 85, 1, False),
        ('R43', 86, 1, False),
        ('R44', 9, 3, False),
        ('R45', 50, 2, False),
        ('R46', 87, 1, False),
        ('R47', 51, 2, False),
        ('R48', -1, -1, True),
        ('R49', 23, 2, False),
        ('R88', 62, 2, False),
    ): evaluate_14,
    (
        ('R41', 84, 1, False),
        ('R42', 85, 1, False),
        ('R43', 86, 1, False),
        ('R45', 50, 2, False),
        ('R46', 87, 1, False),
        ('R47', 51, 2, False),
        ('R48', -1, -1, True),
        ('R49', 23, 2, False),
        ('R88', 62, 2, False),
    ): evaluate_15,
    (
        ('R50', 88, 1, False),
        ('R51', 89, 1, False),
        ('R52', -1, -1, True),
        ('R53', 53, 2, False),
        ('R54', 25, 2, False),
        ('R55', 90, 1, False),
        ('R56', 54, 2, False),
        ('R57', 55, 2, False),
        ('R58', 12, 3, False),
        ('R59', 91, 1, False),
        ('R60', 66, 2, False),
        ('R61', 92, 1, False),
        ('R62', -1, -1, True),
        ('R63', 67, 2, False),
        ('R86', 71, 2, False),
    ): evaluate_16,
    (
        ('R50', 88, 1, False),
        ('R51', 89, 1, False),
        ('R52', 11, 3, False),
        ('R53', 53, 2, False),
        ('R54', 25, 2, False),
        ('R55', 90, 1, False),
        ('R56', 54, 2, False),
        ('R57', 55, 2, False),
        ('R58', 12, 3, False),
        ('R59', 91, 1, False),
        ('R60', 66, 2, False),
        ('R61', 92, 1, False),
        ('R62', -1, -1, True),
        ('R63', 67, 2, False),
        ('R86', 71, 2, False),
    ): evaluate_17,
    (
        ('R50', 88, 1, False),
        ('R51', 89, 1, False),
        ('R53', 53, 2, False),
        ('R54', 25, 2, False),
        ('R55', 90, 1, False),
        ('R56', 54, 2, False),
        ('R57', 55, 2, False),
        ('R59', 91, 1, False),
        ('R60', 66, 2, False),
        ('R61', 92, 1, False),
        ('R63', 67, 2, False),
        ('R86', 71, 2, False),
    ): evaluate_18,
    (
        ('R58', 12, 3, False),
        ('R62', -1, -1, True),
    ): evaluate_19,
    (
        ('R64', -1, -1, True),
        ('R65', -1, -1, True),
        ('R66', 16, 3, False),
        ('R67', 17, 3, False),
        ('R68', -1, -1, True),
        ('R69', 93, 1, False),
        ('R70', 56, 2, False),
        ('R92', 35, 2, False),
    ): evaluate_20,
    (
        ('R64', -1, -1, True),
        ('R65', -1, -1, True),
        ('R66', 16, 3, False),
        ('R67', 17, 3, False),
        ('R68', -1, -1, True),
        ('R92', 35, 2, False),
    ): evaluate_21,
    (
        ('R69', 93, 1, False),
        ('R92', 35, 2, False),
    ): evaluate_22,
    (
        ('R72', 106, 0, False),
        ('R73', 30, 2, False),
        ('R74', 31, 2, False),
        ('R75', 68, 2, False),
    ): evaluate_23,
    (
        ('R76', 107, 0, False),
    ): evaluate_24,
    (
        ('R82', -1, -1, True),
    ): evaluate_25,
    (
        ('R82', -1, -1, True),
        ('R83', 33, 2, False),
    ): evaluate_26,
    (
        ('R87', 34, 2, False),
    ): evaluate_27,
    (
        ('R92', 35, 2, False),
    ): evaluate_28,
}
