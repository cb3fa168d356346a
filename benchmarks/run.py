"""Build benchmarks: does the build grow linearly with content, and are the pages light?

    python benchmarks/run.py            # N = 10, 100, 1000; 3 runs each; writes results.md
    python benchmarks/run.py --quick    # N = 10, 100; 1 run; a smoke check (~1-2 min)
    python benchmarks/run.py --sizes 10 100 --runs 5 --output -    # print only

For every size N it writes synthetic, valid content (benchmarks/synth.py) into a temporary project
folder and measures, as the median of --runs runs:

- `mkdocs build` of our project in a fresh process: wall and CPU time, peak memory (ru_maxrss);
- the floor: the same pages (the engine's own Markdown, citations numbered, figures in place)
  written as plain .md files into a project with the same mkdocs.yml, nav and theme but no hooks
  and no overrides, built the same way, each floor run straight after one of ours;
- a rebuild after editing one exercise, the way `mkdocs serve` does it: one process that loads
  the config afresh and calls `mkdocs.commands.build.build(config, serve_url=..., dirty=False)`;
- page weight: a typical exercise page with the CSS and JS it loads, the search index, and the
  offline zip (`strongback export`), raw and gzip;
- handout PDFs on their own (at one size): cold seconds per PDF, and the cost of a build with
  every PDF cached against the HTML-only build.

HTML timings run with PDFs switched off (STRONGBACK_PDF=off). Targets use CPU time by default
(`--clock cpu`): the builds are single-threaded and the machine is shared, so CPU time is what the
build costs, and wall time adds whatever else the machine was doing; both are reported.
Results are printed and written to benchmarks/results.md; every target prints PASS or FAIL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"
# Measure the engine of this checkout, whichever copy `pip install -e` last pointed at.
sys.path[:0] = [str(HERE), str(SRC)]

import synth  # noqa: E402

TODAY = "2026-12-03"  # the tests pin the same day (tests/conftest.py)
"""Builds pin the date (as the tests do), so review status never changes what is measured."""

GROWTH_LIMIT = 12.0
FLOOR_LIMIT = 1.10
PAGE_LIMIT_KB = 70.0
PDF_WARM_LIMIT = 0.05

PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "Markdown",
    "pymdown-extensions",
    "Jinja2",
    "pydantic",
    "PyYAML",
    "weasyprint",
    "textstat",
)

NOTES_FILE = HERE / "notes.md"
"""Hand-written analysis appended to results.md: why a target is missed, what was changed."""


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        NO_MKDOCS_2_WARNING="1",
        STRONGBACK_TODAY=TODAY,
        STRONGBACK_PDF="off",
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    )
    env.update(extra)
    return {key: value for key, value in env.items() if value != ""}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- one measured process -----------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float
    """User + system seconds of the process and the children it waited for."""
    max_rss_mb: float
    returncode: int = 0
    stderr: str = ""

    def time(self, clock: str) -> float:
        return self.cpu if clock == "cpu" else self.wall


_LAUNCHER = """
import json, os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    json.dump([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime,
               usage.ru_maxrss], out)
