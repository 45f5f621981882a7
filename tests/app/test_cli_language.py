"""The command line's own help and errors follow --lang (issue 12), read before the parser."""

import pytest

from app import i18n
from app.cli import language_asked, main


@pytest.mark.parametrize(("argv", "code"), [
    (["--lang", "fr", "assess", "x.json"], "fr"), (["--lang=es", "--help"], "es"),
    (["assess", "x.json"], "en"), (["--lang", "de"], "en"), (["--lang"], "en"),
])
def test_the_language_is_read_before_the_parser(argv: list[str], code: str) -> None:
    assert language_asked(argv) == code


@pytest.mark.parametrize(("code", "words"), [
    ("es", ("uso: ", "mostrar esta ayuda y salir", "evaluar un archivo de respuestas")),
    ("fr", ("afficher cette aide et quitter", "évaluer un fichier de réponses")),
])
def test_help_is_in_the_chosen_language(code: str, words: tuple[str, ...],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    try:
        with pytest.raises(SystemExit) as stopped:
            main(["--lang", code, "--help"])
        assert stopped.value.code == 0
        out = capsys.readouterr().out
        for word in words:
            assert word in out, f"{word!r} not in:\n{out}"
        assert "show this help message" not in out
    finally:
        i18n.set_language(i18n.ENGLISH)


def test_errors_are_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        with pytest.raises(SystemExit) as stopped:
            main(["--lang", "fr", "assess"])
        assert stopped.value.code == 2
        assert "les arguments suivants sont obligatoires" in capsys.readouterr().err
    finally:
        i18n.set_language(i18n.ENGLISH)
