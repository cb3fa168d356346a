"""The "Make a routine" page (routines/make/) as a clinician uses it: by keyboard only, on the
public site and from the offline copy; its address restores the routine; it prints on A4 and
Letter with every chosen exercise, dose, note, figure, the warning signs and a QR code of its own
address; broken or hostile addresses open safely; axe finds nothing; it works at 375 px."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from strongback.load.loader import load_content
from strongback.pages.dose_words import dose_details, dose_summary
from tests.browser.conftest import Session, SessionFactory
from tests.browser.test_accessibility import violations

pytestmark = pytest.mark.browser

PAGE = "routines/make/"
REPO = Path(__file__).resolve().parents[2]

CHOSEN = ["bird-dog", "cat-camel", "glute-bridge", "dead-bug"]
NOTE = "Keep your back flat; stop at 5 if it aches."


def focused(locator: Any) -> bool:
    return bool(locator.evaluate("node => node === document.activeElement"))


def tab_to(page: Any, locator: Any, limit: int = 600) -> None:
    """Press Tab (as a keyboard user does) until `locator` has the focus."""
    for _ in range(limit):
        if focused(locator):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def type_into(page: Any, locator: Any, text: str) -> None:
    tab_to(page, locator)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    if text:
        page.keyboard.type(text)


def status(page: Any) -> str:
    page.wait_for_timeout(120)  # the live region is refilled after a short pause
    text: str = page.locator("[data-sb-rb-status]").inner_text()
    return text


def build_by_keyboard(s: Session, path: str) -> None:
    """Four exercises added, one moved, doses changed, a note and the routine's fields, with the
    keyboard only."""
    page = s.page
    s.goto(path)
    page.locator("body").focus()
    for key in CHOSEN:
        tab_to(page, page.locator(f'[data-sb-rb-add="{key}"]'))
        page.keyboard.press("Enter")
    assert status(page).startswith("Dead bug added")
    item = page.locator("ol.sb-rb-chosen > li")
    assert item.count() == 4
    # Dead bug up one place: the focus stays on its Move up button.
    up = page.locator('[data-sb-rb-action="up"][data-sb-rb-index="3"]')
    tab_to(page, up)
    page.keyboard.press("Enter")
    assert status(page) == "Dead bug moved to place 3 of 4."
    assert focused(page.locator('[data-sb-rb-action="up"][data-sb-rb-index="2"]'))
    # Doses: bird dog 3 sets of 8, glute bridge 12 reps; an out-of-range value is refused next
    # to its field, then corrected.
    type_into(page, page.locator("#sb-rb-0-sets"), "3")
    type_into(page, page.locator("#sb-rb-0-reps"), "80")
    assert page.locator("#sb-rb-0-reps-error").inner_text() == "Repetitions must be from 1 to 50."
    assert page.locator("#sb-rb-0-reps").get_attribute("aria-invalid") == "true"
    type_into(page, page.locator("#sb-rb-0-reps"), "8")
    assert page.locator("#sb-rb-0-reps-error").is_hidden()
    type_into(page, page.locator("#sb-rb-3-reps"), "12")
    type_into(page, page.locator("#sb-rb-1-note"), NOTE)
    type_into(page, page.locator("#sb-rb-title"), "Stiff back: kneeling")
    type_into(page, page.locator("#sb-rb-days"), "3")
    type_into(page, page.locator("#sb-rb-weeks"), "6")
    type_into(page, page.locator("#sb-rb-clinician"), "Riverside Physio, 01234 567890")


def routine_on_page(page: Any) -> dict[str, Any]:
    """What the page shows of the routine: its fields, and each exercise's name and dose fields."""
    items = []
    for li in page.locator("ol.sb-rb-chosen > li").all():
        fields = {
            field.get_attribute("data-sb-rb-dose"): field.input_value()
            for field in li.locator("[data-sb-rb-dose]").all()
        }
        items.append(
            {
                "name": li.locator("h3").inner_text(),
                "dose": fields,
                "side": li.locator("[data-sb-rb-side]").is_checked(),
                "note": li.locator("[data-sb-rb-note]").input_value(),
            }
        )
    return {
        "title": page.locator("#sb-rb-title").input_value(),
        "days": page.locator("#sb-rb-days").input_value(),
        "weeks": page.locator("#sb-rb-weeks").input_value(),
        "clinician": page.locator("#sb-rb-clinician").input_value(),
        "items": items,
    }