"""
"""Runs the command as its own child and reports that child's rusage. Measuring our own child
directly would not do: a forked child's peak memory counts this (large) process's pages."""


def measured(args: Sequence[str], cwd: Path, env: dict[str, str], timeout: float = 3600) -> Run:
    """Run a command: its wall time, CPU time and peak memory, of that process alone."""
    with tempfile.TemporaryDirectory() as scratch:
        stats = Path(scratch) / "rusage.json"
        launcher = [sys.executable, "-S", "-c", _LAUNCHER, str(stats)]
        start = time.perf_counter()
        result = subprocess.run(
            [*launcher, *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=timeout,
            check=False,
        )
        wall = time.perf_counter() - start
        if not stats.exists():
            return Run(wall, float("nan"), float("nan"), result.returncode or 1, result.stderr)
        code, cpu, max_rss_kb = json.loads(stats.read_text())
        # ru_maxrss is in kilobytes on Linux.
        return Run(wall, cpu, max_rss_kb / 1024, code, result.stderr)


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> Run:
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--quiet"]
    run = measured([*command, "-d", str(site_dir)], project, build_env(**env))
    if run.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{run.stderr[-4000:]}")
    return run


# --- the floor: the same pages as plain Markdown ------------------------------------------------

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def make_floor(project: Path, target: Path) -> int:
    """Write the pages our hook hands MkDocs as real .md files, into a plain project with the same
    mkdocs.yml minus hooks, overrides and watch. Returns the number of pages."""
    from mkdocs.utils.yaml import yaml_load

    from strongback.build.site_build import SiteBuild
    from strongback.figures.web import fill_figure_slots

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project / "docs", target / "docs")
    with (project / "mkdocs.yml").open("rb") as f:
        config = yaml_load(f)  # resolves !ENV to the defaults, as a build would
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    # JSON is YAML: no need for a YAML writer that knows MkDocs' tags.
    (target / "mkdocs.yml").write_text(json.dumps(config, indent=1, default=str), "utf-8")

    os.environ.setdefault("STRONGBACK_TODAY", TODAY)
    docs = target / "docs"
    build = SiteBuild.load(project, project / "docs")
    catalogue = build.catalogue
    hand_written = [
        (page.src_uri, text)
        for page in catalogue.of_kind("page")
        if (text := catalogue.text(page)) is not None
    ]
    pages = build.pages

    def finish(markdown: str) -> str:
        # As the hook's on_page_markdown: citations are numbered in the body, not front matter.
        # The hook puts the figures into the finished HTML page (on_post_page); plain MkDocs can
        # only have them in the Markdown, so the floor's pages carry them there.
        front = _FRONT_MATTER.match(markdown)
        head = front.group(0) if front else ""
        body = build.finish(markdown[len(head) :])
        return head + fill_figure_slots(body, build.content.exercises)

    for src_uri, text in hand_written:
        (docs / src_uri).write_text(finish(text), "utf-8")
    for generated in pages.pages:
        path = docs / generated.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(finish(pages.markdown[generated.src_uri]), "utf-8")
    return len(hand_written) + len(pages.pages)


# --- rebuild as `mkdocs serve` does it -----------------------------------------------------------


def instrument(config: Any, totals: dict[str, float]) -> None:
    """Wrap every plugin and hook event handler of a loaded config so that its CPU seconds add up
    in `totals` under 'plugin: event'."""
    plugins = config.plugins
    origins = plugins._event_origins
    for event, methods in plugins.events.items():
        for index, method in enumerate(methods):
            key = f"{origins.get(method, '?')}: on_{event}"

            def timed(*args: Any, _method: Any = method, _key: str = key, **kwargs: Any) -> Any:
                start = time.process_time()
                try:
                    return _method(*args, **kwargs)
                finally:
                    totals[_key] = totals.get(_key, 0.0) + time.process_time() - start

            methods[index] = timed
            origins[timed] = origins.get(method, "?")


def serve_rebuilds(project: Path, runs: int) -> dict[str, Any]:
    """In this process, what mkdocs/commands/serve.py does: load the config, on_startup('serve'),
    build once; then, for each edit, load the config afresh and build again (dirty=False)."""
    os.chdir(project)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    serve_url = "http://127.0.0.1:8000/"

    def get_config() -> Any:
        return load_config(config_file=str(project / "mkdocs.yml"), site_dir=site_dir, strict=False)

    phases: list[dict[str, float]] = []

    def timed_build(config: Any) -> tuple[float, float]:
        phases.append({})
        instrument(config, phases[-1])
        wall, cpu = time.perf_counter(), time.process_time()
        build(config, serve_url=serve_url, dirty=False)
        return time.perf_counter() - wall, time.process_time() - cpu

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = serve_url
    first = timed_build(config)

    exercises = sorted((project / "content" / "exercises").glob("*.yml"))
    target = exercises[len(exercises) // 2]
    original = target.read_text("utf-8")
    rebuilds = []
    try:
        for run in range(runs):
            marker = f"Edit {run + 1}."
            text = original.replace("\nstart_position: ", f"\nstart_position: {marker} ", 1)
            if text == original:
                raise SystemExit(f"could not edit {target}")
            target.write_text(text, "utf-8")
            config = get_config()
            config.site_url = serve_url
            rebuilds.append(timed_build(config))
            page = Path(site_dir) / "exercises" / target.stem / "index.html"
            if marker not in page.read_text("utf-8"):
                raise SystemExit(f"the rebuild did not pick up the edit to {target.name}")
    finally:
        target.write_text(original, "utf-8")
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return {
        "first": {"wall": first[0], "cpu": first[1]},
        "rebuilds": [{"wall": w, "cpu": c} for w, c in rebuilds],
        "edited": target.name,
        "phases_first": phases[0],
        "phases_rebuild": phases[-1],
        "pdf_mode": os.environ.get("STRONGBACK_PDF") or "serve's default",
    }


def measure_serve(project: Path, runs: int, cache: Path) -> dict[str, Any]:
    # PDFs as `mkdocs serve` has them by default (STRONGBACK_PDF unset), from an empty cache.
    env = build_env(STRONGBACK_PDF="", STRONGBACK_CACHE_DIR=str(cache))
    command = [sys.executable, str(Path(__file__).resolve()), "--serve-rebuild", str(project)]
    result = subprocess.run(
        [*command, "--runs", str(runs)], env=env, capture_output=True, text=True, timeout=3600
    )
    if result.returncode != 0:
        raise SystemExit(f"serve rebuild failed:\n{result.stderr[-4000:]}")
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


# --- page weight --------------------------------------------------------------------------------


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and (a.get("rel") or "") == "stylesheet" and a.get("href"):
            self.css.append(a["href"] or "")
        if tag == "script" and a.get("src"):
            self.js.append(a["src"] or "")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(site: Path, page: Path) -> dict[str, Any]:
    """An HTML page plus the local CSS and JS files it loads, raw and gzip (level 6, per file)."""
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    base = "/" + page.relative_to(site).as_posix()
    files: list[dict[str, Any]] = [
        {"file": page.relative_to(site).as_posix(), "raw": len(html), "gzip": gz(html)}
    ]
    external = []
    for href in dict.fromkeys(parser.css + parser.js):
        if urlsplit(href).scheme:
            external.append(href)
            continue
        path = site / urlsplit(urljoin(base, href)).path.lstrip("/")
        data = path.read_bytes()
        files.append(
            {"file": path.relative_to(site).as_posix(), "raw": len(data), "gzip": gz(data)}
        )
    return {
        "files": files,
        "external": external,
        "raw": sum(f["raw"] for f in files),
        "gzip": sum(f["gzip"] for f in files),
    }


def typical_exercise_page(site: Path) -> Path:
    """The exercise page of median size."""
    pages = sorted(
        (p for p in (site / "exercises").glob("*/index.html")), key=lambda p: p.stat().st_size
    )
    return pages[len(pages) // 2]


def file_weight(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    return {"raw": len(data), "gzip": gz(data)}


# --- offline zip and PDFs -----------------------------------------------------------------------


def cli_has(command: str) -> bool:
    result = subprocess.run(
        [sys.executable, "-m", "strongback", command, "--help"],
        capture_output=True,
        text=True,
        env=build_env(),
    )
    return result.returncode == 0


def offline_zip(project: Path) -> dict[str, Any]:
    """`strongback export`: the whole site again with Material's offline plugin, zipped."""
    if not cli_has("export"):
        return {"available": False, "why": "`strongback export` is not in this checkout yet"}
    target = project / "dist" / "offline.zip"
    command = [sys.executable, "-m", "strongback", "--root", str(project), "export"]
    run = measured([*command, "--output", str(target), "--no-strict"], project, build_env())
    if run.returncode != 0 or not target.is_file():
        return {"available": False, "why": f"`strongback export` failed: {run.stderr[-500:]}"}
    return {"available": True, "run": run, "bytes": target.stat().st_size}


