"""Save a PNG of every wizard page, to look at the app without a screen.

Usage::

    QT_QPA_PLATFORM=offscreen python -m ui.screenshots OUT_DIR [--draft FILE] [--long]
        [--size 1000x760] [--text-size 100..200] [--theme light|dark|high_contrast]
    QT_QPA_PLATFORM=offscreen python -m ui.screenshots --readme

``--readme`` writes the pictures the README shows into ``resources/screenshots/``: pages of
the scars example in light, dark and high-contrast colours and at 200 % text, and page 1 of
its PDF (made with ``pdftoppm`` if it is installed).

With ``--draft`` the pages show that ``.consultprep`` file; otherwise a scripted draft is used
(``--long`` fills it with a very long Unicode name and a 5,000-character symptoms text). For
each page two pictures are saved: ``NN-page.png`` (the window as the patient sees it) and
``NN-page-full.png`` (the whole scrollable page, to check nothing is clipped further down).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from consultprep.checklist import add_own_question, set_top, sync_checklist
from consultprep.content import Library, load_library
from consultprep.models import AboutSkin, ClinicOffer, Draft, Scores, TriedTreatment
from consultprep.storage import load_draft

LONG_NAME = "Zoë Ångström-Łukasiewicz-Oyèlárán 李小龍 Μαρία محمد 🙂 " * 3
LONG_SYMPTOMS = ("Itchy, sore and sometimes bleeding; worse at night — ünïcödé ✓. " * 80)[:5000]


def scripted_draft(library: Library, *, long: bool = False, concern_index: int = 0) -> Draft:
    """A filled-in draft for the pictures (``long``: extreme name and symptoms)."""
    concern = library.concerns[concern_index]
    draft = Draft(concern=concern.id, subtype=concern.subtypes[-1].id)
    draft.about = AboutSkin(
        patient_name=LONG_NAME.strip() if long else "Zoë <b>&amp;</b> 🙂",
        body_area="Left lower leg, just above the ankle",
        duration="About two years",
        symptoms=LONG_SYMPTOMS if long else "Itchy and sore, bleeds when knocked.",
        scores=Scores(itch=7, pain=3, sleep=5),
        treatments_tried=[
            TriedTreatment(name="Steroid cream", how_it_went="Helped a little at first"),
            TriedTreatment(name="Silicone sheets", how_it_went="Hard to keep on"),
        ],
        medicines="Metformin 500 mg twice a day",
        allergies="Penicillin",
        conditions=[library.conditions[0].id],
        goals="I would like it to stop itching at night.",
        appointment_date=date(2031, 3, 14),
        clinician="Dr Ada Ñúñez",
    )
    draft.offer = ClinicOffer(
        offered=True,
        treatment="Stem-cell injections",
        clinic="Bright Skin Clinic",
        location="abroad",
        country="Somewhere",
        cost="£4,000 for three sessions",
        claims="They said it would be gone in six weeks.",
        red_flags=[f.id for f in library.red_flags[:2]],
    )
    sync_checklist(draft, library)
    own = add_own_question(draft, "Can I bring my daughter to the appointment? (<b>yes?</b>)")
    set_top(draft, own.id, True)
    set_top(draft, draft.checklist[0].id, True)
    draft.checklist[1].included = False
    return draft


def save_pictures(
    out_dir: Path,
    draft: Draft,
    library: Library,
    size: tuple[int, int] = (1000, 760),
    *,
    scale: int = 100,
    theme_key: str = "light",
    full: bool = True,
) -> list[Path]:
    """Walk every page of a real main window on ``draft`` and save PNGs; return the files.

    ``scale`` is the text size in per cent and ``theme_key`` a key of ``ui.theme.CHOICES``;
    ``full`` also saves each whole scrollable page.
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QScrollArea

    from ui.app import ensure_app
    from ui.appearance import appearance
    from ui.main_window import MainWindow
    from ui.settings import use_settings_file
    from ui.style import apply_app_style

    app = ensure_app()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        use_settings_file(Path(scratch) / "settings.ini")  # never the user's own settings
        try:
            apply_app_style(app)
            look = appearance(app)
            look.set_theme(theme_key)
            look.set_scale(scale)
            # Autosaves go to the scratch folder too: never into the user's own.
            window = MainWindow(library, draft, None, autosave_folder=Path(scratch) / "autosave")
            window.resize(*size)
            window.show()
            saved = _walk(app, window, out_dir, full, QScrollArea)
            window.hide()  # not close(): that would ask about saving the scripted draft
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        finally:
            use_settings_file(None)
    return saved


