"""Every rule of brief (b), R01-R76, in the brief's order."""

from rules.catalogue import (
    compensation,
    housing,
    immigration,
    resources,
    role,
    scope,
    status,
    travel,
)
from rules.rule import Rule

RULES: tuple[Rule, ...] = tuple(
    sorted(
        status.RULES
        + scope.RULES
        + compensation.RULES
        + travel.RULES
        + housing.RULES
        + role.RULES
        + resources.RULES
        + immigration.RULES,
        key=lambda rule: rule.id,
    )
)
RULE_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