def pdf_support() -> str | None:
    """None when the build renders PDFs under the STRONGBACK_PDF switch, else why not."""
    try:
        import strongback.pdf  # noqa: F401
    except ImportError as exc:
        return f"strongback.pdf is not in this checkout yet ({exc})"
    hook = (REPO / "hooks" / "pipeline.py").read_text("utf-8")
    if "pdf" not in hook.lower():
        return "the build does not make PDFs yet (hooks/pipeline.py never calls the PDF code)"
    return None


def measure_pdfs(project: Path, runs: int, cache: Path) -> dict[str, Any]:
    """Cold: a build with every PDF rendered into an empty cache. Warm: the same build with every
    PDF cached, each run paired with an HTML-only build (STRONGBACK_PDF=off) straight after it."""
    why = pdf_support()
    if why:
        return {"available": False, "why": why}
    shutil.rmtree(cache, ignore_errors=True)
    site = project / "site-pdf"
    env = {"STRONGBACK_PDF": "all", "STRONGBACK_CACHE_DIR": str(cache)}
    html_only = mkdocs_build(project, project / "site")
    cold = mkdocs_build(project, site, **env)
    pdfs = sorted(site.rglob("*.pdf"))
    if not pdfs:
        return {"available": False, "why": "a build with STRONGBACK_PDF=all wrote no PDF"}
    warm: list[Run] = []
    html: list[Run] = [html_only]
    for _ in range(runs):
        warm.append(mkdocs_build(project, site, **env))
        html.append(mkdocs_build(project, project / "site"))
    return {
        "available": True,
        "pdfs": len(pdfs),
        "cold": cold,
        "html_before_cold": html_only,
        "warm": warm,
        "html": html[1:],
        "pdf_bytes_median": median([p.stat().st_size for p in pdfs]),
    }