def _walk(app, window, out_dir: Path, full: bool, scroll_area_type) -> list[Path]:
    saved: list[Path] = []
    wizard = window.wizard
    for n, page_id in enumerate(wizard.pageIds()):
        if wizard.currentId() != page_id:
            wizard.button(wizard.WizardButton.NextButton).setFocus()  # as if clicked
            wizard.next()
        if wizard.currentId() != page_id:
            print(f"could not reach page {page_id}", file=sys.stderr)
            break
        for _ in range(3):
            app.processEvents()
        stem = f"{n:02d}-{page_name(wizard, page_id)}"
        path = out_dir / f"{stem}.png"
        window.grab().save(str(path))
        saved.append(path)
        areas = wizard.currentPage().findChildren(scroll_area_type)
        if full and areas and areas[0].widget() is not None:
            content = areas[0].widget()
            full_path = out_dir / f"{stem}-full.png"
            content.grab().save(str(full_path))
            saved.append(full_path)
    return saved


def page_name(wizard, page_id: int) -> str:
    """The page's PageId name in lower case ("evidence"), or its number."""
    from ui.wizard import PageId

    try:
        return PageId(page_id).name.lower()
    except ValueError:
        return str(page_id)


#: The README pictures: (file name, page name, theme, text size in per cent).
README_PAGES = (
    ("evidence.png", "evidence", "light", 100),
    ("questions.png", "questions", "light", 100),
    ("evidence-dark.png", "evidence", "dark", 100),
    ("questions-large-text.png", "questions", "light", 200),
    ("offer-high-contrast.png", "offer", "high_contrast", 100),
)
README_DRAFT = "scars.consultprep"


def readme_pictures(out_dir: Path) -> list[Path]:
    """Write the README's pictures into ``out_dir``: pages of the scars example, and page 1
    of its PDF (if ``pdftoppm`` is installed). Returns the files written."""
    import shutil
    import subprocess

    from resources import folder

    library = load_library()
    example = folder("examples", README_DRAFT)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for name, page, theme_key, scale in README_PAGES:
            pictures = save_pictures(
                work / name,
                load_draft(str(example)),
                library,
                scale=scale,
                theme_key=theme_key,
                full=False,
            )
            found = [p for p in pictures if p.stem.split("-", 1)[1] == page]
            if found:
                shutil.copyfile(found[0], out_dir / name)
                written.append(out_dir / name)
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm:
            from exports import export_pdf

            pdf = export_pdf(load_draft(str(example)), work / "pack.pdf", library)
            prefix = work / "pdf"
            subprocess.run(
                [pdftoppm, "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(prefix)],
                check=True,
            )
            page_one = next(work.glob("pdf*.png"))
            shutil.copyfile(page_one, out_dir / "pdf-page-1.png")
            written.append(out_dir / "pdf-page-1.png")
        else:
            print("pdftoppm not found: the PDF picture was not made", file=sys.stderr)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__)
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("screenshots"))
    parser.add_argument(
        "--readme",
        action="store_true",
        help="write the README pictures into resources/screenshots/ (OUT_DIR is ignored)",
    )
    parser.add_argument("--draft", help="a .consultprep file to show")
    parser.add_argument("--long", action="store_true", help="extreme name and symptoms")
    parser.add_argument("--concern", type=int, default=0, help="which concern, 0 to 3")
    parser.add_argument("--size", default="1000x760", help="window size, e.g. 800x600")
    parser.add_argument("--text-size", type=int, default=100, help="text size in per cent")
    parser.add_argument(
        "--theme", default="light", choices=["light", "dark", "high_contrast", "high_contrast_light"], help="colours"
    )
    args = parser.parse_args(argv)
    if args.readme:
        from resources import folder

        for path in readme_pictures(folder("screenshots")):
            print(path)
        return 0
    library = load_library()
    if args.draft:
        draft = load_draft(args.draft)
    else:
        draft = scripted_draft(library, long=args.long, concern_index=args.concern)
    width, height = (int(n) for n in args.size.lower().split("x"))
    pictures = save_pictures(
        args.out_dir, draft, library, (width, height), scale=args.text_size, theme_key=args.theme
    )
    for path in pictures:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
