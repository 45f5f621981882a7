"""Each table's evaluation as generated straight-line code; `python -m` this writes the module."""

# A table's evaluation (rules.fast.memo.AreaTable.evaluate) as one `if trigger(f):` per rule,
# with the finding's number and shown rank as constants where the colour is fixed: no loop, no
# per-rule tuple unpacking. Compiling one at run time costs about 0.1-0.5 ms, as much as
# thousands of misses save, so the evaluations of today's tables are written once into
# rules/fast/straight_evaluations.py (imported from its cached bytecode); any other one (a
# changed rule, number or colour gives another signature) is compiled when first needed.
# tests/rules/test_fast_paths.py proves both equal to rules.engine.outcome rule by rule and
# checks the written module is current.

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from rules.catalogue import RULE_BY_ID
from rules.facts import Facts
from rules.rule import Colour

# A table's outcome: the sorted numbers of the findings that fired and its worst shown colour.
Outcome = tuple[tuple[int, ...], Colour | None]
NOTHING: Outcome = ((), None)
SHOWN_COLOUR = {3: Colour.RED, 2: Colour.AMBER, 1: Colour.GREEN, 0: Colour.NOTE}
Evaluator = Callable[[Facts], Outcome]
# rules.fast.memo.fired_code: a fired rule's number and shown rank, when they need the facts.
FiredCode = Callable[[Any, Facts], tuple[int, int]]
# Per rule in the table's order: (rule id, number, shown rank, whether its number and colour
# need the facts: a colour function, or R85 capping its RED for an uncertain status). Numbers
# and ranks are -1 where they need the facts.
Step = tuple[str, int, int, bool]
Signature = tuple[Step, ...]
MODULE = Path(__file__).with_name("straight_evaluations.py")


def function_source(name: str, signature: Signature) -> str:
    """The source of one evaluation: the numbers of the rules that fire, sorted, and the worst
    shown colour (NOTHING when none fires)."""
    fixed = all(not dynamic for *_, dynamic in signature)
    # Fixed numbers appended in ascending order need no sort.
    steps = sorted(signature, key=lambda step: step[1]) if fixed else signature
    lines = [f"def {name}(f: Facts) -> Outcome:", "    codes: list[int] = []", "    rank = -1"]
    for rule_id, code, shown, dynamic in steps:
        lines.append(f"    if {rule_id}(f):")
        if dynamic:
            lines += [f"        code, shown = memo.fired_code(RULE_{rule_id}, f)",
                      "        codes.append(code)", "        if shown > rank:",
                      "            rank = shown"]
        else:
            lines += [f"        codes.append({code})", f"        if rank < {shown}:",
                      f"            rank = {shown}"]
    lines += ["    if not codes:", "        return NOTHING"]
    if not fixed:
        lines.append("    codes.sort()")
    lines.append("    return tuple(codes), SHOWN_COLOUR[rank]")
    return "\n".join(lines) + "\n"


def _globals_source(rule_ids: Iterable[str]) -> str:
    """Each rule's trigger (and rule, for fired_code) as a module global."""
    return "".join(f'{rule_id} = RULE_BY_ID["{rule_id}"].trigger\n'
                   f'RULE_{rule_id} = RULE_BY_ID["{rule_id}"]\n' for rule_id in sorted(rule_ids))


def compiled(signature: Signature, fired_code: FiredCode) -> Evaluator:
    """An evaluation not in the written module, compiled now (`fired_code`:
    rules.fast.memo.fired_code)."""
    namespace: dict[str, Any] = {"RULE_BY_ID": RULE_BY_ID, "Facts": Facts, "Outcome": Outcome,
                                 "NOTHING": NOTHING, "SHOWN_COLOUR": SHOWN_COLOUR,
                                 # The written module calls memo.fired_code by that name.
                                 "memo": SimpleNamespace(fired_code=fired_code)}
    source = (_globals_source(step[0] for step in signature)
              + function_source("evaluate", signature))
    exec(compile(source, "<rules.fast.straight_line>", "exec"), namespace)
    evaluate: Evaluator = namespace["evaluate"]
    return evaluate


_HEADER = '''"""Written by rules/fast/straight_line.py: the tables' straight-line evaluations."""

# Do not edit: rules/fast/straight_line.py writes this file, and tests/rules/test_fast_paths.py
# checks it is current and that every evaluation equals rules.engine.outcome rule by rule.

from rules.catalogue import RULE_BY_ID
from rules.facts import Facts
from rules.fast import memo
from rules.fast.straight_line import NOTHING, SHOWN_COLOUR, Evaluator, Outcome, Signature

'''


def module_source(signatures: Iterable[Signature]) -> str:
    """The written module: the rules' globals, one function per signature and EVALUATIONS."""
    ordered = sorted(set(signatures))
    rule_ids = {step[0] for signature in ordered for step in signature}
    functions = "".join(f"\n\n{function_source(f'evaluate_{index}', signature)}"
                        for index, signature in enumerate(ordered))
    table = "".join(
        "    (\n" + "".join(f"        {step!r},\n" for step in signature)
        + f"    ): evaluate_{index},\n" for index, signature in enumerate(ordered))
    return (f"{_HEADER}{_globals_source(rule_ids)}{functions}\n\n"
            f"EVALUATIONS: dict[Signature, Evaluator] = {{\n{table}}}\n")


def main() -> None:
    """Write rules/fast/straight_evaluations.py for today's tables."""
    from rules.fast import memo  # here: memo imports this module
    MODULE.write_text(module_source(memo.signatures()), encoding="utf-8")
    print(MODULE, file=sys.stderr)


if __name__ == "__main__":
    main()
