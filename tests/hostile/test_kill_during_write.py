"""Issue 10: a run killed (SIGKILL) in the middle of writing leaves every earlier file whole,
and the next save in that folder removes what it left behind."""

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.answers_file import AnswersDocument, read_answers_file, write_answers_file
from app.group.export import open_writer
from app.group.project import open_project, save_project
from tests.app.group.conftest import run_group
from tests.app.group.people import write_random_csv
from tests.scenarios import SEED

ROOT = Path(__file__).resolve().parents[2]

# Rewrites the three kinds of file over and over until killed.
WRITER = """
import sys
from pathlib import Path
from app.answers_file import AnswersDocument, write_answers_file
from app.group.export import open_writer
from app.group.project import save_project
from tests.app.group.conftest import run_group
from tests.scenarios import SEED

folder = Path(sys.argv[1])
pause_in = sys.argv[2] if len(sys.argv) > 2 else ""
if pause_in:  # stop inside the write of that file, its temporary file complete, not renamed
    import os
    import time
    real_fsync = os.fsync

    def fsync(handle):
        real_fsync(handle)
        if os.path.basename(os.readlink(f"/proc/self/fd/{handle}")).startswith("." + pause_in):
            print("mid-write", flush=True)
            time.sleep(60)

    os.fsync = fsync
results, _ = run_group([folder / "team.csv"])
doc = AnswersDocument(answers=dict(SEED))
print("ready", flush=True)
while True:
    write_answers_file(folder / "answers.json", doc)
    with open_writer(folder / "results.csv", "2026-12-01") as writer:
        for result in results:
            writer.write(result)
    save_project(folder / "group.vcgroup.json", {}, results)
"""


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _whole(folder: Path, people: int) -> None:
    assert read_answers_file(folder / "answers.json").answers == SEED
    with (folder / "results.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.reader(stream))) == people + 1
    assert len(open_project(folder / "group.vcgroup.json").members) == people


def test_sigkill_mid_write_keeps_the_previous_files(tmp_path: Path) -> None:
    people = 300
    write_random_csv(tmp_path / "team.csv", people)
    results, _ = run_group([tmp_path / "team.csv"])
    # the files as a previous, finished run left them
    write_answers_file(tmp_path / "answers.json", AnswersDocument(answers=dict(SEED)))
    with open_writer(tmp_path / "results.csv", "2026-12-01") as writer:
        for result in results:
            writer.write(result)
    save_project(tmp_path / "group.vcgroup.json", {}, results)
    # killed inside each kind of write (deterministic), then at moments the scheduler picks
    for pause_in, delay in (("answers.json", 0.0), ("results.csv", 0.0),
                            ("group.vcgroup.json", 0.0), ("", 0.05), ("", 0.17)):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), pause_in],
                                 cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        if pause_in:
            assert child.stdout.readline().strip() == "mid-write"
            temps = [name for name in _temps(tmp_path) if name.startswith("." + pause_in)]
            assert temps  # hidden, owner-only
            assert all((tmp_path / name).stat().st_mode & 0o777 == 0o600 for name in temps)
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        _whole(tmp_path, people)  # every file is the old or the new one, whole
        # the next run's first save clears what the killed one left, whichever file it was
        write_answers_file(tmp_path / "answers.json", AnswersDocument(answers=dict(SEED)))
        assert _temps(tmp_path) == []
