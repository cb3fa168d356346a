"""Two revisions of the engine, measured in one interleaved run: is the new one's growth ratio
and floor ratio worse than the old one's?

    python benchmarks/paired.py 46a4875              # that commit against the work tree's HEAD
    python benchmarks/paired.py 46a4875 b9a3267 --runs 5 --output benchmarks/paired.md

`run.py` measures one revision; two of its runs, one after the other, differ by as much as the
change being judged (this machine is shared: the same code gave growth ratios of 7.17 and 8.41 on
one day). Here both revisions are built turn about: for each size, each run builds the old
project, its floor, the new project and its floor (the order flips every run), so both see the
same machine. Each revision is taken from git (`git archive`), writes its own synthetic content
with its own `benchmarks/synth.py`, and builds with its own engine and hooks; the floor is that
revision's own `make_floor` (plain MkDocs + Material on the same pages). CPU time of the build
process, median of --runs; `mkdocs build` with PDFs off, after a first build that fills the
caches, as `run.py` does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from run import build_env, log, machine, median, mkdocs_build  # noqa: E402

_FLOOR = """
import sys
from pathlib import Path
sys.path[:0] = [sys.argv[1] + "/src", sys.argv[1] + "/benchmarks"]
import run
run.make_floor(Path(sys.argv[2]), Path(sys.argv[3]))
"""


@dataclass
class Revision:
    name: str
    commit: str
    tree: Path
    ours: dict[int, list[float]] = field(default_factory=dict)
    floor: dict[int, list[float]] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        return build_env(PYTHONPATH=str(self.tree / "src"))

    def growth(self, small: int, large: int) -> float:
        return median(self.ours[large]) / median(self.ours[small])

    def ratio(self, n: int) -> float:
        """Median of the per-run ours/floor pairs (each pair built back to back)."""
        return median([a / b for a, b in zip(self.ours[n], self.floor[n], strict=True)])


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.strip()


def export(rev: str, target: Path) -> Revision:
    """The revision's files, as committed, in `target`."""
    commit = git("rev-parse", "--short", rev)
    archive = target.with_suffix(".tar")
    git("archive", "--format=tar", f"--output={archive}", commit)
    target.mkdir(parents=True)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    archive.unlink()
    return Revision(rev, commit, target)


def build(rev: Revision, project: Path) -> float:
    """CPU seconds of `mkdocs build` in `project`, with the revision's own engine."""
    return mkdocs_build(project, project / "site", PYTHONPATH=str(rev.tree / "src")).cpu


def prepare(rev: Revision, n: int, work: Path) -> tuple[Path, Path]:
    project, floor = work / f"{rev.commit}-n{n}", work / f"{rev.commit}-n{n}-floor"
    env = rev.env()
    synth = [sys.executable, str(rev.tree / "benchmarks/synth.py"), str(n), str(project)]
    subprocess.run(synth, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [sys.executable, "-c", _FLOOR, str(rev.tree), str(project), str(floor)],
        env=env,
        check=True,
        cwd=project,
    )
    build(rev, project)  # the first build fills .cache/ (reading grades), as in run.py
    return project, floor


def report(revs: list[Revision], sizes: list[int], runs: int, command: str) -> str:
    small, large = sizes[0], sizes[-1]
    info = machine()
    lines = [
        "# Paired benchmark: two revisions, built turn about",
        "",
        f"Written by `{command}` (see its docstring); run it again rather than editing.",
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; "
        + "; ".join(f"{r.name} = {r.commit}" for r in revs),
        f"- Machine: {info['cpus']}; {info['memory']}; {info['os']}",
        f"- Python {info['python']}; {info['packages']}",
        f"- {runs} runs per size; CPU seconds of `mkdocs build` (PDFs off); medians.",
        "",
        "| revision | "
        + " | ".join(f"ours N={n} | floor N={n}" for n in sizes)
        + f" | growth time({large})/time({small}) | floor growth | ours/floor N={large} |",
        "|---|" + "---|---|" * len(sizes) + "---|---|---|",
    ]
    for r in revs:
        cells = " | ".join(f"{median(r.ours[n]):.2f} | {median(r.floor[n]):.2f}" for n in sizes)
        floor_growth = median(r.floor[large]) / median(r.floor[small])
        lines.append(
            f"| {r.name} ({r.commit}) | {cells} | {r.growth(small, large):.2f} | "
            f"{floor_growth:.2f} | {r.ratio(large):.3f} |"
        )
    lines += ["", "Every run, CPU seconds (ours / floor), in the order built:", ""]
    for n in sizes:
        for r in revs:
            pairs = ", ".join(
                f"{a:.2f}/{b:.2f}" for a, b in zip(r.ours[n], r.floor[n], strict=True)
            )
            lines.append(f"- N={n}, {r.name} ({r.commit}): {pairs}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("old", help="the revision to compare against (a commit)")
    parser.add_argument("new", nargs="?", default="HEAD", help="the revision judged (HEAD)")
    parser.add_argument("--sizes", type=int, nargs=2, default=[100, 1000], metavar="N")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, help="write the report here too")
    args = parser.parse_args(argv)
    command = "python benchmarks/paired.py " + " ".join(argv or sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="sb-paired-") as scratch:
        work = Path(scratch)
        revs = [export(args.old, work / "old"), export(args.new, work / "new")]
        revs[0].name, revs[1].name = "old", "new"
        for n in args.sizes:
            projects = {}
            for r in revs:
                log(f"[N={n}] {r.commit}: content, floor, first build")
                projects[r.commit] = prepare(r, n, work)
                r.ours[n], r.floor[n] = [], []
            for index in range(args.runs):
                for r in revs if index % 2 == 0 else revs[::-1]:
                    project, floor = projects[r.commit]
                    r.ours[n].append(build(r, project))
                    r.floor[n].append(build(r, floor))
                    log(
                        f"[N={n}] run {index + 1}: {r.commit} {r.ours[n][-1]:.2f} / "
                        f"{r.floor[n][-1]:.2f}"
                    )
    text = report(revs, args.sizes, args.runs, command)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