DOSES: dict[str, dict[str, int]] = {
    "bird-dog": {"sets": 3, "reps": 8},
    "cat-camel": {},
    "dead-bug": {},
    "glute-bridge": {"reps": 12},
}
"""What build_by_keyboard changes of each exercise's own dose."""


def printed_dose(key: str, **changes: int) -> str:
    content = load_content(REPO / "content", REPO / "docs")
    dose = content.exercises[key].dose.model_copy(update=changes)
    return "Dose: " + (dose_summary(dose) + ". " + dose_details(dose)).strip()


EXPECTED_ORDER = ["1. Bird dog", "2. Cat\u2013camel", "3. Dead bug", "4. Glute bridge"]


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    return " ".join(out.stdout.split())


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def qr_codes(pdf: Path, folder: Path) -> list[str]:
    """Every QR code zbarimg finds on the PDF's pages, rendered at 200 dpi."""
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(folder / "page")], check=True)
    found = []
    for png in sorted(folder.glob("page*.png")):
        out = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
            capture_output=True,
            text=True,
        )
        found += [line for line in out.stdout.splitlines() if line]
    return found


def print_pdf(s: Session, paper: str, target: Path) -> Path:
    """Choose the paper on the page (by keyboard) and print to PDF at the page's own size."""
    page = s.page
    radio = page.locator(f'[data-sb-rb-paper][value="{paper}"]')
    if not radio.is_checked():
        other = page.locator("[data-sb-rb-paper]:checked")
        tab_to(page, other)
        page.keyboard.press("ArrowDown" if paper == "letter" else "ArrowUp")
    assert radio.is_checked()
    page.emulate_media(media="print")
    page.pdf(path=str(target), prefer_css_page_size=True)
    page.emulate_media(media="screen")
    return target