# --- one size -----------------------------------------------------------------------------------


@dataclass
class SizeResult:
    n: int
    counts: dict[str, int]
    pages: int = 0
    cold: Run | None = None
    """The first build, with an empty .cache/."""
    ours: list[Run] = field(default_factory=list)
    """Builds after it (what a developer or CI re-running the build sees)."""
    floor: list[Run] = field(default_factory=list)
    serve: dict[str, Any] = field(default_factory=dict)
    weight: dict[str, Any] = field(default_factory=dict)
    search_index: dict[str, int] = field(default_factory=dict)
    offline: dict[str, Any] = field(default_factory=dict)
    pdf: dict[str, Any] = field(default_factory=dict)

    def ours_t(self, clock: str) -> float:
        return median([r.time(clock) for r in self.ours])

    def floor_t(self, clock: str) -> float:
        return median([r.time(clock) for r in self.floor])

    def ratio(self, clock: str) -> float:
        """Median of per-run ours/floor: each pair ran back to back, so noise partly cancels."""
        pairs = zip(self.ours, self.floor, strict=True)
        return median([o.time(clock) / f.time(clock) for o, f in pairs])

    def rebuild_t(self, clock: str) -> float:
        return median([r[clock] for r in self.serve.get("rebuilds", [])])

    def pdf_overhead(self, clock: str) -> float:
        pairs = zip(self.pdf["warm"], self.pdf["html"], strict=True)
        return median([w.time(clock) / h.time(clock) - 1 for w, h in pairs])


def measure_size(
    n: int, runs: int, work: Path, *, serve: bool, offline: bool, pdfs: bool
) -> SizeResult:
    project = work / f"n{n}" / "project"
    floor = work / f"n{n}" / "floor"
    cache = work / f"n{n}" / "cache"
    log(f"[N={n}] generating content")
    synth.make_project(project, n)
    content = synth.validate(project)
    counts = {
        "exercises": len(content.exercises),
        "handouts": len(content.handouts),
        "references": len(content.references),
    }
    result = SizeResult(n, counts)
    result.pages = make_floor(project, floor)
    # A fresh clone has no .cache/: the first build fills it (reading grades), later builds use it.
    shutil.rmtree(project / ".cache", ignore_errors=True)
    log(f"[N={n}] first build, empty cache")
    result.cold = mkdocs_build(project, project / "site")
    log(f"        ours {result.cold.wall:.2f} s (cpu {result.cold.cpu:.2f})")
    for run in range(runs):
        log(f"[N={n}] build {run + 1}/{runs}")
        result.ours.append(mkdocs_build(project, project / "site"))
        result.floor.append(mkdocs_build(floor, floor / "site"))
        ours, plain = result.ours[-1], result.floor[-1]
        log(
            f"        ours {ours.wall:.2f} s (cpu {ours.cpu:.2f}), floor {plain.wall:.2f} s "
            f"(cpu {plain.cpu:.2f})"
        )
    site = project / "site"
    result.weight = page_weight(site, typical_exercise_page(site))
    result.search_index = file_weight(site / "search" / "search_index.json")
    if serve:
        log(f"[N={n}] rebuild after an edit, as mkdocs serve does")
        result.serve = measure_serve(project, runs, cache / "serve")
    if offline:
        log(f"[N={n}] offline export")
        result.offline = offline_zip(project)
    if pdfs:
        log(f"[N={n}] PDFs: cold, then warm")
        result.pdf = measure_pdfs(project, runs, cache / "pdf")
    return result


