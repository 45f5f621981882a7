"""WCAG checks on an AT-SPI tree read by tests/a11y/atspi.py (what a screen reader gets).

Each check returns readable findings ("<role 'name'>: why"); an empty list passes.
"""

import re
from collections import Counter

from tests.a11y.atspi import LABELLED_BY, MEMBER_OF, Node

# Roles a person operates: each needs a name that says what it is.
CONTROLS = {"push button", "toggle button", "radio button", "check box", "combo box", "text",
            "password text", "spin button", "link", "slider", "page tab", "table",
            "tree table", "list", "list box", "entry", "column header", "table cell",
            "cell", "tree item", "list item", "menu item"}
# Controls whose Qt name is their value on Linux (combo boxes): named only by a label relation.
NAMED_BY_RELATION = {"combo box"}
# Controls a short generic name ("Yes", "Other") makes ambiguous without their question.
CHOICES = {"radio button", "check box", "push button", "toggle button", "link"}
GROUPS = {"panel", "grouping", "section", "form", "filler", "group"}
URL = re.compile(r"https?://")
MARKUP = re.compile(r"</?[a-z]+[ >/]|&[a-z]+;| nbsp;")


def _named(node: Node) -> bool:
    return bool(node.name.strip())


def label_names(node: Node, everything: dict[tuple[str, str], Node]) -> list[str]:
    """Names of the nodes this one is LABELLED_BY or MEMBER_OF (that are in `everything`)."""
    names = []
    for kind in (LABELLED_BY, MEMBER_OF):
        for ref in node.relations.get(kind, []):
            target = everything.get(ref)
            if target is not None and _named(target):
                names.append(target.name)
    return names


def context(node: Node, everything: dict[tuple[str, str], Node]) -> str:
    """What tells a listener which question a control belongs to: a label relation or the
    nearest named group around it ('' if nothing)."""
    labels = label_names(node, everything)
    if labels:
        return labels[0]
    for ancestor in node.ancestors():
        if ancestor.role in GROUPS and _named(ancestor):
            return ancestor.name
        if ancestor.role in ("frame", "window", "dialog", "application"):
            break
    return ""


def controls(root: Node) -> list[Node]:
    return [n for n in root.walk() if n.role in CONTROLS and "visible" in n.states]


def unnamed(root: Node) -> list[str]:
    """Controls without a name (combo boxes: without a label relation, since their name is
    only their current value)."""
    everything = {n.ref: n for n in root.walk()}
    found = []
    for node in controls(root):
        if node.role in NAMED_BY_RELATION:
            if not label_names(node, everything):
                found.append(f"{node}: combo box named only by its value, no label relation")
        elif node.role in ("table cell", "cell") and not _named(node):
            found.append(f"{node}: table cell without a name (an image or empty)")
        elif not _named(node) and not label_names(node, everything):
            found.append(f"{node}: no name")
    for node in root.walk():
        if node.role in ("image", "icon", "graphic") and not _named(node):
            found.append(f"{node}: image without a name")
    return found


def ambiguous(root: Node) -> list[str]:
    """Choices whose name occurs more than once on screen and that nothing (a label relation,
    a named group) ties to their own question, or that stay ambiguous with that context.
    Links with the same name and the same address have the same purpose (WCAG 2.4.4): one."""
    everything = {n.ref: n for n in root.walk()}
    distinct = list({((n.name, n.description) if n.role == "link" else (n.name, n.ref)): n
                     for n in controls(root) if n.role in CHOICES}.values())
    names = Counter(n.name for n in distinct)
    contexts = Counter((context(n, everything), n.name) for n in distinct if names[n.name] > 1)
    found = []
    for node in distinct:
        if names[node.name] <= 1:
            continue
        where = context(node, everything)
        if not where:
            found.append(f"{node}: '{node.name}' occurs {names[node.name]} times, no group "
                         "or label relation says which question it answers")
        elif contexts[(where, node.name)] > 1:
            found.append(f"{node}: still ambiguous within {where!r}")
    return found


def headings(root: Node) -> list[Node]:
    return [n for n in root.walk() if n.role == "heading"]


def links_not_links(root: Node) -> list[str]:
    """Things that lead to a web address (URL in the name or description) but are not links."""
    return [f"{n}: has a URL ({n.description or n.name}) but the role {n.role!r}"
            for n in root.walk()
            if "visible" in n.states and n.role != "link"
            and (URL.search(n.description) or URL.search(n.name))]


def expanders(root: Node) -> list[str]:
    """Glossary toggles ("What does ... mean?") and a finding's "Details for your campaign's
    counsel" must be expandable buttons, not check boxes."""
    return [f"{n}: shows and hides text but is a {n.role} without the expandable state"
            for n in controls(root)
            if n.name.startswith(("What does", "What do", "Details for your campaign"))
            and (n.role == "check box" or "expandable" not in n.states)]


def markup(root: Node) -> list[str]:
    """Names read out with their HTML ("<b>D1</b> nbsp;..."): Qt names a field by its buddy
    label's raw text when the field has no name of its own."""
    return [f"{n}: markup in the name" for n in root.walk()
            if "visible" in n.states and MARKUP.search(n.name)]