@pytest.fixture(scope="module")
def tools() -> None:
    for tool in ("pdftotext", "pdftoppm", "pdfinfo", "zbarimg"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is needed (apt-get install poppler-utils zbar-tools)")


def check_printed(s: Session, tmp_path: Path, public: str | None = None) -> None:
    """Print on A4 and on Letter; `public`: the published site's address, which the QR code
    opens from the offline copy (else the page's own address)."""
    page = s.page
    for paper, points in (("a4", (595, 842)), ("letter", (612, 792))):
        pdf = print_pdf(s, paper, tmp_path / f"routine-{paper}.pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        size = next(x for x in info.splitlines() if x.startswith("Page size:")).split()
        assert (round(float(size[2])), round(float(size[4]))) == points, paper
        text = pdf_text(pdf)
        for name in EXPECTED_ORDER:
            assert name in text
        assert "Stiff back: kneeling" in text
        assert "How often: 3 days a week for 6 weeks." in text
        assert "From: Riverside Physio, 01234 567890" in text
        # Each dose in the same words as the site's own pages (strongback.dose), as changed.
        for key, changes in DOSES.items():
            assert printed_dose(key, **changes) in text
        assert NOTE in text
        assert "Get help urgently" in text and "Call your emergency number" in text
        assert "When to stop" in text and "tick each day you exercise" in text
        assert "This sheet is not medical advice" in text
        # Every card carries the exercise's figures; their captions are printed.
        cards = page.locator(".sb-rb-card")
        assert cards.count() == 4
        for card in cards.all():
            assert card.locator(".sb-figure svg").count() >= 2
        assert "Start" in text
        # The tick log has a row for each of the 6 weeks.
        assert page.locator(".sb-rb-log__table tbody tr").count() == 6
        pngs = tmp_path / paper
        pngs.mkdir()
        # The paper is part of the routine's address too (p=l for Letter).
        fragment = page.url.split("#", 1)[1]
        expected = f"{public.rstrip('/')}/{PAGE}#{fragment}" if public else page.url
        assert qr_codes(pdf, pngs) == [expected]
        estimate = int(page.locator("[data-sb-rb-pages]").get_attribute("data-pages") or 0)
        assert estimate == pdf_pages(pdf), f"the page said {estimate} pages ({paper})"


def test_keyboard_routine_restores_and_prints(
    site: SessionFactory, tmp_path: Path, tools: None
) -> None:
    s = site()
    build_by_keyboard(s, PAGE)
    page = s.page
    shown = routine_on_page(page)
    assert [item["name"] for item in shown["items"]] == EXPECTED_ORDER
    assert shown["items"][0]["dose"] == {"sets": "3", "reps": "8", "hold": "5", "rest": "45"}
    assert shown["items"][1]["note"] == NOTE
    address = page.url
    fragment = address.split("#", 1)[1]
    assert fragment.startswith("r1.")
    assert page.locator("[data-sb-rb-address]").input_value() == address

    # The same address in a new browser context: the same routine, the same address.
    again = site()
    again.page.goto(address)
    assert routine_on_page(again.page) == shown
    assert again.page.url == address
    assert again.page.locator("[data-sb-rb-notice]").is_hidden()

    check_printed(s, tmp_path)
    s.assert_clean()
    again.assert_clean()


SIX = [
    "bird-dog.s2r6h5b45x:Slowly%2C+keep+your+hips+level",
    "cat-camel.s1r8:Only+as+far+as+is+comfortable",
    "glute-bridge.s2r8h3b60:Squeeze+your+buttocks+at+the+top",
    "dead-bug.s2r6b45x:Keep+your+lower+back+on+the+floor",
    "side-plank-knees.s1r3h20x:Build+up+the+hold+slowly",
    "knee-rolls.s1r8x:Small+movements+at+first",
]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_six_exercises_print_on_two_pages(
    site: SessionFactory, tmp_path: Path, paper: str, tools: None
) -> None:
    s = site()
    fragment = "r1.t=Back+routine;d=3;w=8;c=Riverside+Physio+01234+567890;" + ";".join(SIX)
    s.goto(PAGE + "#" + fragment)
    assert s.page.url.endswith(fragment), "the page keeps a valid address as it is"
    pdf = print_pdf(s, paper, tmp_path / "six.pdf")
    pages = pdf_pages(pdf)
    assert pages <= 2
    assert int(s.page.locator("[data-sb-rb-pages]").get_attribute("data-pages") or 0) == pages
    text = pdf_text(pdf)
    for note in ("Slowly, keep your hips level", "Small movements at first"):
        assert note in text
    assert s.page.locator("[data-sb-rb-warning]").is_hidden(), (
        "6 exercises: no long-routine warning"
    )
    # The address length a clinician sends, for the README and the report.
    print(f"address for 6 exercises with notes: {len(s.page.url)} characters")
    s.assert_clean()


def test_long_routine_is_warned(site: SessionFactory) -> None:
    s = site()
    extra = ["pelvic-tilt", "hip-hinge", "curl-up"]
    s.goto(PAGE + "#r1.w=52;" + ";".join(SIX + extra))
    warning = s.page.locator("[data-sb-rb-warning]")
    assert warning.is_visible()
    assert "9 exercises" in warning.inner_text()
    pages = int(s.page.locator("[data-sb-rb-pages]").get_attribute("data-pages") or 0)
    assert pages >= 3
    assert f"It prints on {pages} pages." in warning.inner_text()
    s.assert_clean()


SCRIPTED = "<img src=x onerror=alert(1)><script>alert(2)</script>"

HOSTILE = {
    "truncated": (
        "r1.t=Back;bird-dog.s2r6h5b45x;cat-cam",
        ["1. Bird dog"],
        ["The exercise “cat-cam” is not on this site"],
    ),
    "truncated text": ("r1.t=Back%2;bird-dog", ["1. Bird dog"], ["The title could not be read"]),
    "future version": (
        "r7.bird-dog.s2r6;zzz=1",
        ["1. Bird dog"],
        ["newer version of this page (version 7)", "“zzz=1”"],
    ),
    "unknown exercise": (
        "r1.no-such-move.s2r5;glute-bridge.s2r8h3b60",
        ["1. Glute bridge"],
        ["The exercise “no-such-move” is not on this site"],
    ),
    "out of range": (
        "r1.d=9;w=0;bird-dog.s99r500h5b45x;bird-dog",
        ["1. Bird dog"],
        [
            "Days a week: 9 is outside 1–7",
            "Weeks: 0 is outside 1–52",
            "Bird dog, sets: 99 is outside 1–10",
            "Bird dog, repetitions: 500 is outside 1–50",
            "Bird dog was listed twice",
        ],
    ),
    "markup in a note": (
        "r1.t=" + quote("<b>Title</b>") + ";bird-dog.s2r6:" + quote(SCRIPTED),
        ["1. Bird dog"],
        [],
    ),
    "not a routine": ("<script>alert(1)</script>", [], ["not a routine from this page"]),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_broken_and_hostile_addresses_open_safely(site: SessionFactory, case: str) -> None:
    fragment, names, messages = HOSTILE[case]
    s = site()
    page = s.page
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    s.goto(PAGE + "#" + fragment)
    page.wait_for_timeout(200)
    assert dialogs == [], "no script from the address ran"
    made = "[data-sb-rb-app], [data-sb-rb-sheet], [data-sb-rb-notice]"
    assert page.locator("img[src='x']").count() == 0
    assert page.locator(f":is({made}) :is(script, b, img)").count() == 0
    shown = [li.locator("h3").inner_text() for li in page.locator("ol.sb-rb-chosen > li").all()]
    assert shown == names
    notice = page.locator("[data-sb-rb-notice]")
    if messages:
        assert notice.is_visible()
        text = notice.inner_text()
        for message in messages:
            assert message in text, text
    else:
        assert notice.is_hidden()
    if case == "out of range":
        # The values outside their ranges are left empty, never replaced by another dose.
        assert page.locator("#sb-rb-0-sets").input_value() == ""
        assert page.locator("#sb-rb-0-reps").input_value() == ""
        assert page.locator("#sb-rb-0-hold").input_value() == "5"
        assert page.locator("#sb-rb-days").input_value() == ""
    if case == "markup in a note":
        assert page.locator("#sb-rb-0-note").input_value() == SCRIPTED
        assert page.locator(".sb-rb-card__note").evaluate("n => n.textContent") == SCRIPTED
        assert page.locator("#sb-rb-title").input_value() == "<b>Title</b>"
    # The page still works: add an exercise.
    page.locator('[data-sb-rb-add="pelvic-tilt"]').click()
    assert (
        page.locator("ol.sb-rb-chosen > li").last.locator("h3").inner_text().endswith("Pelvic tilt")
    )
    s.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_builder_with_a_routine_has_no_wcag_violations(site: SessionFactory, scheme: str) -> None:
    s = site(color_scheme=scheme)
    s.goto(PAGE + "#r1.t=Back;d=3;w=x;" + ";".join(SIX[:3]) + ";nothing-here")
    s.page.locator("#sb-rb-1-reps").fill("99")  # an error shown next to its field
    assert s.page.locator("[data-sb-rb-notice]").is_visible()
    assert violations(s.page) == []
    s.assert_clean()


def test_builder_works_at_375_px(site: SessionFactory) -> None:
    s = site(viewport={"width": 375, "height": 800})
    s.goto(PAGE + "#r1." + ";".join(SIX[:2]))
    page = s.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.locator('[data-sb-rb-add="pelvic-tilt"]').click()
    assert page.locator("ol.sb-rb-chosen > li").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    s.assert_clean()


def test_offline_copy_builds_and_prints_from_disk(
    offline: Session, offline_site: Path, tmp_path: Path, tools: None
) -> None:
    assert (offline_site / "routines" / "make.html").is_file()
    s = offline
    build_by_keyboard(s, "routines/make.html")
    page = s.page
    assert [i["name"] for i in routine_on_page(page)["items"]] == EXPECTED_ORDER
    assert page.url.startswith("file://")
    # A phone cannot open a file on this computer: the QR code opens the published page.
    check_printed(s, tmp_path, public=page.evaluate("window.SB_ROUTINE_DATA.address"))
    assert s.requests and all(url.startswith("file://") for url in s.requests)
    s.assert_clean()


def test_add_to_a_routine_from_an_exercise_page_and_the_finder(site: SessionFactory) -> None:
    s = site()
    page = s.page
    names = page.locator("ol.sb-rb-chosen > li h3")
    s.goto("exercises/bird-dog/")
    page.get_by_role("link", name="Add to a routine").click()
    expect(names).to_have_text(["1. Bird dog"])
    assert s.path() == PAGE
    assert page.locator("#sb-rb-0-reps").input_value() == "6", "the exercise's own dose"
    assert page.locator("[data-sb-rb-notice]").is_hidden()
    expect(page).to_have_url(re.compile(re.escape("#r1.bird-dog.s2r6h5b45x") + "$"))
    s.goto("exercises/")
    page.get_by_role("link", name="Add cat\u2013camel to a routine").click()
    expect(names).to_have_text(["1. Cat\u2013camel"])
    for start in ("handouts/", ""):
        s.goto(start)
        page.locator("article").get_by_role("link", name="make a routine").click()
        expect(page.locator("h1")).to_contain_text("Make a routine")
        assert s.path() == PAGE
    s.assert_clean()