# --- report -------------------------------------------------------------------------------------


def kb(value: float) -> str:
    return f"{value / 1024:.1f} KB"


def machine() -> dict[str, str]:
    mem, cpu = "?", platform.processor() or "?"
    try:
        found = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
        mem = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else mem
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else cpu
    except OSError:
        pass
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    try:
        from yaml import CSafeLoader  # noqa: F401

        libyaml = "yes"
    except ImportError:
        libyaml = "no"
    git = ["git", "-C", str(REPO), "log", "-1", "--format=%h %cs"]
    commit = subprocess.run(git, capture_output=True, text=True).stdout.strip()
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "commit": commit or "?",
        "cpus": f"{os.cpu_count()} × {cpu}",
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": ", ".join(versions) + f"; libyaml {libyaml}",
    }


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**PASS**" if ok else "**FAIL**")


Target = tuple[str, str, str, bool | None, str]


def targets(results: dict[int, SizeResult], clock: str) -> list[Target]:
    """(target, measured, limit, pass?, note) for each target of issue 7."""
    other = "wall" if clock == "cpu" else "cpu"
    rows: list[Target] = []
    if 100 in results and 1000 in results:
        big, small = results[1000], results[100]
        growth = big.ours_t(clock) / small.ours_t(clock)
        note = f"{other} time: {big.ours_t(other) / small.ours_t(other):.2f}"
        rows.append(
            (
                "time(1000) / time(100)",
                f"{growth:.2f}",
                f"≤ {GROWTH_LIMIT:g}",
                growth <= GROWTH_LIMIT,
                note,
            )
        )
    else:
        rows.append(
            (
                "time(1000) / time(100)",
                "not run",
                f"≤ {GROWTH_LIMIT:g}",
                None,
                "needs sizes 100 and 1000",
            )
        )
    top = results[max(results)]
    ratio = top.ratio(clock)
    note = f"{other} time: {top.ratio(other):.3f}"
    if top.cold:
        note += f"; first build (empty cache): {top.cold.time(clock) / top.floor_t(clock):.3f}"
    if top.n != 1000:
        note += f"; measured at N={top.n}, the target is set at N=1000"
    rows.append(
        (
            f"our HTML build / floor, N={top.n}",
            f"{ratio:.3f}",
            f"≤ {FLOOR_LIMIT:.2f}",
            ratio <= FLOOR_LIMIT if top.n == 1000 else None,
            note,
        )
    )
    page = top.weight["gzip"] / 1024
    rows.append(
        (
            "typical exercise page, gzip, with its CSS and JS",
            f"{page:.1f} KB",
            f"≤ {PAGE_LIMIT_KB:g} KB",
            page <= PAGE_LIMIT_KB,
            f"raw {kb(top.weight['raw'])}",
        )
    )
    pdf = next((r for r in results.values() if r.pdf), None)
    if pdf and pdf.pdf.get("available"):
        overhead = pdf.pdf_overhead(clock)
        note = f"N={pdf.n}; {other} time: {pdf.pdf_overhead(other) * 100:+.1f}%"
        rows.append(
            (
                "build with every PDF cached vs HTML only",
                f"{overhead * 100:+.1f}%",
                f"≤ +{PDF_WARM_LIMIT * 100:g}%",
                overhead <= PDF_WARM_LIMIT,
                note,
            )
        )
    else:
        why = pdf.pdf.get("why", "") if pdf else "not requested (--pdf-size 0)"
        rows.append(
            (
                "build with every PDF cached vs HTML only",
                "not measured",
                f"≤ +{PDF_WARM_LIMIT * 100:g}%",
                None,
                why,
            )
        )
    return rows


