"""Sub-commands of the CLI; each module exposes `register(subparsers)`."""

from types import ModuleType

from app.commands import assess, rules_list, screen

COMMANDS: tuple[ModuleType, ...] = (assess, rules_list, screen)
