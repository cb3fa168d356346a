"""The review trail (issue 14): reviews bound to what was reviewed, true dates, one claim one
grade, sourced warning signs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from strongback.build.site_build import trust_fields
from strongback.catalogue import Catalogue
from strongback.cli import main
from strongback.load.loader import ContentErrors, load_content
from strongback.model import Content
from strongback.model.fingerprint import fingerprint
from strongback.model.review_dates import long_date
from strongback.standards import check_content
from strongback.standards.history import first_versions, parse_log

from ..conftest import FIXTURES, REPO, TODAY

DAY = date.fromisoformat(TODAY)
BENEFITS = "content/benefits.yml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return shutil.copytree(FIXTURES / "minimal", tmp_path / "project")


def review(root: Path, file: str, by: str = "editorial-team") -> int:
    return main(["--root", str(root), "review", str(root / file), "--by", by])


def check(root: Path):  # type: ignore[no-untyped-def]
    content = load_content(root / "content", root / "docs")
    return check_content(content, today=DAY, root=root, catalogue=Catalogue.of(content))


def box(root: Path) -> str:
    """The review box of the benefits page, rendered by the theme override."""
    content = load_content(root / "content", root / "docs")
    info = Catalogue.of(content).page("benefits.md").review_info(content, DAY)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "overrides" / "partials"))
    trust = trust_fields(info) | {"disclaimer_url": "disclaimer/"}
    page = SimpleNamespace(meta={"sb_trust": trust})
    html = env.get_template("sb-trust.html").render(page=page)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())  # the text a reader sees


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- recording a review -------------------------------------------------------------------------


def test_review_records_who_when_and_fingerprint(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (root / BENEFITS).read_text(encoding="utf-8")
    assert review(root, BENEFITS) == 0
    after = (root / BENEFITS).read_text(encoding="utf-8")
    content = load_content(root / "content", root / "docs")
    recorded = content.benefits.review
    assert recorded.last_reviewed == DAY
    assert recorded.reviewed_by == "editorial-team"
    assert recorded.fingerprint == fingerprint(content.benefits)
    # Only the review block changed; everything above it is byte for byte the same.
    assert after.split("review:")[0] == before.split("review:")[0]
    assert after.endswith(
        f"review:\n  author: editorial-team\n  last_reviewed: {TODAY}\n"
        f"  reviewed_by: editorial-team\n  fingerprint: '{recorded.fingerprint}'\n"
    )
    assert f"{BENEFITS}: reviewed by editorial-team on {TODAY}" in capsys.readouterr().out


def test_a_fingerprint_of_digits_stays_text(root: Path) -> None:
    # 16 hex digits can all be digits; unquoted, YAML would read them as a number.
    text = (root / BENEFITS).read_text(encoding="utf-8")
    block = "  reviewed_by: editorial-team\n  fingerprint: "
    (root / BENEFITS).write_text(text.split(block)[0] + block + "1234567890123456\n")
    with pytest.raises(ContentErrors, match="was read as a number: put it in quotes"):
        load_content(root / "content", root / "docs")
    (root / BENEFITS).write_text(text.split(block)[0] + block + "'1234567890123456'\n")
    review = load_content(root / "content", root / "docs").benefits.review
    assert review.fingerprint == "1234567890123456"


def test_unchanged_content_is_current(root: Path) -> None:
    assert review(root, BENEFITS) == 0
    report = check(root)
    assert not [n for n in report.review_notices if n.file == BENEFITS]
    assert "Changed since last review" not in box(root)
    assert long_date(date.fromisoformat(TODAY)) in box(root)  # the day the review is recorded
    # Re-wrapping text, quoting and comments are not changes to what a reader reads.
    edit(
        root,
        BENEFITS,
        "intro: Exercise helps a little",
        "# a comment\nintro: >-\n  Exercise helps  a little",
    )
    assert not [n for n in check(root).review_notices if n.file == BENEFITS]


def test_one_word_changed_is_changed_since_last_review(root: Path) -> None:
    assert review(root, BENEFITS) == 0
    edit(root, BENEFITS, "modestly reduces", "slightly reduces")
    report = check(root)
    notices = [str(n) for n in report.review_notices if n.file == BENEFITS]
    assert len(notices) == 1
    assert notices[0].startswith(f"{BENEFITS}:19:16: review.fingerprint: changed since last review")
    assert f"on {TODAY}" in notices[0]
    assert f"Changed since last review on {long_date(date.fromisoformat(TODAY))}" in box(root)
    assert not report.errors  # a changed page is not an error of the content itself


def test_a_grade_change_is_a_change(root: Path) -> None:
    assert review(root, BENEFITS) == 0
    edit(root, BENEFITS, "evidence: moderate", "evidence: strong")
    assert [n.field for n in check(root).review_notices if n.file == BENEFITS] == [
        "review.fingerprint"
    ]


def test_check_lists_a_changed_page_as_warning_and_error_when_publishing(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for file in ("content/site.yml", BENEFITS, "content/causes.yml", "content/diet.yml",
                 "content/safety.yml", "content/exercises/bird-dog.yml",
                 "content/exercises/side-plank.yml", "content/handouts/starter.yml",
                 "docs/index.md"):  # fmt: skip
        assert review(root, file) == 0, file
    capsys.readouterr()
    assert main(["--root", str(root), "check", "--publish"]) == 0
    edit(root, BENEFITS, "modestly reduces", "slightly reduces")
    assert main(["--root", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert "1 warning:\nc" in out and "changed since last review" in out
    assert "CHANGED since review" in out  # the page's row in the table
    assert main(["--root", str(root), "check", "--publish"]) == 1
    out = capsys.readouterr().out
    assert "1 error:\ncontent/benefits.yml:19:16: review.fingerprint: changed since" in out


def test_a_review_without_fingerprint_is_listed(root: Path) -> None:
    text = (root / BENEFITS).read_text(encoding="utf-8")
    (root / BENEFITS).write_text(text.split("  reviewed_by:")[0], encoding="utf-8")
    notices = {n.file: n.message for n in check(root).review_notices}
    assert "does not record what it covered" in notices[BENEFITS]


def test_review_refuses_unknown_contributor(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (root / BENEFITS).read_text(encoding="utf-8")
    assert review(root, BENEFITS, by="editorial-teem") == 1
    err = capsys.readouterr().err
    assert "unknown contributor 'editorial-teem' (did you mean 'editorial-team'?)" in err
    assert (root / BENEFITS).read_text(encoding="utf-8") == before


def test_review_of_a_docs_page_and_of_references(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert review(root, "docs/index.md") == 0
    text = (root / "docs/index.md").read_text(encoding="utf-8")
    assert text.startswith("---\n") and f"  last_reviewed: {TODAY}\n" in text
    assert not [n for n in check(root).review_notices if n.file == "docs/index.md"]
    assert review(root, "content/references.yml") == 1
    assert "covered by the review in content/site.yml" in capsys.readouterr().err


# --- true dates ---------------------------------------------------------------------------------


def test_future_review_date_is_an_error_at_its_line(root: Path) -> None:
    edit(root, BENEFITS, "last_reviewed: 2026-01-15", "last_reviewed: 2026-12-08")
    errors = [str(e) for e in check(root).errors]
    assert errors == [
        f"{BENEFITS}:17:18: review.last_reviewed: review date 2026-12-08 is in the future "
        f"(today is {TODAY}); record a review only once it has happened"
    ]


def git(root: Path, *args: str, date_: str = "2026-03-01T12:00:00") -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=date_, GIT_COMMITTER_DATE=date_,
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")  # fmt: skip
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(root: Path) -> Path:
    git(root, "init", "-q")
    git(root, "add", "content", "docs")
    git(root, "commit", "-qm", "content")
    return root


def test_review_before_the_first_version_is_an_error_at_its_line(repo: Path) -> None:
    # The fixture's reviews say 2026-01-15; the files were first committed on 2026-03-01.
    errors = [str(e) for e in check(repo).errors if e.file == BENEFITS]
    assert len(errors) == 1
    assert errors[0].startswith(
        f"{BENEFITS}:17:18: review.last_reviewed: review date 2026-01-15 is before this file's "
        "first version (2026-03-01, commit "
    )
    assert review(repo, BENEFITS) == 0
    assert not [e for e in check(repo).errors if e.file == BENEFITS]


def test_a_renamed_file_keeps_its_first_version(repo: Path) -> None:
    git(repo, "mv", "content/exercises/side-plank.yml", "content/exercises/side-bridge.yml")
    git(repo, "commit", "-qm", "rename", date_="2026-06-01T12:00:00")
    history = first_versions(repo)
    assert history.unknown is None
    assert history.first["content/exercises/side-bridge.yml"].day == date(2026, 3, 1)


def test_untracked_file_has_no_first_version(repo: Path) -> None:
    shutil.copy(repo / BENEFITS, repo / "content/exercises/new.yml")
    assert "content/exercises/new.yml" not in first_versions(repo).first


def test_no_git_skips_the_history_rule(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(root / "no-such-folder"))
    report = check(root)
    assert report.history_unknown == "git is not available"
    assert not report.errors


def test_outside_a_repository_skips_the_history_rule(root: Path) -> None:
    assert first_versions(root).unknown is not None


def test_shallow_clone_skips_the_history_rule(repo: Path, tmp_path: Path) -> None:
    git(repo, "commit", "-q", "--allow-empty", "-m", "second", date_="2026-06-01T12:00:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    history = first_versions(clone)
    assert history.unknown is not None and "shallow" in history.unknown
    assert not check(clone).errors


def test_parse_log_takes_the_oldest_version_and_follows_renames() -> None:
    log = "\0abc1234 2026-02-01\n\nA\ta.yml\n\0def5678 2026-03-01\n\nR095\ta.yml\tb.yml\nA\tc.yml\n"
    first = parse_log(log)
    assert first["a.yml"].day == first["b.yml"].day == date(2026, 2, 1)
    assert first["c.yml"].commit == "def5678"


# --- one claim, one grade; sourced warning signs -------------------------------------------------


def test_near_identical_claims_with_different_grades_are_errors(root: Path) -> None:
    edit(
        root,
        "content/exercises/bird-dog.yml",
        "Exercise helps back pain a little [@hayden2021].\n    evidence: moderate",
        "Regular exercise modestly reduces long-term low back pain [@hayden2021].\n"
        "    evidence: strong",
    )
    errors = [str(e) for e in check(root).errors]
    assert errors == [
        f"{BENEFITS}:9:19: section 1, claim 1, evidence: graded 'moderate', but the same "
        "claim is graded 'strong' in content/exercises/bird-dog.yml:30 ('Regular exercise "
        "modestly reduces long-term low back pain. …'); one claim takes one grade",
        "content/exercises/bird-dog.yml:30:15: claim 1, evidence: graded 'strong', but the "
        f"same claim is graded 'moderate' in {BENEFITS}:9 ('Regular exercise modestly "
        "reduces long-term back pain. …'); one claim takes one grade",
    ]


def test_different_claims_from_one_source_may_differ_in_grade(root: Path) -> None:
    edit(
        root,
        "content/exercises/bird-dog.yml",
        "Exercise helps back pain a little [@hayden2021].\n    evidence: moderate",
        "Exercise helped people do daily tasks only a little [@hayden2021].\n    evidence: limited",
    )
    assert not check(root).errors


def test_unsourced_warning_sign_is_an_error(root: Path) -> None:
    edit(
        root,
        "content/safety.yml",
        "Weakness in both legs [@nhs-lbp-exercises].",
        "Weakness in both legs.",
    )
    assert [str(e) for e in check(root).errors] == [
        "content/safety.yml:11:5: emergency item 1: warning sign has no source; cite the guideline "
        "or health-service page it comes from, as [@key]"
    ]


# --- the real content ---------------------------------------------------------------------------


def test_real_content_is_reviewed_and_unchanged_since(project_content: Content) -> None:
    content = project_content
    report = check_content(content, today=DAY, root=REPO, catalogue=Catalogue.of(content))
    assert [str(n) for n in report.review_notices] == []
    for page in report.pages:
        assert page.review.reviewer is None  # clinical review stays pending
        assert page.review.last_reviewed <= DAY


# --- what the fingerprint leaves out; clinical reviewers -----------------------------------------


def test_figure_poses_and_the_review_block_are_not_part_of_the_fingerprint() -> None:
    # The real bird dog: drawn with `poses:` (issue 12), reviewed on 2026-11-29.
    exercise = load_content(REPO / "content", REPO / "docs").exercises["bird-dog"]
    assert exercise.poses is not None
    assert fingerprint(exercise.model_copy(update={"poses": None})) == fingerprint(exercise)
    other_review = exercise.model_copy(update={"review": exercise.review.model_copy(
        update={"last_reviewed": date(2026, 2, 1)})})  # fmt: skip
    assert fingerprint(other_review) == fingerprint(exercise)
    assert fingerprint(exercise.model_copy(update={"level": "advanced"})) != fingerprint(exercise)


def add_reviewer(root: Path) -> None:
    site = root / "content/site.yml"
    text = site.read_text(encoding="utf-8").replace(
        "review_cycle_months:",
        "reviewers:\n  - id: sam-example\n    name: Sam Example\n"
        "    credentials: Test credentials\n    role: Test reviewer\nreview_cycle_months:",
    )
    site.write_text(text, encoding="utf-8")


def test_a_clinical_review_names_the_reviewer(root: Path) -> None:
    add_reviewer(root)
    assert review(root, BENEFITS, by="sam-example") == 0
    recorded = load_content(root / "content", root / "docs").benefits.review
    assert (recorded.reviewer, recorded.reviewed_by) == ("sam-example", "sam-example")
    assert "Sam Example, Test credentials" in box(root)
    # An editorial review of the same text keeps the clinical sign-off...
    assert review(root, BENEFITS) == 0
    assert load_content(root / "content", root / "docs").benefits.review.reviewer == "sam-example"


def test_an_editorial_review_of_changed_text_makes_clinical_review_pending_again(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_reviewer(root)
    assert review(root, BENEFITS, by="sam-example") == 0
    edit(root, BENEFITS, "modestly reduces", "slightly reduces")
    assert review(root, BENEFITS) == 0
    assert "clinical review is pending again" in capsys.readouterr().out
    recorded = load_content(root / "content", root / "docs").benefits.review
    assert recorded.reviewer is None and recorded.reviewed_by == "editorial-team"
    assert "Pending: no clinician has reviewed this page yet." in box(root)