def report(results: dict[int, SizeResult], args: argparse.Namespace) -> str:
    m = machine()
    clock = args.clock
    command = "python benchmarks/run.py" + ("".join(f" {a}" for a in args.argv))
    out = [
        "# Benchmark results",
        "",
        f'Written by `{command}` (see README, "Benchmarks"); run it again rather than editing.',
        "",
        f"- Date: {m['date']}; commit {m['commit']}",
        f"- Machine: {m['cpus']}; {m['memory']} memory; {m['os']}",
        f"- Python {m['python']}; {m['packages']}",
        f"- Each figure is the median of {args.runs} run(s). HTML builds run with "
        "STRONGBACK_PDF=off. Targets use "
        + ("CPU time (user + system) of the build process" if clock == "cpu" else "wall time")
        + ": the machine is shared and noisy, and the build is single-threaded.",
        "",
        "## Targets",
        "",
        "| Target | Measured | Limit | Result | Note |",
        "|---|---|---|---|---|",
    ]
    for name, value, limit, ok, note in targets(results, clock):
        out.append(f"| {name} | {value} | {limit} | {verdict(ok)} | {note} |")
    out += [
        "",
        "## Build time",
        "",
        "`mkdocs build` in a fresh process, Python start-up included: wall and CPU time, peak "
        "memory (ru_maxrss). *First build*: empty `.cache/` (a fresh clone; the build caches "
        "reading grades there). *Ours*: the builds after it. *Floor*: the same pages as plain .md "
        "files built by plain MkDocs + Material (same mkdocs.yml and nav, no hooks, no "
        "overrides), each floor build straight after one of ours; *ours/floor* is the median of "
        "those per-pair ratios.",
        "",
        "| N | handouts | refs | pages | first build CPU s | ours wall s | ours CPU s | "
        "ms/page (CPU) | peak MB | floor wall s | floor CPU s | floor peak MB | "
        "ours/floor (CPU) | first build / floor (CPU) |",
        "|" + "---|" * 14,
    ]
    for n, r in sorted(results.items()):
        cold = r.cold.cpu if r.cold else float("nan")
        out.append(
            f"| {n} | {r.counts['handouts']} | {r.counts['references']} | {r.pages} | "
            f"{cold:.2f} | {r.ours_t('wall'):.2f} | {r.ours_t('cpu'):.2f} | "
            f"{r.ours_t('cpu') / r.pages * 1000:.1f} | "
            f"{median([x.max_rss_mb for x in r.ours]):.0f} | {r.floor_t('wall'):.2f} | "
            f"{r.floor_t('cpu'):.2f} | {median([x.max_rss_mb for x in r.floor]):.0f} | "
            f"{r.ratio('cpu'):.3f} | {cold / r.floor_t('cpu'):.3f} |"
        )
    sizes = sorted(results)
    if len(sizes) > 1:
        steps = [
            f"time({b}) / time({a}) = {results[b].ours_t(clock) / results[a].ours_t(clock):.2f}"
            f" for {b / a:g}× the content"
            for a, b in itertools.pairwise(sizes)
        ]
        out += ["", f"Growth of our build ({clock} time): " + "; ".join(steps) + "."]
    out += ["", "Every run, wall (CPU) seconds:", ""]
    for n, r in sorted(results.items()):
        ours = ", ".join(f"{x.wall:.2f} ({x.cpu:.2f})" for x in r.ours)
        floor = ", ".join(f"{x.wall:.2f} ({x.cpu:.2f})" for x in r.floor)
        first = f"{r.cold.wall:.2f} ({r.cold.cpu:.2f})" if r.cold else "-"
        line = f"- N={n}: first {first}; ours {ours}; floor {floor}"
        if r.serve:
            rebuilds = ", ".join(f"{x['wall']:.2f} ({x['cpu']:.2f})" for x in r.serve["rebuilds"])
            line += f"; serve rebuilds {rebuilds}"
        out.append(line)

    served = {n: r for n, r in sorted(results.items()) if r.serve}
    if served:
        out += [
            "",
            "### Rebuild after editing one exercise, as `mkdocs serve` does it",
            "",
            "One process, as mkdocs/commands/serve.py: `on_startup('serve')`, a first build, then "
            "for each edit the config is loaded afresh and `build(config, serve_url=..., "
            "dirty=False)` runs again: MkDocs 1.6 serve rebuilds every page (no `--dirty`). The "
            "hook reloads and re-checks all content each time. PDFs as serve has them by default "
            "(STRONGBACK_PDF unset: cached PDFs, placeholders for the rest; here an empty cache).",
            "",
            "| N | first build wall s | first build CPU s | rebuild wall s | rebuild CPU s | "
            "rebuild / `mkdocs build` (CPU) |",
            "|---|---|---|---|---|---|",
        ]
        for n, r in served.items():
            first = r.serve["first"]
            out.append(
                f"| {n} | {first['wall']:.2f} | {first['cpu']:.2f} | {r.rebuild_t('wall'):.2f} | "
                f"{r.rebuild_t('cpu'):.2f} | {r.rebuild_t('cpu') / r.ours_t('cpu'):.2f} |"
            )
        top = served[max(served)]
        phases = top.serve["phases_first"]
        total = top.serve["first"]["cpu"]
        ours_total = sum(v for k, v in phases.items() if k.startswith("hooks/"))
        out += [
            "",
            f"Where the time goes at N={top.n} (the first in-process build: {total:.2f} CPU s), "
            "CPU seconds in each plugin and hook event; the rest is MkDocs and Material rendering "
            f"Markdown and templates. Our hook: {ours_total:.2f} s "
            f"({ours_total / total * 100:.0f}% of the build).",
            "",
            "| event | CPU s | share |",
            "|---|---|---|",
        ]
        for key, value in sorted(phases.items(), key=lambda item: -item[1]):
            if value >= 0.01:
                out.append(f"| {key} | {value:.2f} | {value / total * 100:.1f}% |")

    top = results[max(results)]
    w = top.weight
    out += [
        "",
        "## Page weight",
        "",
        f"A typical exercise page (the median-sized one at N={top.n}), `{w['files'][0]['file']}`, "
        "with every stylesheet and script it loads (gzip level 6, each file on its own, as a web "
        "server sends them). No web fonts (`font: false`); images are not counted.",
        "",
        "| File | raw | gzip |",
        "|---|---|---|",
    ]
    for f in w["files"]:
        out.append(f"| {f['file']} | {kb(f['raw'])} | {kb(f['gzip'])} |")
    out.append(f"| **total** | **{kb(w['raw'])}** | **{kb(w['gzip'])}** |")
    if w["external"]:
        out += ["", f"External (not counted): {', '.join(w['external'])}"]
    out += [
        "",
        "Search index (`search/search_index.json`, loaded once, on first search) and offline zip "
        "(`strongback export`: the site built again with Material's offline plugin, zipped):",
        "",
        "| N | search index raw | search index gzip | offline zip | export wall s | "
        "export peak MB |",
        "|---|---|---|---|---|---|",
    ]
    whys = set()
    for n, r in sorted(results.items()):
        off = r.offline
        if off.get("available"):
            run = off["run"]
            extra = f"{kb(off['bytes'])} | {run.wall:.1f} | {run.max_rss_mb:.0f}"
        else:
            extra = "not measured | - | -"
            if off:
                whys.add(off["why"])
        out.append(
            f"| {n} | {kb(r.search_index['raw'])} | {kb(r.search_index['gzip'])} | {extra} |"
        )
    for why in sorted(whys):
        out += ["", f"Offline zip not measured: {why}."]

    out += ["", "## Handout PDFs", ""]
    with_pdf = next((r for r in results.values() if r.pdf), None)
    if with_pdf and with_pdf.pdf.get("available"):
        p, n = with_pdf.pdf, with_pdf.n
        cold, html = p["cold"], p["html_before_cold"]
        per_pdf = (cold.wall - html.wall) / p["pdfs"]
        per_pdf_cpu = (cold.cpu - html.cpu) / p["pdfs"]
        out += [
            f"At N={n}: {p['pdfs']} PDFs (every handout and exercise, A4 and Letter). *Cold*: a "
            "build with STRONGBACK_PDF=all and an empty cache, less an HTML-only build run just "
            "before it, per PDF (PDFs render in parallel on all cores, so CPU seconds per PDF are "
            "higher than wall). *Warm*: the same build with every PDF cached, each run paired with "
            "an HTML-only build.",
            "",
            "| PDFs | cold build wall s | cold wall s/PDF | cold CPU s/PDF | cold peak MB | "
            "warm build wall s | HTML-only wall s | warm overhead (CPU) | warm overhead (wall) | "
            "median PDF |",
            "|" + "---|" * 10,
            f"| {p['pdfs']} | {cold.wall:.1f} | {per_pdf:.3f} | {per_pdf_cpu:.3f} | "
            f"{cold.max_rss_mb:.0f} | {median([r.wall for r in p['warm']]):.2f} | "
            f"{median([r.wall for r in p['html']]):.2f} | "
            f"{with_pdf.pdf_overhead('cpu') * 100:+.1f}% | "
            f"{with_pdf.pdf_overhead('wall') * 100:+.1f}% | {kb(p['pdf_bytes_median'])} |",
        ]
    else:
        why = with_pdf.pdf["why"] if with_pdf else "not requested (--pdf-size 0)"
        out.append(f"Not measured: {why}.")
    notes = NOTES_FILE.read_text("utf-8").strip() if NOTES_FILE.exists() else ""
    if notes:
        out += ["", notes]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of exercises (10 100 1000)")
    parser.add_argument("--runs", type=int, help="runs per measurement, median reported (3)")
    parser.add_argument("--quick", action="store_true", help="sizes 10 100, one run")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="for the targets")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve rebuild")
    parser.add_argument("--no-offline", action="store_true", help="skip the offline zip")
    parser.add_argument(
        "--pdf-size",
        type=int,
        help="N at which to measure PDFs, 0 to skip (default: 100, or the "
        "largest size below it): every PDF of a size is rendered once, cold",
    )
    parser.add_argument(
        "--output", default=str(HERE / "results.md"), help="results file, '-' to print only"
    )
    parser.add_argument("--work", type=Path, help="keep the projects here (default: a temp dir)")
    parser.add_argument("--serve-rebuild", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)

    if args.serve_rebuild:
        print(json.dumps(serve_rebuilds(args.serve_rebuild.resolve(), args.runs or 3)))
        return 0

    sizes = sorted(set(args.sizes or ([10, 100] if args.quick else [10, 100, 1000])))
    args.runs = args.runs or (1 if args.quick else 3)
    pdf_n = args.pdf_size
    if pdf_n is None:
        limit = 10 if args.quick else 100
        pdf_n = max([n for n in sizes if n <= limit], default=min(sizes))
    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="strongback-bench-"))
    started = time.perf_counter()
    try:
        results = {
            n: measure_size(
                n,
                args.runs,
                work,
                serve=not args.no_serve,
                offline=not args.no_offline,
                pdfs=n == pdf_n,
            )
            for n in sizes
        }
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    text = report(results, args)
    print(text)
    if args.output != "-":
        output = Path(args.output)
        # The preview's section (benchmarks/serve.py writes it) stays as it was.
        start, end = "<!-- serve.py -->", "<!-- /serve.py -->"
        old = output.read_text("utf-8") if output.exists() else ""
        if 0 <= old.find(start) < old.find(end):
            text += "\n" + old[old.find(start) : old.find(end) + len(end)] + "\n"
        output.write_text(text, "utf-8")
        log(f"results written to {args.output}")
    log(f"benchmark took {time.perf_counter() - started:.0f} s")
    return 1 if any(ok is False for *_, ok, _ in targets(results, args.clock)) else 0


if __name__ == "__main__":
    sys.exit(main())
